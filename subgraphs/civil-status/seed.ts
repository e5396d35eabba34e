import type { DataSource, EntityManager } from "typeorm";

import { readOfficialCommunes } from "../kit/admin-units";
import { CalendarCoverageError, toLocalDate, type WorkingCalendar } from "../kit/calendar";
import { insertRows, sqlInstant } from "../kit/database";
import { FIELD_PREFIX, localYyMmDd } from "../kit/dossier/code";
import { DossierChannel } from "../kit/dossier/entities";
import { DossierStatus, NATIONAL_STATUS_CODE } from "../kit/dossier/status";
import { log } from "../kit/logger";
import {
  type CitizenSeed,
  type CommuneForSeeding,
  generateCitizens,
  mulberry32,
  type PopulationScaleName,
} from "../kit/population";
import { type CivilStatusProcedure, limitFor, procedureByCode } from "./catalogue";
import { CivilStatusDossier } from "./entities/civil-status-dossier";
import { DemoRegisters } from "./seed-registers";

/** How many dossiers each commune's desk received over the demo period, per scale. */
const DOSSIERS_PER_COMMUNE: Record<PopulationScaleName, number> = { test: 4, demo: 40, bench: 40 };
const DEMO_MONTHS = 18;
const HOUR = 3600_000;
/** The communes of a province from the official list: the same set the registry seeds its population over. */
export const communesOfProvince = (unitsFile: string, provinceCode: string): CommuneForSeeding[] => {
  const communes = readOfficialCommunes(unitsFile).filter((commune) => commune.provinceCode === provinceCode);
  if (communes.length === 0) throw new Error(`Province ${provinceCode} is not in ${unitsFile}`);
  return communes;
};

/** A date computed on the calendar, or null when it falls in a year the calendar has no file for. */
const withinCalendar = (compute: () => Date): Date | null => {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CalendarCoverageError) return null;
    throw error;
  }
};

interface Step {
  to: DossierStatus;
  at: Date;
  note?: string;
}

/** A receipt planned in the first pass; the second pass, in time order, settles what it became. */
interface Receipt {
  commune: CommuneForSeeding;
  received: Date;
  procedure: CivilStatusProcedure;
  online: boolean;
  roll: number;
}

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

/** A dossier whose course is known; whether it issued its paper is settled in order of completion. */
interface Settled {
  code: string;
  commune: CommuneForSeeding;
  procedure: CivilStatusProcedure;
  applicant: CitizenSeed;
  online: boolean;
  received: Date;
  dueAt: Date;
  effectiveDue: Date;
  supplement: Step | undefined;
  resumed: Step | undefined;
  supplements: number;
  done: Step[];
  completed: Step | undefined;
}

/** The procedure a marriage or death dossier falls back to when the commune has nobody it could concern. */
const FALLBACK_PROCEDURE = procedureByCode("1.004873") as CivilStatusProcedure;

/**
 * Demo dossiers and registers for the desks and dashboards: over the last 18 months, at every
 * commune of the synthetic population's province, for residents of that population, most returned
 * on time, some late, some overdue, some filed online, some with a supplement request. Every
 * completed dossier issued its paper, and the registers agree with the officer's rules (see
 * DemoRegisters). Deterministic for a given `now` (seeded PRNG); dossiers are received on working
 * days in office hours.
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
  const earliest = Math.max(now.getTime() - DEMO_MONTHS * 30 * 24 * HOUR, Date.UTC(calendar.years[0], 0, 1));
  const registers = new DemoRegisters(people, random);
  const before = toLocalDate(new Date(earliest));
  for (const group of residents.values()) {
    registers.registerHistoricalBirths(group, before);
    registers.registerHistoricalMarriages(group, before);
  }

  const receipts: Receipt[] = [];
  for (const commune of communes) {
    if ((residents.get(commune.code) ?? []).length === 0) continue;
    for (let i = 0; i < DOSSIERS_PER_COMMUNE[options.scale]; i += 1) {
      // A working day in the period, at a desk hour between 07:30 and 16:30 local.
      let received = new Date(earliest + random() * (now.getTime() - earliest - 2 * HOUR));
      const localDay = new Date(received.getTime() + 7 * HOUR).toISOString().slice(0, 10);
      const day = calendar.isWorkingDay(localDay) ? localDay : calendar.nextWorkingDay(localDay);
      received = new Date(Date.parse(`${day}T00:00:00Z`) - 7 * HOUR + (7.5 + random() * 9) * HOUR);
      const procedure = pickProcedure(random());
      const online = random() < 0.25;
      const roll = random();
      if (received <= now) receipts.push({ commune, received, procedure, online, roll });
    }
  }
  receipts.sort((a, b) => a.received.getTime() - b.received.getTime() || a.commune.code.localeCompare(b.commune.code));

  const sequences = new Map<string, number>();
  const settled: Settled[] = [];
  for (const { commune, received, online, roll, ...planned } of receipts) {
    const people = residents.get(commune.code) as CitizenSeed[];
    const receivedOn = toLocalDate(received);
    const alive = people.filter((p) => registers.isAlive(p.personalId, receivedOn));
    // Who files what: the free marry, parents of working age register births, adults ask for certificates.
    const age = (p: CitizenSeed) => Number(receivedOn.slice(0, 4)) - Number(p.birthDate.slice(0, 4));
    const likely = alive.filter((p) => {
      switch (planned.procedure.result) {
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
      (planned.procedure.result !== "MARRIAGE_CERTIFICATE" || alive.some((p) => p.gender !== applicant.gender)) &&
      (planned.procedure.result !== "DEATH_CERTIFICATE" || alive.length > 1);
    const procedure = feasible ? planned.procedure : FALLBACK_PROCEDURE;
    const dueAt = withinCalendar(() => calendar.dueAt(received, limitFor(procedure, { verificationNeeded: false })));
    // The last days of a year may fall due in one the calendar has no file for yet: not seeded.
    if (!dueAt) continue;
    const scope = `${commune.code}.${FIELD_PREFIX.CIVIL_STATUS}-${localYyMmDd(received)}`;
    const seq = (sequences.get(scope) ?? 0) + 1;
    const code = `${scope}-${String(seq).padStart(4, "0")}`;
    const span = Math.max(HOUR, dueAt.getTime() - received.getTime());
    const steps: Step[] = [];
    let supplements = 0;
    const at = (fraction: number) => new Date(received.getTime() + fraction * span);
    if (roll < 0.08 && dueAt < now) {
      steps.push({ to: DossierStatus.PROCESSING, at: at(0.2) }); // overdue: still processing past its due date
    } else if (roll < 0.16) {
      steps.push(
        { to: DossierStatus.PROCESSING, at: at(0.2) },
        { to: DossierStatus.COMPLETED, at: at(1.6) },
        { to: DossierStatus.RETURNED, at: at(1.8) },
      );
    } else if (roll < 0.24) {
      supplements = 1;
      steps.push(
        { to: DossierStatus.SUPPLEMENT_REQUESTED, at: at(0.1), note: "Thiếu giấy tờ chứng minh nơi cư trú" },
        { to: DossierStatus.PROCESSING, at: at(0.3) },
        { to: DossierStatus.COMPLETED, at: at(0.8) },
        { to: DossierStatus.RETURNED, at: at(0.9) },
      );
    } else {
      steps.push(
        { to: DossierStatus.PROCESSING, at: at(0.1) },
        { to: DossierStatus.COMPLETED, at: at(0.5) },
        { to: DossierStatus.RETURNED, at: at(0.7) },
      );
    }
    const done = steps.filter((step) => step.at <= now);
    const supplement = done.find((step) => step.to === DossierStatus.SUPPLEMENT_REQUESTED);
    const resumed = supplement ? done.find((step) => step.at > supplement.at) : undefined;
    const effectiveDue =
      supplement && resumed
        ? withinCalendar(() =>
            calendar.extendedDueAt({
              acceptedAt: received,
              dueAt,
              supplementIntervals: [{ from: supplement.at, to: resumed.at }],
              until: resumed.at,
            }),
          )
        : dueAt;
    if (!effectiveDue) continue;
    sequences.set(scope, seq);
    settled.push({
      code,
      commune,
      procedure,
      applicant,
      online,
      received,
      dueAt,
      effectiveDue,
      supplement,
      resumed,
      supplements,
      done,
      completed: done.find((step) => step.to === DossierStatus.COMPLETED),
    });
  }

  // Results are issued in the order the desks completed them, which is not the order of receipt
  // (a late certificate may complete after a marriage received later): each paper then states
  // what the registers held on its day.
  const byCompletion = settled
    .filter((dossier) => dossier.completed)
    .sort((a, b) => (a.completed as Step).at.getTime() - (b.completed as Step).at.getTime());
  for (const dossier of byCompletion) {
    const completed = dossier.completed as Step;
    const people = residents.get(dossier.commune.code) as CitizenSeed[];
    const on = toLocalDate(completed.at);
    if (!issueResult(registers, dossier.procedure, dossier.applicant, people, on, dossier.commune.code, dossier.code)) {
      // Nothing the registers allow (nobody free to marry, say): the desk stopped processing instead.
      dossier.done = [
        ...dossier.done.filter((step) => step.at < completed.at && step.to !== DossierStatus.COMPLETED),
        { to: DossierStatus.STOPPED, at: completed.at, note: "Không đủ điều kiện theo quy định" },
      ];
    }
  }

  const dossiers: unknown[][] = [];
  const transitions: unknown[][] = [];
  for (const { code, commune, procedure, applicant, online, received, dueAt, effectiveDue, ...rest } of settled) {
    const { supplement, resumed, supplements, done } = rest;
    const last = done[done.length - 1];
    const status = last?.to ?? DossierStatus.ACCEPTED;
    const ended =
      done.find((step) => step.to === DossierStatus.COMPLETED || step.to === DossierStatus.STOPPED)?.at ?? null;
    dossiers.push([
      code,
      procedure.code,
      commune.code,
      "01",
      applicant.personalId,
      online ? DossierChannel.ONLINE : DossierChannel.DESK,
      status,
      NATIONAL_STATUS_CODE[status],
      done.length + 1,
      sqlInstant(received),
      sqlInstant(received),
      sqlInstant(dueAt),
      ended ? sqlInstant(ended) : null,
      supplement ? supplements : 0,
      supplement && !resumed ? sqlInstant(supplement.at) : null,
      String(supplement && resumed ? resumed.at.getTime() - supplement.at.getTime() : 0),
      sqlInstant(effectiveDue),
    ]);
    const actor = `demo-officer-${commune.code}`;
    transitions.push([
      code,
      null,
      DossierStatus.ACCEPTED,
      online ? `citizen-${applicant.personalId}` : actor,
      online ? "CITIZEN" : "COMMUNE_OFFICER",
      sqlInstant(received),
      null,
    ]);
    let from: DossierStatus = DossierStatus.ACCEPTED;
    for (const step of done) {
      const role = step.to === DossierStatus.STOPPED ? "COMMUNE_LEADER" : "COMMUNE_OFFICER";
      transitions.push([code, from, step.to, actor, role, sqlInstant(step.at), step.note ?? null]);
      from = step.to;
    }
  }
  await dataSource.transaction(async (manager) => {
    await insertRows(
      manager,
      "civil_status_dossier",
      [
        "code",
        "procedure_code",
        "commune_code",
        "province_code",
        "applicant_personal_id",
        "channel",
        "status",
        "national_status_code",
        "version",
        "received_at",
        "accepted_at",
        "due_at",
        "ended_at",
        "supplement_count",
        "supplement_since",
        "supplement_ms",
        "effective_due_at",
      ],
      dossiers,
    );
    await insertRows(
      manager,
      "dossier_transition",
      ["dossier_code", "from_status", "to_status", "actor", "role", "at", "note"],
      transitions,
    );
    await insertRows(manager, "dossier_sequence", ["scope", "last_value"], [...sequences]);
    await insertRegisters(manager, registers);
  });
  log.info("seeded demo civil-status dossiers and registers", {
    dossiers: dossiers.length,
    transitions: transitions.length,
    births: registers.births.length,
    marriages: registers.marriages.length,
    deaths: registers.deaths.length,
    certificates: registers.certificates.length,
    copies: registers.copies.length,
    corrections: registers.corrections.length,
  });
  return dossiers.length;
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
