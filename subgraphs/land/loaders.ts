import DataLoader from "dataloader";
import { type EntityManager, In } from "typeorm";

import { writeAudit } from "../kit/audit";
import { createParameterisedLoader } from "../kit/batch-loader";
import { type Database, sharedQuery } from "../kit/database";
import type { createDeskLoaders, DeskContext, DeskServices } from "../kit/desk/loaders";
import { createGuardedLoader } from "../kit/guarded-loader";
import type { Place } from "../kit/guards";
import { landDesk } from "./desk";
import { LandCertificate, LandCertificateEndorsement, LandCertificateHolder } from "./entities/certificate";
import { ConstructionPermit } from "./entities/construction-permit";
import { LandEncumbrance } from "./entities/encumbrance";
import { LandUse } from "./entities/land-use";
import { LandParcel } from "./entities/parcel";

/** One right a person holds: their line on a valid certificate. */
export interface HeldRight {
  holder: LandCertificateHolder;
  certificate: LandCertificate;
}

/** What the land register and desks hold about one person, and the places that hold it. */
export interface CitizenLandRecords {
  personalId: string;
  rights: HeldRight[];
  permits: ConstructionPermit[];
  /** Communes whose register or desk holds something of the person: a right, a permit, a dossier. */
  places: Place[];
}

/** Reads the land records of many people in four statements, whatever their number. */
export const loadCitizenLand = async (
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, CitizenLandRecords>> => {
  const unique = [...new Set(ids)];
  const result = new Map<string, CitizenLandRecords>(
    unique.map((id) => [id, { personalId: id, rights: [], permits: [], places: [] }]),
  );
  if (unique.length === 0) return result;
  const marks = unique.map(() => "?").join(", ");
  const [holders, permits, dossierPlaces] = await Promise.all([
    manager.find(LandCertificateHolder, { where: { personalId: In(unique) }, order: { id: "ASC" } }),
    manager.find(ConstructionPermit, { where: { holderPersonalId: In(unique) }, order: { id: "ASC" } }),
    manager.query(
      `SELECT DISTINCT applicant_personal_id AS p, commune_code AS c, province_code AS v
         FROM land_dossier WHERE applicant_personal_id IN (${marks})`,
      unique,
    ) as Promise<{ p: string; c: string; v: string }[]>,
  ]);
  const certificates =
    holders.length === 0
      ? []
      : await manager.find(LandCertificate, {
          where: { id: In([...new Set(holders.map((holder) => holder.certificateId))]), status: "VALID" as never },
        });
  const byId = new Map(certificates.map((certificate) => [certificate.id, certificate]));
  const addPlace = (id: string, place: Place) => {
    const entry = result.get(id);
    if (entry && !entry.places.some((p) => p.communeCode === place.communeCode)) entry.places.push(place);
  };
  for (const holder of holders) {
    const certificate = byId.get(holder.certificateId);
    if (!certificate) continue;
    result.get(holder.personalId)?.rights.push({ holder, certificate });
    addPlace(holder.personalId, certificate);
  }
  for (const permit of permits) {
    result.get(permit.holderPersonalId)?.permits.push(permit);
    addPlace(permit.holderPersonalId, permit);
  }
  for (const row of dossierPlaces) addPlace(String(row.p), { communeCode: row.c, provinceCode: row.v });
  return result;
};

/** Rows of one table grouped by a numeric key, one statement per batch. */
const groupedBy = <T extends object>(
  manager: EntityManager,
  entity: new () => T,
  column: keyof T & string,
): DataLoader<number, T[]> =>
  new DataLoader<number, T[]>(async (keys) => {
    const rows = await manager.find(entity, {
      where: { [column]: In([...keys]) } as never,
      order: { id: "ASC" } as never,
    });
    const groups = new Map<number, T[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(Number(row[column]))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });

/** Register figures of one desk for a period: the commune or province as the key. */
export interface RegisterStatsRequest {
  key: string;
  kind: "COMMUNE" | "PROVINCE";
  from: string;
  to: string;
  restrict?: string;
}

/** One grouped row: what was counted, of which kind, how many. */
export interface RegisterStatsRow {
  metric: "CERTIFICATE" | "TRANSFER" | "PERMIT";
  kind: string | null;
  count: number;
}

/** Endorsements that record a right passing to someone else (1.013831). */
export const TRANSFER_ENDORSEMENTS = ["SALE", "GIFT", "INHERITANCE", "CAPITAL_CONTRIBUTION"] as const;

/**
 * Certificates issued, rights transferred and permits issued per kind, for many desks in ONE
 * grouped statement: a dashboard over 126 communes costs the same as one commune.
 */
const queryRegisterStats = async (
  manager: EntityManager,
  column: "commune_code" | "province_code",
  keys: readonly string[],
  { from, to, restrict }: Pick<RegisterStatsRequest, "from" | "to" | "restrict">,
): Promise<Map<string, RegisterStatsRow[]>> => {
  const marks = keys.map(() => "?").join(", ");
  const narrow = restrict ? " AND province_code = ?" : "";
  const part = (table: string, metric: string, kind: string, day: string, extra = "") =>
    `SELECT ${column} AS k, '${metric}' AS metric, ${kind} AS kind, COUNT(*) AS n FROM ${table}
      WHERE ${column} IN (${marks}) AND ${day} >= ? AND ${day} <= ?${narrow}${extra}
      GROUP BY ${column}${kind === "NULL" ? "" : `, ${kind}`}`;
  const parameters = [...keys, from, to, ...(restrict ? [restrict] : [])];
  const transferKinds = TRANSFER_ENDORSEMENTS.map((kind) => `'${kind}'`).join(", ");
  const rows = (await sharedQuery(
    manager,
    [
      part("land_certificate", "CERTIFICATE", "NULL", "issued_on"),
      part("land_certificate_endorsement", "TRANSFER", "NULL", "endorsed_on", ` AND kind IN (${transferKinds})`),
      part("construction_permit", "PERMIT", "kind", "issued_on"),
    ].join(" UNION ALL "),
    [...parameters, ...parameters, ...parameters],
  )) as { k: string; metric: RegisterStatsRow["metric"]; kind: string | null; n: number | string }[];
  const result = new Map<string, RegisterStatsRow[]>(keys.map((key) => [key, []]));
  for (const row of rows) {
    result.get(String(row.k))?.push({ metric: row.metric, kind: row.kind, count: Number(row.n) });
  }
  return result;
};

/** A page of the valid certificates naming a holder who has died, for a commune or a province. */
export interface DeceasedHoldingsRequest {
  key: string;
  kind: "COMMUNE" | "PROVINCE";
  size: number;
}

/**
 * The newest `size` holdings of deceased holders per desk, for many desks in one statement (a
 * window per commune or province): a dashboard listing them for every commune costs one query.
 */
const queryDeceasedHoldings = async (
  manager: EntityManager,
  column: "commune_code" | "province_code",
  keys: readonly string[],
  size: number,
): Promise<Map<string, LandCertificateHolder[]>> => {
  const ranked = (await manager.query(
    `SELECT k, id FROM (
       SELECT c.${column} AS k, h.id AS id,
              ROW_NUMBER() OVER (PARTITION BY c.${column} ORDER BY h.deceased_on DESC, h.id DESC) AS n
         FROM land_certificate_holder h JOIN land_certificate c ON c.id = h.certificate_id
        WHERE c.${column} IN (${keys.map(() => "?").join(", ")}) AND c.status = 'VALID' AND h.deceased_on IS NOT NULL
     ) ranked WHERE n <= ? ORDER BY k, n`,
    [...keys, size],
  )) as { k: string; id: number | string }[];
  const result = new Map<string, LandCertificateHolder[]>(keys.map((key) => [key, []]));
  if (ranked.length === 0) return result;
  const holders = await manager.findBy(LandCertificateHolder, { id: In(ranked.map((row) => Number(row.id))) });
  const byId = new Map(holders.map((holder) => [holder.id, holder]));
  for (const row of ranked) {
    const holder = byId.get(Number(row.id));
    if (holder) result.get(String(row.k))?.push(holder);
  }
  return result;
};

/** The desk's loaders and land's own, made per request so no cache outlives its caller. */
export const createLandLoaders = (database: Database, context: Parameters<typeof createDeskLoaders>[1]) => {
  const manager = database.dataSource.manager;

  /** A person's land records, for `Citizen.land`: guarded per person, every read audited. */
  const citizenLand = createGuardedLoader<CitizenLandRecords>(manager, context, {
    operation: "land.read",
    entityType: "Citizen",
    what: "the land records of",
    fetch: async (ids) => [...(await loadCitizenLand(manager, ids)).values()],
    idOf: (row) => row.personalId,
    rule: () => (row) => landDesk.policy.canReadRecords(context.caller, row.personalId, row.places),
  });

  const parcel = new DataLoader<number, LandParcel | null>(async (ids) => {
    const rows = await manager.findBy(LandParcel, { id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const registerStats = createParameterisedLoader<RegisterStatsRequest, RegisterStatsRow[]>(
    ({ kind, from, to, restrict }, keys) =>
      queryRegisterStats(manager, kind === "COMMUNE" ? "commune_code" : "province_code", keys, { from, to, restrict }),
    () => [],
  );

  /** What each dossier issued: the certificates and permits naming it, two statements per batch. */
  const resultsByDossier = new DataLoader<string, (LandCertificate | ConstructionPermit)[]>(async (codes) => {
    const certificates = await manager.find(LandCertificate, {
      where: { dossierCode: In([...codes]) },
      order: { id: "ASC" },
    });
    const permits = await manager.find(ConstructionPermit, {
      where: { dossierCode: In([...codes]) },
      order: { id: "ASC" },
    });
    const byCode = new Map<string, (LandCertificate | ConstructionPermit)[]>(codes.map((code) => [code, []]));
    for (const row of [...certificates, ...permits]) if (row.dossierCode) byCode.get(row.dossierCode)?.push(row);
    return codes.map((code) => byCode.get(code) ?? []);
  });

  const certificateById = new DataLoader<number, LandCertificate | null>(async (ids) => {
    const rows = await manager.findBy(LandCertificate, { id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  /** Holdings of deceased holders per desk; they name people, so the batch writes one audit row for all it shows. */
  const deceasedHoldings = createParameterisedLoader<DeceasedHoldingsRequest, LandCertificateHolder[]>(
    async ({ kind, size }, keys) => {
      const pages = await queryDeceasedHoldings(
        manager,
        kind === "COMMUNE" ? "commune_code" : "province_code",
        keys,
        size,
      );
      const named = [...new Set([...pages.values()].flatMap((holders) => holders.map((holder) => holder.personalId)))];
      if (named.length > 0) {
        await writeAudit(manager, context.caller, context.requestId, [
          { operation: "land.deceased.list", entityType: "Citizen", entityIds: named, outcome: "ALLOWED" },
        ]);
      }
      return pages;
    },
    () => [],
  );

  return {
    desk: landDesk.createLoaders(database, context),
    deceasedHoldings,
    certificateById,
    resultsByDossier,
    citizenLand,
    parcel,
    uses: groupedBy(manager, LandUse, "parcelId"),
    certificates: groupedBy(manager, LandCertificate, "parcelId"),
    holders: groupedBy(manager, LandCertificateHolder, "certificateId"),
    endorsements: groupedBy(manager, LandCertificateEndorsement, "certificateId"),
    encumbrances: groupedBy(manager, LandEncumbrance, "parcelId"),
    permits: groupedBy(manager, ConstructionPermit, "parcelId"),
    registerStats,
  };
};

export type LandLoaders = ReturnType<typeof createLandLoaders>;
export type LandServices = DeskServices;
export type LandContext = DeskContext<Omit<LandLoaders, "desk">>;
