import type { DataSource, EntityManager } from "typeorm";

import { communesOfProvince } from "../kit/admin-units";
import { toLocalDate, type WorkingCalendar } from "../kit/calendar";
import { insertRows } from "../kit/database";
import { DeskSimulator } from "../kit/desk/simulator";
import { FIELD_PREFIX } from "../kit/dossier/code";
import { log } from "../kit/logger";
import { type CitizenSeed, generateCitizens, mulberry32, type PopulationScaleName } from "../kit/population";
import { type CivilStatusProcedure, limitFor, procedureByCode } from "./catalogue";
import { CivilStatusDossier } from "./entities/civil-status-dossier";
import { DemoRegisters } from "./seed-registers";

/** How many dossiers each commune's desk received over the demo period, per scale. */
const DOSSIERS_PER_COMMUNE: Record<PopulationScaleName, number> = { test: 4, demo: 40, bench: 40 };
const DEMO_MONTHS = 18;
/**
 * How often each procedure comes to a commune desk, roughly: births and certificates most, deaths
 * and corrections least. Cumulative shares, in the catalogue's order.
 */
const PROCEDURE_SHARES: readonly [string, number][] = [
  ["1.001193", 0.3], // birth registration
  ["1.000894", 0.4], // marriage registration
  ["1.000656", 0.46], // death registration
  ["1.004873", 0.76], // marital-status certificate
  ["2.000635", 0.96], // copy of an extract
  ["1.004859", 1], // change or correction
];

const pickProcedure = (roll: number): CivilStatusProcedure =>
  procedureByCode(
    (PROCEDURE_SHARES.find(([, share]) => roll < share) ?? PROCEDURE_SHARES[0])[0],
  ) as CivilStatusProcedure;

/** The procedure a marriage or death dossier falls back to when the commune has nobody it could concern. */
const FALLBACK_PROCEDURE = procedureByCode("1.004873") as CivilStatusProcedure;

/**
 * Demo dossiers and registers for the desks and dashboards: the kit's desk simulator over the last
 * 18 months at every commune of the synthetic population's province, for residents of that
 * population. Every completed dossier issued its paper, and the registers agree with the officer's
 * rules (see DemoRegisters). Deterministic for a given `now` (seeded PRNG).
 */
export const seedDemoDossiers = async (
  dataSource: DataSource,
  calendar: WorkingCalendar,
  options: { unitsFile: string; scale: PopulationScaleName; now?: Date; seed?: number },
): Promise<number> => {
  const now = options.now ?? new Date();
  const random = mulberry32(options.seed ?? 20250701);
  const communes = communesOfProvince(options.unitsFile, "01");
  const residents = new Map<string, CitizenSeed[]>();
  const people = new Map<string, CitizenSeed>();
  for (const citizen of generateCitizens(communes, options.scale === "bench" ? "demo" : options.scale)) {
    residents.set(citizen.residenceCommuneCode, [...(residents.get(citizen.residenceCommuneCode) ?? []), citizen]);
    people.set(citizen.personalId, citizen);
  }
  const desks = new DeskSimulator<CivilStatusProcedure>({
    calendar,
    now,
    random,
    prefix: FIELD_PREFIX.CIVIL_STATUS,
    months: DEMO_MONTHS,
  });
  const registers = new DemoRegisters(people, random);
  const before = toLocalDate(new Date(desks.earliest));
  for (const group of residents.values()) {
    registers.registerHistoricalBirths(group, before);
    registers.registerHistoricalMarriages(group, before);
  }

  const receipts = desks.plan(
    communes.filter((commune) => (residents.get(commune.code) ?? []).length > 0),
    () => DOSSIERS_PER_COMMUNE[options.scale],
    pickProcedure,
  );
  for (const receipt of receipts) {
    const people = residents.get(receipt.commune.code) as CitizenSeed[];
    const receivedOn = toLocalDate(receipt.received);
    const alive = people.filter((p) => registers.isAlive(p.personalId, receivedOn));
    // Who files what: the free marry, parents of working age register births, adults ask for certificates.
    const age = (p: CitizenSeed) => Number(receivedOn.slice(0, 4)) - Number(p.birthDate.slice(0, 4));
    const likely = alive.filter((p) => {
      switch (receipt.procedure.result) {
        case "MARRIAGE_CERTIFICATE":
          return registers.isFree(p, receivedOn);
        case "BIRTH_CERTIFICATE":
          return age(p) >= 20 && age(p) <= 45;
        default:
          return age(p) >= 18;
      }
    });
    const pool = likely.length > 0 ? likely : alive;
    const applicant = pool[Math.floor(random() * pool.length)];
    if (!applicant) continue;
    // Marriages need a free couple and deaths an elderly resident; otherwise the dossier is a certificate.
    const feasible =
      (receipt.procedure.result !== "MARRIAGE_CERTIFICATE" || alive.some((p) => p.gender !== applicant.gender)) &&
      (receipt.procedure.result !== "DEATH_CERTIFICATE" || alive.length > 1);
    const procedure = feasible ? receipt.procedure : FALLBACK_PROCEDURE;
    desks.settle(receipt, procedure, applicant.personalId, limitFor(procedure, { verificationNeeded: false }));
  }

  // Results are issued in the order the desks completed them, which is not the order of receipt
  // (a late certificate may complete after a marriage received later): each paper then states
  // what the registers held on its day.
  for (const dossier of desks.byCompletion()) {
    const on = toLocalDate(dossier.completed!.at);
    const applicant = people.get(dossier.applicantPersonalId) as CitizenSeed;
    const neighbours = residents.get(dossier.commune.code) as CitizenSeed[];
    if (!issueResult(registers, dossier.procedure, applicant, neighbours, on, dossier.commune.code, dossier.code)) {
      desks.stopInstead(dossier, "Không đủ điều kiện theo quy định");
    }
  }

  const seeded = await dataSource.transaction(async (manager) => {
    const count = await desks.insert(manager, "civil_status_dossier", "01");
    await insertRegisters(manager, registers);
    return count;
  });
  log.info("seeded demo civil-status dossiers and registers", {
    dossiers: seeded,
    births: registers.births.length,
    marriages: registers.marriages.length,
    deaths: registers.deaths.length,
    certificates: registers.certificates.length,
    copies: registers.copies.length,
    corrections: registers.corrections.length,
  });
  return seeded;
};

/** Issues the paper of a completed demo dossier in the registers; false when the registers do not allow it. */
const issueResult = (
  registers: DemoRegisters,
  procedure: CivilStatusProcedure,
  applicant: CitizenSeed,
  residents: readonly CitizenSeed[],
  on: string,
  communeCode: string,
  code: string,
): boolean => {
  switch (procedure.result) {
    case "MARITAL_STATUS_CERTIFICATE":
      return registers.certify(applicant, on, communeCode, code);
    case "EXTRACT_COPY":
      return registers.copyBirth(applicant, on, communeCode, code);
    case "BIRTH_CERTIFICATE":
      return registers.registerNewborn(applicant, on, communeCode, code);
    case "MARRIAGE_CERTIFICATE":
      return registers.marry(applicant, residents, on, communeCode, code);
    case "DEATH_CERTIFICATE":
      return registers.registerDeath(applicant, residents, on, communeCode, code);
    case "CORRECTION":
      return registers.completePlaceOfBirth(applicant, on, communeCode, code);
    default:
      return true;
  }
};

const insertRegisters = async (manager: EntityManager, registers: DemoRegisters): Promise<void> => {
  const province = "01";
  await insertRows(
    manager,
    "birth_registration",
    [
      "personal_id",
      "full_name",
      "gender",
      "birth_date",
      "father_personal_id",
      "mother_personal_id",
      "place_of_birth",
      "registered_on",
      "commune_code",
      "province_code",
      "dossier_code",
    ],
    registers.births.map((b) => [
      b.personalId,
      b.fullName,
      b.gender,
      b.birthDate,
      b.father,
      b.mother,
      b.placeOfBirth,
      b.registeredOn,
      b.communeCode,
      province,
      b.dossierCode,
    ]),
  );
  await insertRows(
    manager,
    "marriage_registration",
    [
      "husband_personal_id",
      "wife_personal_id",
      "ended_on",
      "end_reason",
      "registered_on",
      "commune_code",
      "province_code",
      "dossier_code",
    ],
    registers.marriages.map((m) => [
      m.husband,
      m.wife,
      m.endedOn,
      m.endReason,
      m.registeredOn,
      m.communeCode,
      province,
      m.dossierCode,
    ]),
  );
  await insertRows(
    manager,
    "death_registration",
    ["personal_id", "died_on", "registered_on", "commune_code", "province_code", "dossier_code"],
    registers.deaths.map((d) => [d.personalId, d.diedOn, d.registeredOn, d.communeCode, province, d.dossierCode]),
  );
  await insertRows(
    manager,
    "marital_status_certificate",
    [
      "personal_id",
      "marital_status",
      "purpose",
      "valid_until",
      "registered_on",
      "commune_code",
      "province_code",
      "dossier_code",
    ],
    registers.certificates.map((c) => [
      c.personalId,
      c.maritalStatus,
      c.purpose,
      c.validUntil,
      c.registeredOn,
      c.communeCode,
      province,
      c.dossierCode,
    ]),
  );
  await insertRows(
    manager,
    "civil_status_correction",
    [
      "personal_id",
      "field",
      "previous_value",
      "new_value",
      "registered_on",
      "commune_code",
      "province_code",
      "dossier_code",
    ],
    registers.corrections.map((c) => [
      c.personalId,
      c.field,
      c.previousValue,
      c.newValue,
      c.registeredOn,
      c.communeCode,
      province,
      c.dossierCode,
    ]),
  );
  await insertRows(
    manager,
    "extract_copy",
    ["personal_id", "register", "copies", "registered_on", "commune_code", "province_code", "dossier_code"],
    registers.copies.map((c) => [
      c.personalId,
      c.register,
      c.copies,
      c.registeredOn,
      c.communeCode,
      province,
      c.dossierCode,
    ]),
  );
};

/** True when the civil-status database holds no dossier yet. */
export const isEmpty = async (dataSource: DataSource): Promise<boolean> =>
  (await dataSource.manager.count(CivilStatusDossier)) === 0;
