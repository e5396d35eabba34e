import { type EntityManager, In } from "typeorm";

import type { Database } from "../kit/database";
import { LandCertificate, LandCertificateHolder } from "./entities/certificate";
import type { ConstructionPermit } from "./entities/construction-permit";
import { LandEncumbrance } from "./entities/encumbrance";
import { LandUse } from "./entities/land-use";
import { LandParcel } from "./entities/parcel";
import type { CertificateFacts, EncumbranceFacts, ParcelFacts, ParcelKey, PermitFacts } from "./rules";

/** What the register holds about one parcel: the facts an officer's rule decides on. */
export interface ParcelRecord {
  parcel: LandParcel;
  uses: LandUse[];
  /** Every certificate the parcel ever had, oldest first, with its holders. */
  certificates: { certificate: LandCertificate; holders: LandCertificateHolder[] }[];
  encumbrances: LandEncumbrance[];
}

/**
 * Reads rows for a decision. Inside an issuing transaction on MySQL `lock` makes every read a
 * locking one (SELECT … FOR UPDATE): two desks deciding on the same parcel queue on its row, and
 * the second reads what the first committed, not its own older snapshot. SQLite runs one writing
 * transaction at a time, so it needs no lock.
 */
const reader =
  (manager: EntityManager, kind: Database["kind"], lock: boolean) =>
  <T extends object>(entity: new () => T, alias: string, where: string, parameters: Record<string, unknown>) => {
    const query = manager.createQueryBuilder(entity, alias).where(where, parameters);
    return lock && kind === "mysql" ? query.setLock("pessimistic_write") : query;
  };

/** The parcel with this key, or null; locked for the rest of the transaction when `lock` is set (MySQL). */
export const findParcel = (
  manager: EntityManager,
  kind: Database["kind"],
  key: ParcelKey,
  options: { lock?: boolean } = {},
): Promise<LandParcel | null> =>
  reader(manager, kind, options.lock ?? false)(
    LandParcel,
    "p",
    "p.mapUnitCode = :unit AND p.mapSheet = :sheet AND p.parcelNumber = :number",
    { unit: key.mapUnitCode, sheet: key.mapSheet, number: key.parcelNumber },
  ).getOne();

/** Everything the register holds about a parcel, in four statements; locking reads on MySQL when `lock` is set. */
export const loadParcelRecord = async (
  manager: EntityManager,
  kind: Database["kind"],
  parcel: LandParcel,
  options: { lock?: boolean } = {},
): Promise<ParcelRecord> => {
  const read = reader(manager, kind, options.lock ?? false);
  const [uses, certificates, encumbrances] = await Promise.all([
    read(LandUse, "u", "u.parcelId = :id", { id: parcel.id }).orderBy("u.id", "ASC").getMany(),
    read(LandCertificate, "c", "c.parcelId = :id", { id: parcel.id }).orderBy("c.id", "ASC").getMany(),
    read(LandEncumbrance, "e", "e.parcelId = :id", { id: parcel.id }).orderBy("e.id", "ASC").getMany(),
  ]);
  const holders =
    certificates.length === 0
      ? []
      : await manager.find(LandCertificateHolder, {
          where: { certificateId: In(certificates.map((c) => c.id)) },
          order: { id: "ASC" },
        });
  return {
    parcel,
    uses,
    certificates: certificates.map((certificate) => ({
      certificate,
      holders: holders.filter((holder) => holder.certificateId === certificate.id),
    })),
    encumbrances,
  };
};

export const keyOf = (parcel: LandParcel): ParcelKey => ({
  mapUnitCode: parcel.mapUnitCode,
  mapSheet: parcel.mapSheet,
  parcelNumber: parcel.parcelNumber,
});

export const parcelFacts = (record: ParcelRecord): ParcelFacts => ({
  key: keyOf(record.parcel),
  areaM2: record.parcel.areaM2,
  uses: record.uses.map((use) => ({
    landUseCode: use.landUseCode,
    areaM2: use.areaM2,
    term: use.termUntil ? { until: use.termUntil } : "STABLE_LONG_TERM",
  })),
});

export const certificateFacts = ({ certificate, holders }: ParcelRecord["certificates"][number]): CertificateFacts => ({
  serial: certificate.serial,
  form: certificate.form,
  status: certificate.status,
  holders: holders.map((holder) => ({ personalId: holder.personalId, role: holder.role })),
});

export const encumbranceFacts = (encumbrance: LandEncumbrance): EncumbranceFacts => ({
  kind: encumbrance.kind,
  from: encumbrance.from,
  until: encumbrance.until,
  blocksTransfer: encumbrance.blocksTransfer,
});

export const permitFacts = (permit: ConstructionPermit): PermitFacts => ({
  kind: permit.kind,
  status: permit.status,
  issuedOn: permit.issuedOn,
  extensions: permit.extensions,
  startDeadline: permit.startDeadline,
});

/** The parcel's VALID certificate with its holders, if it has one. */
export const validCertificateOf = (record: ParcelRecord): ParcelRecord["certificates"][number] | undefined =>
  record.certificates.find(({ certificate }) => certificate.status === "VALID");
