import type { DataSource, EntityManager } from "typeorm";

import { communesOfProvince } from "../kit/admin-units";
import { addCalendarDays, toLocalDate, type WorkingCalendar } from "../kit/calendar";
import { bulkLoad, insertRows, withIndexesBuiltAfter } from "../kit/database";
import { drawResident, fieldPopulationScale, type Fit, Pool, seedResidents, yearsOld } from "../kit/desk/residents";
import { DEMO_MONTHS, DeskSimulator } from "../kit/desk/simulator";
import { type DeskRate, seasonal } from "../kit/desk/volumes";
import { FIELD_PREFIX } from "../kit/dossier/code";
import { log } from "../kit/logger";
import {
  type CitizenSeed,
  MAX_AGE,
  mulberry32,
  type PopulationScaleName,
  resolvePopulationScale,
  showcaseResident,
} from "../kit/population";
import { type CivilStatusProcedure, limitFor, procedureByCode } from "./catalogue";
import { CivilStatusDossier } from "./entities/civil-status-dossier";
import { DemoRegisters } from "./seed-registers";

const DAY = 86_400_000;
/** Hà Nội's offset from UTC: the day a paper is issued is the local day. */
const LOCAL_OFFSET = 7 * 3_600_000;
/** The local date of a local day number (a few hundred of them, each formatted once). */
const localDates = new Map<number, string>();
const localDateOf = (day: number): string => {
  let date = localDates.get(day);
  if (date === undefined) localDates.set(day, (date = new Date(day * DAY).toISOString().slice(0, 10)));
  return date;
};

/**
 * Months with more or fewer registrations than the year's average, January first. Weddings crowd
 * into the last lunar months before Tết and the weeks after it, and avoid the seventh lunar month
 * (about August) and Tết itself (estimate from the wedding season as widely reported, low
 * confidence; solar months stand for lunar ones, which drift by up to a month).
 */
const WEDDING_SEASON = seasonal([1.3, 0.8, 1.1, 0.9, 0.8, 0.8, 0.8, 0.6, 0.9, 1.2, 1.4, 1.4]);
/**
 * Births registered: a little more before Tết, when families settle papers before the holiday,
 * and fewer in the Tết month (estimate, low confidence).
 */
const BIRTH_SEASON = seasonal([1.1, 0.85, 1.05, 1, 1, 1, 1, 1, 1, 1, 1, 1.05]);
/** Deaths: more in the northern winter (estimate from the usual winter excess of deaths, low confidence). */
const DEATH_SEASON = seasonal([1.15, 1.1, 1.05, 1, 0.95, 0.9, 0.9, 0.9, 0.95, 1, 1.05, 1.1]);

/**
 * How often each civil-status procedure comes to a commune's desk, per 1,000 people a year
 * (DESIGN §8: volumes of real desks): about 340 dossiers a month for an average Hà Nội commune of
 * 69,000 people, 440 in a ward of 85,000, 270 in a rural commune of 58,000. A birth, a death and a
 * marriage are each registered once, at the commune of residence (Luật Hộ tịch 2014 arts. 13, 17,
 * 32), so those three follow the vital rates.
 */
export const CIVIL_STATUS_RATES: readonly DeskRate[] = [
  {
    code: "1.001193",
    perThousand: 14,
    byMonth: BIRTH_SEASON,
    source:
      "crude birth rate about 14 ‰ a year nationally (GSO); provincial statistical yearbooks for 2022–2023 give 12.6–16.4 ‰ (Bình Định, Đồng Nai); no Hà Nội figure found; medium",
  },
  {
    code: "1.000894",
    perThousand: 7.5,
    byMonth: WEDDING_SEASON,
    source:
      "about 7–8 marriages a year per 1,000 people (estimate from national figures; no Hà Nội count found); medium",
  },
  {
    code: "1.000656",
    perThousand: 5.5,
    byMonth: DEATH_SEASON,
    source:
      "crude death rate about 5–6 ‰ a year nationally (GSO); provincial yearbooks for 2022–2023 give 5.2–7.4 ‰; no Hà Nội figure found; medium",
  },
  {
    code: "1.004873",
    perThousand: 10,
    // Sales and mortgages of land held alone, bank loans and marriages elsewhere: more in wards.
    byKind: { WARD: 1.2, COMMUNE: 0.85, SPECIAL_ZONE: 0.85 },
    source: "estimate: about 1.3 certificates per marriage plus property and loan paperwork; low",
  },
  {
    code: "2.000635",
    perThousand: 20,
    byKind: { WARD: 1.15, COMMUNE: 0.9, SPECIAL_ZONE: 0.9 },
    source: "estimate: copies of birth and marriage extracts for schools, jobs, inheritance and land papers; low",
  },
  {
    code: "1.004859",
    perThousand: 2,
    source: "estimate: changes, corrections and completions of old records; low",
  },
];

/**
 * At the test scale, how often each procedure comes to a commune desk, roughly: births and
 * certificates most, deaths and corrections least. Cumulative shares, in the catalogue's order.
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

/** How long before its registration a death happened, at most: the family has 15 days to declare it (Luật Hộ tịch 2014 art. 33). */
const DAYS_TO_DECLARE_DEATH = 14;
/**
 * How much likelier death is with each year of age: a Gompertz slope of about 0.09 a year, the
 * usual adult mortality curve (estimate, medium). A death is drawn among the living with these
 * odds, so most of the dead are old, as in a real register.
 */
const MORTALITY_SLOPE = 0.09;
/** Spouses' ages differ by at most this much when the commune has such a partner (estimate). */
const SPOUSE_AGE_GAP = 12;
/** Most who marry are young: the unmarried up to this age (at the start of the period) are drawn first. */
const YOUNG_UNTIL = 45;
/** Ages in bands of five years, each with the odds of dying in it relative to the oldest band. */
const AGE_BAND_YEARS = 5;
const BANDS = Math.floor(MAX_AGE / AGE_BAND_YEARS) + 2;

/**
 * Who dies at a commune: a band of ages chosen with odds rising steeply with age (MORTALITY_SLOPE)
 * times the living people in it, then someone living in that band. Bands are by age at the start
 * of the period, which is close enough over 18 months.
 */
class DeathOdds {
  private readonly bands: Pool[] = Array.from({ length: BANDS }, () => new Pool());
  private readonly living: number[] = new Array<number>(BANDS).fill(0);
  private readonly odds: number[];

  constructor(residents: readonly CitizenSeed[], on: string) {
    this.odds = Array.from({ length: BANDS }, (_, band) =>
      Math.exp(MORTALITY_SLOPE * ((band + 0.5) * AGE_BAND_YEARS - MAX_AGE)),
    );
    for (const person of residents) {
      const band = this.bandOf(person, on);
      this.bands[band].add(person);
      this.living[band] += 1;
    }
  }

  private bandOf(person: CitizenSeed, on: string): number {
    return Math.min(BANDS - 1, Math.max(0, Math.floor(yearsOld(person, on) / AGE_BAND_YEARS)));
  }

  /** Someone who may die (`fit`), or undefined when no band has anyone left who may. */
  draw(random: () => number, fit: (person: CitizenSeed) => Fit, on: string): CitizenSeed | undefined {
    for (let attempt = 0; attempt < BANDS; attempt += 1) {
      const weights = this.living.map((count, band) => count * this.odds[band]);
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      if (total <= 0) return undefined;
      let target = random() * total;
      let band = 0;
      while (band < BANDS - 1 && target >= weights[band]) target -= weights[band++];
      const person = this.bands[band].draw(random, fit);
      if (person) {
        this.living[this.bandOf(person, on)] -= 1;
        return person;
      }
      // Nobody in this band may die now (the declarant, the protected, the engaged): try another.
      this.living[band] = 0;
    }
    return undefined;
  }
}

/**
 * Demo dossiers and registers for the desks and dashboards: the kit's desk simulator over the last
 * 18 months at every commune of the synthetic population's province, at real rates of each
 * commune's estimated population (the test scale: a few dossiers per commune), for residents of that
 * population. Every completed dossier issued its paper, and the registers agree with the officer's
 * rules (see DemoRegisters). Deterministic for a given `now` (seeded PRNG).
 *
 * Who a dossier concerns is chosen when it is received, in order of receipt: the couple of a
 * marriage (free that day, and promised to nobody else), the parent of a newborn, the deceased of a
 * death (drawn among the living, the old far likelier). Deaths are decided then, before any paper
 * is issued, so no later paper ignores them. Papers are then issued in order of completion.
 */
export const seedDemoDossiers = async (
  dataSource: DataSource,
  calendar: WorkingCalendar,
  options: { unitsFile: string; scale: PopulationScaleName; now?: Date; seed?: number },
): Promise<number> => {
  const now = options.now ?? new Date();
  const random = mulberry32(options.seed ?? 20250701);
  const communes = communesOfProvince(options.unitsFile, "01");
  const { residents, people } = seedResidents(communes, options.scale);
  const protectedIds = new Set<string>();
  // The people the demo personas and saved operations open on stay alive: the showcase resident and
  // the first residents of each commune (the "Nguyễn Văn" ones, whom tests and personas find).
  const showcase = showcaseResident(people.values());
  if (showcase) protectedIds.add(showcase.personalId);
  for (const group of residents.values()) {
    for (const person of group.slice(
      0,
      resolvePopulationScale(fieldPopulationScale(options.scale)).nguyenVanPerCommune,
    )) {
      protectedIds.add(person.personalId);
    }
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

  const receipts = desks.planForScale(options.scale, communes, residents, {
    pick: pickProcedure,
    rates: CIVIL_STATUS_RATES,
    procedureOf: (code) => procedureByCode(code) as CivilStatusProcedure,
  });
  const communeCodes = [...residents.keys()];
  /** People a marriage received but not yet registered will join: promised to nobody else meanwhile. */
  const engaged = new Set<string>();
  /** The last day each person filed a dossier: their death, if it comes, is not earlier. */
  const lastFiled = new Map<string, string>();
  const couples = new Map<string, [CitizenSeed, CitizenSeed]>();
  const deceasedOf = new Map<string, CitizenSeed>();
  // Who may marry, by commune, gender and age: the unmarried of 16 and over when the period starts,
  // the young (to YOUNG_UNTIL) apart, as most who marry are; a widow or widower joins again. Who may
  // die, by commune.
  const single = new Map<string, Record<string, Pool>>();
  const poolOf = (person: CitizenSeed) =>
    (single.get(person.residenceCommuneCode) as Record<string, Pool>)[
      `${person.gender} ${yearsOld(person, before) <= YOUNG_UNTIL ? "young" : "older"}`
    ];
  const mortality = new Map<string, DeathOdds>();
  for (const [code, group] of residents) {
    single.set(code, {
      "MALE young": new Pool(),
      "MALE older": new Pool(),
      "FEMALE young": new Pool(),
      "FEMALE older": new Pool(),
    });
    for (const person of group) {
      if (yearsOld(person, before) >= 16 && !registers.isMarriedForNow(person.personalId)) poolOf(person).add(person);
    }
    mortality.set(code, new DeathOdds(group, before));
  }
  const freeOn =
    (on: string, also?: (person: CitizenSeed) => boolean) =>
    (person: CitizenSeed): Fit => {
      const id = person.personalId;
      if (engaged.has(id) || registers.hasDied(id) || registers.isMarriedForNow(id)) return "never";
      if (also && !also(person)) return "not now";
      return registers.isFree(person, on) ? "yes" : "not now";
    };
  const pools = (communeCode: string, gender: string, young: boolean): Pool =>
    (single.get(communeCode) as Record<string, Pool>)[`${gender} ${young ? "young" : "older"}`];
  /** A free applicant at the commune: young if there is one, else older. */
  const brideOrGroom = (communeCode: string, on: string) => {
    const gender = random() < 0.5 ? "MALE" : "FEMALE";
    const free = freeOn(on);
    return pools(communeCode, gender, true).draw(random, free) ?? pools(communeCode, gender, false).draw(random, free);
  };
  /** A free partner for the applicant: of about their age in their commune, else in the province, else of any age. */
  const partnerFor = (applicant: CitizenSeed, communeCode: string, on: string) => {
    const gender = applicant.gender === "MALE" ? "FEMALE" : "MALE";
    const age = yearsOld(applicant, on);
    const young = yearsOld(applicant, before) <= YOUNG_UNTIL;
    const ofAge = freeOn(on, (person) => Math.abs(yearsOld(person, on) - age) <= SPOUSE_AGE_GAP);
    const elsewhere = communeCodes[Math.floor(random() * communeCodes.length)];
    return (
      pools(communeCode, gender, young).draw(random, ofAge) ??
      pools(elsewhere, gender, young).draw(random, ofAge) ??
      pools(communeCode, gender, !young).draw(random, ofAge) ??
      pools(communeCode, gender, young).draw(random, freeOn(on)) ??
      pools(communeCode, gender, !young).draw(random, freeOn(on))
    );
  };

  for (const receipt of receipts) {
    const communeCode = receipt.commune.code;
    const group = residents.get(communeCode) as CitizenSeed[];
    const on = toLocalDate(receipt.received);
    const alive = (p: CitizenSeed) => registers.isAlive(p.personalId, on);
    let procedure = receipt.procedure;
    let applicant: CitizenSeed | undefined;
    let partner: CitizenSeed | undefined;
    let deceased: CitizenSeed | undefined;
    // Who files what: the free marry, parents of working age register births, adults ask for certificates.
    switch (procedure.result) {
      case "MARRIAGE_CERTIFICATE":
        applicant = brideOrGroom(communeCode, on);
        partner = applicant && partnerFor(applicant, communeCode, on);
        break;
      case "BIRTH_CERTIFICATE":
        applicant = drawResident(group, (p) => yearsOld(p, on) >= 20 && yearsOld(p, on) <= 45 && alive(p), random);
        break;
      default:
        applicant = drawResident(group, (p) => yearsOld(p, on) >= 18 && alive(p), random);
    }
    applicant ??= drawResident(group, alive, random);
    if (!applicant) continue;
    if (procedure.result === "DEATH_CERTIFICATE") {
      const declarant = applicant;
      deceased = (mortality.get(communeCode) as DeathOdds).draw(
        random,
        (person) => {
          if (!registers.isAlive(person.personalId, on)) return "never";
          return person === declarant || protectedIds.has(person.personalId) || engaged.has(person.personalId)
            ? "not now"
            : "yes";
        },
        before,
      );
    }
    // Marriages need a free couple and deaths someone who died; otherwise the dossier is a certificate.
    if (
      (procedure.result === "MARRIAGE_CERTIFICATE" && !partner) ||
      (procedure.result === "DEATH_CERTIFICATE" && !deceased)
    ) {
      procedure = FALLBACK_PROCEDURE;
    }
    const dossier = desks.settle(
      receipt,
      procedure,
      applicant.personalId,
      limitFor(procedure, { verificationNeeded: false }),
    );
    lastFiled.set(applicant.personalId, on);
    if (procedure.result === "MARRIAGE_CERTIFICATE" && partner && dossier.completed) {
      const couple: [CitizenSeed, CitizenSeed] =
        applicant.gender === "MALE" ? [applicant, partner] : [partner, applicant];
      couples.set(dossier.code, couple);
      for (const spouse of couple) engaged.add(spouse.personalId);
    }
    if (procedure.result === "DEATH_CERTIFICATE" && deceased) {
      // The death happened in the days before its declaration, after the deceased's last dossier and marriage.
      let diedOn = addCalendarDays(on, -Math.floor(random() * (DAYS_TO_DECLARE_DEATH + 1)));
      for (const floor of [lastFiled.get(deceased.personalId) ?? "", registers.lastMarriageOf(deceased.personalId)]) {
        if (diedOn < floor) diedOn = floor;
      }
      for (const widowed of registers.decideDeath(deceased, diedOn, dossier.completed !== undefined)) {
        poolOf(widowed).add(widowed);
      }
      deceasedOf.set(dossier.code, deceased);
    }
  }

  // Papers are issued in the order the desks completed them, which is not the order of receipt (a
  // late certificate may complete after a marriage received later), so each states what the
  // registers held on its day. On one day, births, marriages and deaths come before the papers
  // that state a status, which the registers give by the day.
  const issuedFirst = new Set(["BIRTH_CERTIFICATE", "MARRIAGE_CERTIFICATE", "DEATH_CERTIFICATE"]);
  const completions = desks.dossiers
    .filter((dossier) => dossier.completed)
    .map((dossier) => {
      const at = dossier.completed!.at.getTime();
      const day = Math.floor((at + LOCAL_OFFSET) / DAY);
      return { dossier, day, order: 2 * day + (issuedFirst.has(dossier.procedure.result) ? 0 : 1), at };
    });
  completions.sort((a, b) => a.order - b.order || a.at - b.at);
  for (const { dossier, day } of completions) {
    const on = localDateOf(day);
    const applicant = people.get(dossier.applicantPersonalId) as CitizenSeed;
    const code = dossier.code;
    const commune = dossier.commune.code;
    let issued: boolean;
    switch (dossier.procedure.result) {
      case "MARRIAGE_CERTIFICATE": {
        const [husband, wife] = couples.get(code) as [CitizenSeed, CitizenSeed];
        issued = registers.marry(husband, wife, on, commune, code);
        for (const spouse of [husband, wife]) engaged.delete(spouse.personalId);
        break;
      }
      case "DEATH_CERTIFICATE":
        issued = registers.registerDeath(deceasedOf.get(code) as CitizenSeed, on, commune, code);
        break;
      default:
        issued = issueResult(registers, dossier.procedure, applicant, on, commune, code);
    }
    if (!issued) desks.stopInstead(dossier, "Không đủ điều kiện theo quy định");
  }

  const seeded = await bulkLoad(dataSource, async (manager) => {
    const count = await desks.insert(manager, "civil_status_dossier", "01");
    await withIndexesBuiltAfter(manager, REGISTER_TABLES, () => insertRegisters(manager, registers));
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

const REGISTER_TABLES = [
  "birth_registration",
  "marriage_registration",
  "death_registration",
  "marital_status_certificate",
  "civil_status_correction",
  "extract_copy",
];

/** Issues the paper of a completed demo dossier about its applicant; false when the registers do not allow it. */
const issueResult = (
  registers: DemoRegisters,
  procedure: CivilStatusProcedure,
  applicant: CitizenSeed,
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
    // In key order: a primary key fed random personal IDs costs more than the insert itself.
    [...registers.births]
      .sort((a, b) => (a.personalId < b.personalId ? -1 : 1))
      .map((b) => [
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
