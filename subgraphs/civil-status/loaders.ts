import DataLoader from "dataloader";
import { In } from "typeorm";

import type { Database } from "../kit/database";
import type { createDeskLoaders } from "../kit/desk/loaders";
import { type DeskContext, type DeskServices } from "../kit/desk/loaders";
import { createGuardedLoader } from "../kit/guarded-loader";
import { type CivilStatusResult, procedureByCode } from "./catalogue";
import { civilStatusDesk } from "./desk";
import { BirthRegistration } from "./entities/birth-registration";
import { CivilStatusCorrection } from "./entities/civil-status-correction";
import { DeathRegistration } from "./entities/death-registration";
import { ExtractCopy } from "./entities/extract-copy";
import { MaritalStatusCertificate } from "./entities/marital-status-certificate";
import { MarriageRegistration } from "./entities/marriage-registration";
import { type CitizenRegisters, loadRegisters } from "./registers";

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

/** The desk's loaders and civil status's own, made per request so no cache outlives its caller. */
export const createCivilStatusLoaders = (database: Database, context: Parameters<typeof createDeskLoaders>[1]) => {
  const manager = database.dataSource.manager;

  /** A person's registers, for `Citizen.civilStatus`: guarded per person, every read audited. */
  const registers = createGuardedLoader<CitizenRegisters>(manager, context, {
    operation: "registers.read",
    entityType: "Citizen",
    what: "the civil-status records of",
    fetch: async (ids) => [...(await loadRegisters(manager, database.kind, ids)).values()],
    idOf: (row) => row.personalId,
    rule: () => (row) => civilStatusDesk.policy.canReadRecords(context.caller, row.personalId, row.places),
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

  return { desk: civilStatusDesk.createLoaders(database, context), registers, result };
};

export type CivilStatusLoaders = ReturnType<typeof createCivilStatusLoaders>;
export type CivilStatusServices = DeskServices;
export type CivilStatusContext = DeskContext<Omit<CivilStatusLoaders, "desk">>;
