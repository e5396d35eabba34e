import { Directive, Field, Float, Int, ObjectType } from "type-graphql";
import type { EntityManager } from "typeorm";

import { type Database, sqlInstant } from "../database";
import { DossierStatus } from "./status";

/**
 * Desk statistics (DESIGN §4) for one commune, province or procedure over a period of receipt:
 * the national on-time indicator in grouped SQL, never rows pulled into Node.
 */
@Directive("@shareable")
@ObjectType("DossierStats", { description: "Số liệu hồ sơ — dossier figures for a period of receipt" })
export class DossierStats {
  @Field(() => Int, { description: "Tiếp nhận — dossiers received in the period" })
  received: number;

  @Field(() => Int, { description: "Đã giải quyết — completed or returned" })
  completed: number;

  @Field(() => Int, {
    description: "Đúng hạn — ended on or before the (extended) due date, at most one supplement request",
  })
  onTime: number;

  @Field(() => Int, { description: "Trễ hạn — ended after the due date, or after a second supplement request" })
  late: number;

  @Field(() => Int, { description: "Quá hạn — still open (accepted or processing) past the due date" })
  overdue: number;

  @Field(() => Float, {
    nullable: true,
    description: "Tỷ lệ đúng hạn — onTime / (onTime + late); none when nothing ended",
  })
  onTimeRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Tỷ lệ trực tuyến — share filed online; none when nothing was received",
  })
  onlineShare: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Thời gian xử lý trung bình (giờ) — from acceptance to completion",
  })
  avgProcessingHours: number | null;
}

export interface StatsRow extends Omit<DossierStats, "onTimeRate" | "onlineShare" | "avgProcessingHours"> {
  key: string;
  procedureCode: string;
  online: number;
  processingHoursSum: number;
  processedCount: number;
}

const ENDED = [DossierStatus.COMPLETED, DossierStatus.RETURNED, DossierStatus.STOPPED, DossierStatus.REFUSED];
const COMPLETED = [DossierStatus.COMPLETED, DossierStatus.RETURNED];
const OPEN_ON_THE_CLOCK = [DossierStatus.ACCEPTED, DossierStatus.PROCESSING];
const list = (statuses: DossierStatus[]) => statuses.map((s) => `'${s}'`).join(", ");

/**
 * One grouped query for a whole batch of communes (or provinces): the figures per key and
 * procedure, received between `from` and `to`, as at `now`.
 */
export const queryDossierStats = async (
  manager: EntityManager,
  kind: Database["kind"],
  table: string,
  groupColumn: "commune_code" | "province_code",
  keys: readonly string[],
  period: { from: Date; to: Date; now: Date },
  restrictToProvince?: string,
): Promise<StatsRow[]> => {
  if (keys.length === 0) return [];
  const hours =
    kind === "mysql"
      ? "TIMESTAMPDIFF(MICROSECOND, accepted_at, ended_at) / 3600000000"
      : "(julianday(ended_at) - julianday(accepted_at)) * 24";
  const onTime = `status IN (${list(ENDED)}) AND supplement_count <= 1 AND ended_at <= effective_due_at`;
  const rows = (await manager.query(
    `SELECT ${groupColumn} AS k, procedure_code AS p,
            COUNT(*) AS received,
            SUM(CASE WHEN status IN (${list(COMPLETED)}) THEN 1 ELSE 0 END) AS completed,
            SUM(CASE WHEN ${onTime} THEN 1 ELSE 0 END) AS on_time,
            SUM(CASE WHEN status IN (${list(ENDED)}) AND NOT (${onTime}) THEN 1 ELSE 0 END) AS late,
            SUM(CASE WHEN status IN (${list(OPEN_ON_THE_CLOCK)}) AND effective_due_at < ? THEN 1 ELSE 0 END) AS overdue,
            SUM(CASE WHEN channel = 'ONLINE' THEN 1 ELSE 0 END) AS online,
            SUM(CASE WHEN status IN (${list(COMPLETED)}) AND accepted_at IS NOT NULL THEN ${hours} ELSE 0 END) AS hours_sum,
            SUM(CASE WHEN status IN (${list(COMPLETED)}) AND accepted_at IS NOT NULL THEN 1 ELSE 0 END) AS processed
       FROM ${table}
      WHERE ${groupColumn} IN (${keys.map(() => "?").join(", ")})
        AND received_at >= ? AND received_at <= ?
        ${restrictToProvince ? "AND province_code = ?" : ""}
      GROUP BY ${groupColumn}, procedure_code`,
    [
      sqlInstant(period.now),
      ...keys,
      sqlInstant(period.from),
      sqlInstant(period.to),
      ...(restrictToProvince ? [restrictToProvince] : []),
    ],
  )) as Record<string, string | number | null>[];
  return rows.map((row) => ({
    key: String(row.k),
    procedureCode: String(row.p),
    received: Number(row.received),
    completed: Number(row.completed),
    onTime: Number(row.on_time),
    late: Number(row.late),
    overdue: Number(row.overdue),
    online: Number(row.online),
    processingHoursSum: Number(row.hours_sum ?? 0),
    processedCount: Number(row.processed),
  }));
};

/** Adds rows up into one set of figures, with the rates. */
export const summarise = (rows: readonly StatsRow[]): DossierStats => {
  const total = rows.reduce(
    (sum, row) => ({
      received: sum.received + row.received,
      completed: sum.completed + row.completed,
      onTime: sum.onTime + row.onTime,
      late: sum.late + row.late,
      overdue: sum.overdue + row.overdue,
      online: sum.online + row.online,
      hours: sum.hours + row.processingHoursSum,
      processed: sum.processed + row.processedCount,
    }),
    { received: 0, completed: 0, onTime: 0, late: 0, overdue: 0, online: 0, hours: 0, processed: 0 },
  );
  const ended = total.onTime + total.late;
  return Object.assign(new DossierStats(), {
    received: total.received,
    completed: total.completed,
    onTime: total.onTime,
    late: total.late,
    overdue: total.overdue,
    onTimeRate: ended > 0 ? total.onTime / ended : null,
    onlineShare: total.received > 0 ? total.online / total.received : null,
    avgProcessingHours: total.processed > 0 ? Math.round((total.hours / total.processed) * 100) / 100 : null,
  });
};
