import DataLoader from "dataloader";
import { In } from "typeorm";

import type { AdminUnits } from "../kit/admin-units";
import { type AccessLogEntry, type AccessLogPosition, queryAccessLogs, writeAudit } from "../kit/audit";
import { createParameterisedLoader } from "../kit/batch-loader";
import type { WorkingCalendar } from "../kit/calendar";
import type { Clock } from "../kit/clock";
import type { SubgraphContext } from "../kit/context";
import type { Database } from "../kit/database";
import { DossierTransition } from "../kit/dossier/entities";
import { type DossierListFilter, type ListPosition, pageDossiersByKey } from "../kit/dossier/listing";
import { createGuardedLoader } from "../kit/guarded-loader";
import { canReadCitizenRecords, canReadDossier } from "./access";
import { type CivilStatusResult, procedureByCode } from "./catalogue";
import { BirthRegistration } from "./entities/birth-registration";
import { CivilStatusCorrection } from "./entities/civil-status-correction";
import { CivilStatusDossier } from "./entities/civil-status-dossier";
import { DeathRegistration } from "./entities/death-registration";
import { ExtractCopy } from "./entities/extract-copy";
import { MaritalStatusCertificate } from "./entities/marital-status-certificate";
import { MarriageRegistration } from "./entities/marriage-registration";
import { type CitizenRegisters, loadRegisters } from "./registers";
import { createStatsLoader } from "./resolvers/desk.resolver";

/** The paper each kind of result is, by the table that holds it. */
const RESULT_ENTITIES = {
  BIRTH_CERTIFICATE: BirthRegistration,
  DEATH_CERTIFICATE: DeathRegistration,
  MARRIAGE_CERTIFICATE: MarriageRegistration,
  MARITAL_STATUS_CERTIFICATE: MaritalStatusCertificate,
  EXTRACT_COPY: ExtractCopy,
  CORRECTION: CivilStatusCorrection,
} as const;

export type IssuedResult = InstanceType<(typeof RESULT_ENTITIES)[keyof typeof RESULT_ENTITIES]>;

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

/** One DataLoader per batched lookup, made per request so no cache outlives its caller. */
export const createCivilStatusLoaders = (
  database: Database,
  context: Pick<SubgraphContext<unknown, CivilStatusServices>, "caller" | "requestId" | "services">,
) => {
  const manager = database.dataSource.manager;

  /** Dossiers by code, for root lookups and `_entities` alike: guarded per row, every read audited. */
  const dossier = createGuardedLoader(manager, context, {
    operation: "dossier.read",
    entityType: "CivilStatusDossier",
    what: "dossier",
    fetch: (codes) => manager.findBy(CivilStatusDossier, { code: In([...codes]) }),
    idOf: (row) => row.code,
    rule: () => (row) => canReadDossier(context.caller, row),
  });

  /** A person's registers, for `Citizen.civilStatus`: guarded per person, every read audited. */
  const registers = createGuardedLoader<CitizenRegisters>(manager, context, {
    operation: "registers.read",
    entityType: "Citizen",
    what: "the civil-status records of",
    fetch: async (ids) => [...(await loadRegisters(manager, database.kind, ids)).values()],
    idOf: (row) => row.personalId,
    rule: () => (row) => canReadCitizenRecords(context.caller, row.personalId, row.places),
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

  /** What each dossier issued, one statement per kind of paper in the batch. Keyed by "procedure|code". */
  const result = new DataLoader<string, IssuedResult | null>(async (keys) => {
    const byKind = new Map<CivilStatusResult, string[]>();
    for (const key of keys) {
      const [procedureCode, code] = key.split("|");
      const kind = procedureByCode(procedureCode)?.result;
      if (kind && kind in RESULT_ENTITIES) byKind.set(kind, [...(byKind.get(kind) ?? []), code]);
    }
    const found = new Map<string, IssuedResult>();
    for (const [kind, codes] of byKind) {
      const entity = RESULT_ENTITIES[kind as keyof typeof RESULT_ENTITIES];
      const rows = (await manager.findBy(entity as never, { dossierCode: In(codes) })) as IssuedResult[];
      for (const row of rows) if (row.dossierCode) found.set(row.dossierCode, row);
    }
    return keys.map((key) => found.get(key.split("|")[1]) ?? null);
  });

  /** Pages of dossiers for many desks or applicants at once; requests with the same filter share a statement. */
  const dossierPages = createParameterisedLoader<DossierPageKey, CivilStatusDossier[]>(
    async ({ column, filter, size, after }, keys) => {
      const pages = await pageDossiersByKey(
        manager,
        CivilStatusDossier,
        "civil_status_dossier",
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
          { operation: "dossier.list", entityType: "CivilStatusDossier", entityIds: listed, outcome: "ALLOWED" },
        ]);
      }
      return pages;
    },
    () => [],
  );

  /** Access logs of many people, one statement per page position. */
  const accessLogs = createParameterisedLoader<AccessLogPage, AccessLogEntry[]>(
    ({ size, after }, personalIds) => queryAccessLogs(manager, "civil_status_dossier", personalIds, size + 1, after),
    () => [],
  );

  return {
    dossier,
    registers,
    history,
    result,
    dossierPages,
    accessLogs,
    stats: createStatsLoader({ database, clock: context.services.clock }),
  };
};

export type CivilStatusLoaders = ReturnType<typeof createCivilStatusLoaders>;
export interface CivilStatusServices {
  calendar: WorkingCalendar;
  clock: Clock;
  /** The province of every commune in force, from the official list. */
  units: AdminUnits;
}
export type CivilStatusContext = SubgraphContext<CivilStatusLoaders, CivilStatusServices>;
