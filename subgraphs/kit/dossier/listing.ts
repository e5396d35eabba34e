import type { EntityManager, EntityTarget } from "typeorm";
import { In } from "typeorm";

import { sqlInstant } from "../database";
import type { DossierRecord } from "./entities";
import { DossierStatus } from "./status";

/** What a desk list can be narrowed to; every part is optional and they combine with AND. */
export interface DossierListFilter {
  statuses?: readonly DossierStatus[];
  procedureCode?: string;
  channel?: string;
  receivedFrom?: Date;
  receivedTo?: Date;
  /** Only dossiers still on the clock past their (supplement-extended) due date, as at `now`. */
  overdueAt?: Date;
  /** Only dossiers kept at this commune, or in this province: a person's list as a desk may see it. */
  communeCode?: string;
  provinceCode?: string;
}

/** A position in a list ordered newest first: the last item's receipt time and code. */
export interface ListPosition {
  receivedAt: Date;
  code: string;
}

const OPEN_ON_THE_CLOCK = [DossierStatus.ACCEPTED, DossierStatus.PROCESSING];

/**
 * Up to this many keys are paged by one branch each (see pageDossiersByKey); more by one windowed
 * query. SQLite allows 500 branches in a compound SELECT.
 */
const MAX_BRANCHES = 200;

/**
 * One page of dossiers for each of many keys (communes, provinces, applicants) in two statements,
 * however many keys: the codes of each key's matching dossiers newest first, `limit` of each, then
 * the rows read by code. A dashboard listing every commune's desk costs what listing one does
 * (DESIGN §9). Each key is its own branch of a UNION ALL that reads its index (key, received_at)
 * from the newest end and stops after `limit` rows, so a page costs the same in a commune of ten
 * dossiers and one of a hundred thousand; past MAX_BRANCHES keys a windowed query numbers every
 * matching dossier of the keys instead.
 */
export const pageDossiersByKey = async <T extends DossierRecord>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  table: string,
  keyColumn: "commune_code" | "province_code" | "applicant_personal_id",
  keys: readonly string[],
  filter: DossierListFilter,
  limit: number,
  after?: ListPosition,
): Promise<Map<string, T[]>> => {
  const pages = new Map<string, T[]>(keys.map((key) => [key, []]));
  if (keys.length === 0) return pages;
  const where: string[] = [`${keyColumn} IN (${keys.map(() => "?").join(", ")})`];
  const params: unknown[] = [...keys];
  if (filter.statuses && filter.statuses.length > 0) {
    where.push(`status IN (${filter.statuses.map(() => "?").join(", ")})`);
    params.push(...filter.statuses);
  }
  if (filter.procedureCode) {
    where.push("procedure_code = ?");
    params.push(filter.procedureCode);
  }
  if (filter.communeCode) {
    where.push("commune_code = ?");
    params.push(filter.communeCode);
  }
  if (filter.provinceCode) {
    where.push("province_code = ?");
    params.push(filter.provinceCode);
  }
  if (filter.channel) {
    where.push("channel = ?");
    params.push(filter.channel);
  }
  if (filter.receivedFrom) {
    where.push("received_at >= ?");
    params.push(sqlInstant(filter.receivedFrom));
  }
  if (filter.receivedTo) {
    where.push("received_at <= ?");
    params.push(sqlInstant(filter.receivedTo));
  }
  if (filter.overdueAt) {
    where.push(`status IN (${OPEN_ON_THE_CLOCK.map(() => "?").join(", ")}) AND effective_due_at < ?`);
    params.push(...OPEN_ON_THE_CLOCK, sqlInstant(filter.overdueAt));
  }
  if (after) {
    where.push("(received_at < ? OR (received_at = ? AND code < ?))");
    params.push(sqlInstant(after.receivedAt), sqlInstant(after.receivedAt), after.code);
  }
  const filtered = where
    .slice(1)
    .map((condition) => ` AND ${condition}`)
    .join("");
  const filterParams = params.slice(keys.length);
  const ranked = (
    keys.length <= MAX_BRANCHES
      ? await manager.query(
          `SELECT k, code FROM (${keys
            .map(
              (_key, index) =>
                `SELECT * FROM (SELECT ${keyColumn} AS k, code, received_at FROM ${table} WHERE ${keyColumn} = ?${filtered}
                  ORDER BY received_at DESC, code DESC LIMIT ?) b${index}`,
            )
            .join(" UNION ALL ")}) pages
           ORDER BY k, received_at DESC, code DESC`,
          keys.flatMap((key) => [key, ...filterParams, limit]),
        )
      : await manager.query(
          `SELECT k, code FROM (
             SELECT ${keyColumn} AS k, code,
                    ROW_NUMBER() OVER (PARTITION BY ${keyColumn} ORDER BY received_at DESC, code DESC) AS n
               FROM ${table}
              WHERE ${where.join(" AND ")}
           ) ranked
           WHERE n <= ?
           ORDER BY k, n`,
          [...params, limit],
        )
  ) as { k: string; code: string }[];
  if (ranked.length === 0) return pages;
  const rows = await manager.findBy(entity, { code: In(ranked.map((row) => row.code)) } as never);
  const byCode = new Map(rows.map((row) => [row.code, row]));
  for (const { k, code } of ranked) {
    const row = byCode.get(code);
    if (row) pages.get(String(k))?.push(row);
  }
  return pages;
};
