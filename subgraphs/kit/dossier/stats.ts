import { Directive, Field, Float, Int, ObjectType } from "type-graphql";
import type { EntityManager } from "typeorm";

import { type Database, sharedQuery, sqlInstant } from "../database";
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
    description:
      "Tỷ lệ đúng hạn — the hub's own figure, onTime / (onTime + late) over ended dossiers (not indicator 2.1: see nationalOnTimeRate); none when nothing ended",
  })
  onTimeRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Tỷ lệ trực tuyến — share filed online; none when nothing was received",
  })
  onlineShare: number | null;

  @Field(() => Int, {
    description:
      "Chỉ số 2.1, tử số — accepted dossiers on time as the national indicator 2.1 counts them (QĐ 766/QĐ-TTg): ended on time, or still within their due date",
  })
  nationalOnTime: number;

  @Field(() => Int, {
    description: "Chỉ số 2.1, mẫu số — every dossier accepted in the period, open ones included",
  })
  nationalCounted: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Chỉ số 2.1 — the national indicator 'tỷ lệ hồ sơ xử lý trước hạn, đúng hạn': nationalOnTime / nationalCounted. It differs from onTimeRate, the hub's own figure: open dossiers count (within their due date as on time), a withdrawal ends a dossier, and waiting for the citizen is subtracted as elapsed, not working, time. None when nothing was accepted",
  })
  nationalOnTimeRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Thời gian xử lý trung bình (giờ) — from acceptance to completion",
  })
  avgProcessingHours: number | null;
}

export interface StatsRow
  extends Omit<DossierStats, "onTimeRate" | "onlineShare" | "avgProcessingHours" | "nationalOnTimeRate"> {
  key: string;
  procedureCode: string;
  online: number;
  processingHoursSum: number;
  processedCount: number;
}

const ENDED = [DossierStatus.COMPLETED, DossierStatus.RETURNED, DossierStatus.STOPPED, DossierStatus.REFUSED];
const COMPLETED = [DossierStatus.COMPLETED, DossierStatus.RETURNED];
const OPEN_ON_THE_CLOCK = [DossierStatus.ACCEPTED, DossierStatus.PROCESSING];
/** The national indicator's end states: the hub's, and a withdrawal. */
const NATIONAL_ENDED = [...ENDED, DossierStatus.WITHDRAWN];
const WAITING = [DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.FINANCIAL_OBLIGATION];
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
  // Indicator 2.1 (QĐ 766/QĐ-TTg, as the national coordination system computes it): an ended
  // dossier is on time when its end less the time spent waiting for the citizen (elapsed time) is
  // by its due date; one waiting now ends at the time of the request; any other open dossier ends
  // at the close of the period (or now, if sooner); more than one supplement request is late.
  const endLessWaiting =
    kind === "mysql"
      ? "TIMESTAMPADD(MICROSECOND, -1000 * supplement_ms, ended_at) <= due_at"
      : "julianday(ended_at) - supplement_ms / 86400000.0 <= julianday(due_at)";
  const nationalOnTime = `accepted_at IS NOT NULL AND supplement_count <= 1 AND (
      (status IN (${list(NATIONAL_ENDED)}) AND ${endLessWaiting})
      OR (status IN (${list(WAITING)}) AND supplement_since <= due_at)
      OR (status IN (${list(OPEN_ON_THE_CLOCK)}) AND ? <= due_at))`;
  // As at the start of the current second: the figures of everyone asking in that second are then
  // the same statement, which they share while it runs (sharedQuery).
  const now = new Date(Math.floor(period.now.getTime() / 1000) * 1000);
  const rows = await sharedQuery<Record<string, string | number | null>[]>(
    manager,
    `SELECT ${groupColumn} AS k, procedure_code AS p,
            COUNT(*) AS received,
            SUM(CASE WHEN status IN (${list(COMPLETED)}) THEN 1 ELSE 0 END) AS completed,
            SUM(CASE WHEN ${onTime} THEN 1 ELSE 0 END) AS on_time,
            SUM(CASE WHEN status IN (${list(ENDED)}) AND NOT (${onTime}) THEN 1 ELSE 0 END) AS late,
            SUM(CASE WHEN status IN (${list(OPEN_ON_THE_CLOCK)}) AND effective_due_at < ? THEN 1 ELSE 0 END) AS overdue,
            SUM(CASE WHEN channel = 'ONLINE' THEN 1 ELSE 0 END) AS online,
            SUM(CASE WHEN ${nationalOnTime} THEN 1 ELSE 0 END) AS national_on_time,
            SUM(CASE WHEN accepted_at IS NOT NULL THEN 1 ELSE 0 END) AS national_counted,
            SUM(CASE WHEN status IN (${list(COMPLETED)}) AND accepted_at IS NOT NULL THEN ${hours} ELSE 0 END) AS hours_sum,
            SUM(CASE WHEN status IN (${list(COMPLETED)}) AND accepted_at IS NOT NULL THEN 1 ELSE 0 END) AS processed
       FROM ${table}
      WHERE ${groupColumn} IN (${keys.map(() => "?").join(", ")})
        AND received_at >= ? AND received_at <= ?
        ${restrictToProvince ? "AND province_code = ?" : ""}
      GROUP BY ${groupColumn}, procedure_code`,
    [
      sqlInstant(now),
      sqlInstant(period.to < now ? period.to : now),
      ...keys,
      sqlInstant(period.from),
      sqlInstant(period.to),
      ...(restrictToProvince ? [restrictToProvince] : []),
    ],
  );
  return rows.map((row) => ({
    key: String(row.k),
    procedureCode: String(row.p),
    received: Number(row.received),
    completed: Number(row.completed),
    onTime: Number(row.on_time),
    late: Number(row.late),
    overdue: Number(row.overdue),
    online: Number(row.online),
    nationalOnTime: Number(row.national_on_time),
    nationalCounted: Number(row.national_counted),
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
      nationalOnTime: sum.nationalOnTime + row.nationalOnTime,
      nationalCounted: sum.nationalCounted + row.nationalCounted,
    }),
    {
      received: 0,
      completed: 0,
      onTime: 0,
      late: 0,
      overdue: 0,
      online: 0,
      hours: 0,
      processed: 0,
      nationalOnTime: 0,
      nationalCounted: 0,
    },
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
    nationalOnTime: total.nationalOnTime,
    nationalCounted: total.nationalCounted,
    nationalOnTimeRate: total.nationalCounted > 0 ? total.nationalOnTime / total.nationalCounted : null,
  });
};
