import DataLoader from "dataloader";
import { In } from "typeorm";

import type { AdminUnits } from "../admin-units";
import { type AccessLogEntry, type AccessLogPosition, queryAccessLogs, writeAudit } from "../audit";
import { createParameterisedLoader } from "../batch-loader";
import { endOfLocalDay, startOfLocalDay, type WorkingCalendar } from "../calendar";
import type { Clock } from "../clock";
import type { SubgraphContext } from "../context";
import type { Database } from "../database";
import type { DossierRecord } from "../dossier/entities";
import { DossierTransition } from "../dossier/entities";
import { type DossierListFilter, type ListPosition, pageDossiersByKey } from "../dossier/listing";
import { queryDossierStats, type StatsRow } from "../dossier/stats";
import { createGuardedLoader } from "../guarded-loader";
import type { DeskPolicy, DeskScope } from "./access";
import type { DossierEntity } from "./entity";

/** What every desk's requests share: the calendar, the clock and the official list of communes. */
export interface DeskServices {
  calendar: WorkingCalendar;
  clock: Clock;
  /** The province of every commune in force, from the official list. */
  units: AdminUnits;
}

/** A request for one page of dossiers: which key (commune, province, applicant), the filter, the page. */
export interface DossierPageKey {
  column: "commune_code" | "province_code" | "applicant_personal_id";
  /** The commune, province or applicant. */
  key: string;
  filter: DossierListFilter;
  /** The page size; one more row is read to tell whether another page follows. */
  size: number;
  after?: ListPosition;
}

/** A request for one page of a person's access log. */
export interface AccessLogPage {
  /** The person. */
  key: string;
  /** The page size; one more row is read to tell whether another page follows. */
  size: number;
  after?: AccessLogPosition;
}

/** Figures for one desk: the commune or province code as the key, the period, and the caller's restriction. */
export interface StatsRequest {
  key: string;
  kind: DeskScope["kind"];
  from: string;
  to: string;
  restrict?: string;
}

/** The desk's batched lookups, made per request so that no cache outlives its caller. */
export const createDeskLoaders = (
  database: Database,
  context: Pick<SubgraphContext<unknown, DeskServices>, "caller" | "requestId" | "services">,
  desk: { Dossier: DossierEntity; table: string; typeName: string; policy: DeskPolicy },
) => {
  const manager = database.dataSource.manager;

  /** Dossiers by code, for root lookups and `_entities` alike: guarded per row, every read audited. */
  const dossier = createGuardedLoader<DossierRecord>(manager, context, {
    operation: "dossier.read",
    entityType: desk.typeName,
    what: "dossier",
    fetch: (codes) => manager.findBy(desk.Dossier, { code: In([...codes]) }),
    idOf: (row) => row.code,
    rule: () => (row) => desk.policy.canReadDossier(context.caller, row),
  });

  const history = new DataLoader<string, DossierTransition[]>(async (codes) => {
    const rows = await manager.find(DossierTransition, {
      where: { dossierCode: In([...codes]) },
      order: { at: "ASC", id: "ASC" },
    });
    const groups = new Map<string, DossierTransition[]>(codes.map((code) => [code, []]));
    for (const row of rows) groups.get(row.dossierCode)?.push(row);
    return codes.map((code) => groups.get(code) ?? []);
  });

  /** Pages of dossiers for many desks or applicants at once; requests with the same filter share a statement. */
  const dossierPages = createParameterisedLoader<DossierPageKey, DossierRecord[]>(
    async ({ column, filter, size, after }, keys) => {
      const pages = await pageDossiersByKey<DossierRecord>(
        manager,
        desk.Dossier,
        desk.table,
        column,
        keys,
        filter,
        size + 1,
        after,
      );
      // Lists name applicants: one audit row per dossier shown (not the look-ahead row), one statement per batch.
      const listed = [...new Set([...pages.values()].flatMap((rows) => rows.slice(0, size).map((row) => row.code)))];
      if (listed.length > 0) {
        await writeAudit(manager, context.caller, context.requestId, [
          { operation: "dossier.list", entityType: desk.typeName, entityIds: listed, outcome: "ALLOWED" },
        ]);
      }
      return pages;
    },
    () => [],
  );

  /** Access logs of many people, one statement per page position. */
  const accessLogs = createParameterisedLoader<AccessLogPage, AccessLogEntry[]>(
    ({ size, after }, personalIds) => queryAccessLogs(manager, desk.table, personalIds, size + 1, after),
    () => [],
  );

  /** Figures of many desks: one grouped query per batch, so a dashboard over 126 communes costs one statement. */
  const stats = createParameterisedLoader<StatsRequest, StatsRow[]>(
    async ({ kind, from, to, restrict }, keys) => {
      const rows = await queryDossierStats(
        manager,
        database.kind,
        desk.table,
        kind === "COMMUNE" ? "commune_code" : "province_code",
        keys,
        { from: startOfLocalDay(from), to: endOfLocalDay(to), now: context.services.clock() },
        restrict,
      );
      return new Map(keys.map((key) => [key, rows.filter((row) => row.key === key)]));
    },
    () => [],
  );

  return { dossier, history, dossierPages, accessLogs, stats };
};

export type DeskLoaders = ReturnType<typeof createDeskLoaders>;

/** A field's request context: the desk's loaders beside the field's own, and the desk's services beside its own. */
export type DeskContext<TLoaders = unknown, TServices = unknown> = SubgraphContext<
  { desk: DeskLoaders } & TLoaders,
  DeskServices & TServices
>;
