import type { DataSource } from "typeorm";

import { communesOfProvince } from "../kit/admin-units";
import { toLocalDate, type WorkingCalendar } from "../kit/calendar";
import { bulkLoad, sqlInstant, withIndexesBuiltAfter } from "../kit/database";
import { seedResidents } from "../kit/desk/residents";
import { DEMO_MONTHS, DeskSimulator, insertObjects } from "../kit/desk/simulator";
import type { DeskRate } from "../kit/desk/volumes";
import { FIELD_PREFIX } from "../kit/dossier/code";
import { log } from "../kit/logger";
import { type CitizenSeed, mulberry32, type PopulationScaleName, showcaseResident } from "../kit/population";
import { fullYearsOn } from "../kit/rule-problem";
import { limitFor, procedureByCode, type SocialProcedure } from "./catalogue";
import { SocialBenefit } from "./entities/register";
import { addMonths, allowanceGroup, firstDayOf, monthOf } from "./money";
import { amountOf } from "./roll";

export interface SeedSocialOptions {
  unitsFile: string;
  scale: PopulationScaleName;
  calendar: WorkingCalendar;
  now?: Date;
  seed?: number;
}

/**
 * How often each social-affairs procedure comes to a commune's desk, per 1,000 people a year
 * (DESIGN §8: volumes of real desks): about 80 dossiers a month for an average Hà Nội commune of
 * 69,000 people. Each is an estimate from the size of the programmes (RATES below) and how often
 * their beneficiaries come and go; no count per commune was found.
 */
export const SOCIAL_RATES: readonly DeskRate[] = [
  {
    code: "1.001776",
    perThousand: 4,
    source:
      "estimate: about 3 % of people receive a monthly allowance, and about one in eight of them has it granted, changed or stopped in a year; low",
  },
  {
    code: "1.014027",
    perThousand: 4.5,
    source:
      "estimate: most of the 0.6 % of people who turn 75 each year apply for the social pension, and deaths stop it; low",
  },
  {
    code: "1.001699",
    perThousand: 1.5,
    source: "estimate: assessments of disability for new and reassessed allowances; low",
  },
  {
    code: "1.011607",
    perThousand: 0.3,
    // Poverty is rarer in the wards.
    byKind: { WARD: 0.5, COMMUNE: 1.35, SPECIAL_ZONE: 1.35 },
    source: "estimate: Hà Nội has few poor and near-poor households (RATES); low",
  },
  {
    code: "1.001653",
    perThousand: 0.5,
    source: "estimate: exchanges and re-issues of disability certificates; low",
  },
  {
    code: "1.001731",
    perThousand: 1,
    source: "estimate: deaths (5–6 ‰) among allowance beneficiaries, whose families claim the funeral support; low",
  },
  {
    code: "1.014028",
    perThousand: 2,
    source: "estimate: deaths among social pensioners, old and many, whose families claim the funeral support; low",
  },
];
/** Months of rolls already closed and paid before the demo's "today". */
const PAID_MONTHS = 3;

/**
 * At the test scale, how often each procedure comes to a commune's social desk, roughly (cumulative shares): allowance
 * decisions most, then pensions, disability assessments, poverty reviews, certificate re-issues and
 * funeral support.
 */
const PROCEDURE_SHARES: readonly [string, number][] = [
  ["1.001776", 0.38],
  ["1.014027", 0.62],
  ["1.001699", 0.77],
  ["1.011607", 0.87],
  ["1.001653", 0.92],
  ["1.001731", 0.96],
  ["1.014028", 1],
];

/**
 * Shares of residents on each benefit, from national and Hà Nội figures (approximate; low
 * confidence: about 3 % of Vietnam's people receive a monthly social allowance, most of them
 * disabled people and, before July 2025, people over 80; since then people of 75+ receive the
 * social pension). A person receives one of them at most.
 */
const RATES = {
  /** Of residents of 75 and over: the social pension (most of them, the others have a pension of their own). */
  pension75: 0.7,
  /** Of all residents: a severe or especially severe disability allowance. */
  disabled: 0.012,
  /** Of residents 60–74: Hà Nội's poor or near-poor elderly without a supporter (NQ 63/2025). */
  poorElderly: 0.01,
  /** Of children under 16: without support (NĐ 20/2021 art. 5(1)). */
  orphan: 0.003,
  /** Of households: poor and near-poor (Hà Nội has few of either). */
  poorHousehold: 0.003,
  nearPoorHousehold: 0.01,
};

const pickProcedure = (roll: number): SocialProcedure =>
  procedureByCode((PROCEDURE_SHARES.find(([, share]) => roll < share) ?? PROCEDURE_SHARES[0])[0]) as SocialProcedure;

type Row = Record<string, unknown>;

/** Seeds the demo social register (benefits, payments, households, disability certificates) and 18 months of social dossiers. */
export const seedSocial = async (dataSource: DataSource, options: SeedSocialOptions) => {
  const now = options.now ?? new Date();
  const today = toLocalDate(now);
  const thisMonth = monthOf(today);
  const random = mulberry32(options.seed ?? 20250704);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const communes = communesOfProvince(options.unitsFile, "01");
  const { residents, people: everyone } = seedResidents(communes, options.scale);
  const showcase = showcaseResident(everyone.values());
  const people: Row[] = [];
  const benefits: Row[] = [];
  const certificates: Row[] = [];
  const households: Row[] = [];
  const members: Row[] = [];
  let decisions = 0;
  const decision = (communeCode: string) => {
    decisions += 1;
    return `${String(decisions).padStart(5, "0")}/QĐ-UBND-${communeCode}`;
  };
  const grant = (
    person: CitizenSeed,
    program: string,
    groupCode: string | null,
    startMonth: string,
    tenths: number,
  ) => {
    benefits.push({
      id: benefits.length + 1,
      personal_id: person.personalId,
      program,
      group_code: groupCode,
      coefficient_tenths: groupCode ? tenths : null,
      children: null,
      amount_tenths: tenths,
      decision_no: decision(person.residenceCommuneCode),
      decision_date: firstDayOf(startMonth),
      dossier_code: null,
      start_month: startMonth,
      end_month: null,
      end_reason: null,
      commune_code: person.residenceCommuneCode,
      province_code: "01",
    });
  };

  /** The disability certificate behind an allowance, issued the month before it starts. */
  const certify = (person: CitizenSeed, level: string, kind: string, startMonth: string) => {
    certificates.push({
      id: certificates.length + 1,
      personal_id: person.personalId,
      number: `KT-${person.residenceCommuneCode}-${String(certificates.length + 1).padStart(5, "0")}`,
      level,
      kind,
      issued_on: addMonths(startMonth, -1) + "-10",
      dossier_code: null,
      commune_code: person.residenceCommuneCode,
      province_code: "01",
    });
  };

  for (const [communeCode, group] of [...residents.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    // Households of about three and a half people, in the generator's order.
    for (let i = 0; i < group.length; ) {
      const size = Math.min(group.length - i, between(2, 5));
      const household = group.slice(i, i + size);
      i += size;
      const roll = random();
      const classification =
        roll < RATES.poorHousehold ? "POOR" : roll < RATES.poorHousehold + RATES.nearPoorHousehold ? "NEAR_POOR" : null;
      if (!classification) continue;
      const id = households.length + 1;
      households.push({
        id,
        code: `HK${communeCode}${String(id).padStart(6, "0")}`,
        year: Number(today.slice(0, 4)),
        classification,
        standard: "ND07-2021",
        income_per_capita_vnd: between(1_200_000, 1_950_000),
        deprivation_count: classification === "POOR" ? between(3, 6) : between(0, 2),
        area_type: "URBAN",
        head_personal_id: household[0].personalId,
        decision_no: decision(communeCode),
        dossier_code: null,
        commune_code: communeCode,
        province_code: "01",
      });
      household.forEach((person, n) =>
        members.push({
          id: members.length + 1,
          household_id: id,
          personal_id: person.personalId,
          relation: n === 0 ? "Chủ hộ" : "Thành viên",
        }),
      );
    }
    for (const person of group) {
      const age = fullYearsOn(person.birthDate, today);
      const since = (monthsBack: number) => addMonths(thisMonth, -between(1, monthsBack));
      let granted = false;
      if (age >= 75 && random() < RATES.pension75) {
        const start = since(16);
        grant(person, "SOCIAL_PENSION", null, start < "2025-07" ? "2025-07" : start, 0);
        granted = true;
      } else if (random() < RATES.disabled) {
        const especially = random() < 0.35;
        const adult = age >= 16 && age < 60;
        const code = `ND20-5.6-${especially ? "DBN" : "N"}-${adult ? "ADULT" : "CHILD-ELDER"}`;
        const start = since(60);
        const group_ = allowanceGroup(code, "01", firstDayOf(start));
        if (group_) {
          grant(person, "SOCIAL_ALLOWANCE", code, start, group_.coefficientTenths);
          certify(
            person,
            especially ? "DAC_BIET_NANG" : "NANG",
            ["VAN_DONG", "NGHE_NOI", "NHIN", "THAN_KINH_TAM_THAN", "TRI_TUE", "KHAC"][between(0, 5)],
            start,
          );
          granted = true;
        }
      } else if (age >= 60 && age < 75 && random() < RATES.poorElderly) {
        const start = addMonths(thisMonth, -between(1, 10));
        grant(person, "SOCIAL_ALLOWANCE", "HN-NQ63-ELDER-60TO80", start < "2026-01" ? "2026-01" : start, 15);
        granted = true;
      } else if (age < 16 && random() < RATES.orphan) {
        const code = age < 4 ? "ND20-5.1-U4" : "ND20-5.1-4TO16";
        grant(person, "SOCIAL_ALLOWANCE", code, since(30), allowanceGroup(code, "01", today)?.coefficientTenths ?? 15);
        granted = true;
      }
      if (!granted && person === showcase) {
        // Citizen 360's default person receives what their age gives, whatever the draws said: the
        // pension from the month it opened to 75-year-olds, else a disability allowance of two years.
        if (age >= 75) grant(person, "SOCIAL_PENSION", null, "2025-07", 0);
        else {
          const code = `ND20-5.6-N-${age >= 16 && age < 60 ? "ADULT" : "CHILD-ELDER"}`;
          const start = addMonths(thisMonth, -24);
          grant(
            person,
            "SOCIAL_ALLOWANCE",
            code,
            start,
            allowanceGroup(code, "01", firstDayOf(start))!.coefficientTenths,
          );
          certify(person, "NANG", "VAN_DONG", start);
        }
        granted = true;
      }
      if (granted)
        people.push({
          personal_id: person.personalId,
          birth_date: person.birthDate,
          deceased_on: null,
          merit_category: null,
        });
    }
  }

  // The last months' rolls, closed and paid.
  const payments: Row[] = [];
  const closures: Row[] = [];
  for (let back = PAID_MONTHS; back >= 1; back -= 1) {
    const month = addMonths(thisMonth, -back);
    const paidAt = sqlInstant(new Date(`${addMonths(month, -1)}-24T02:00:00Z`));
    for (const commune of communes) {
      closures.push({ commune_code: commune.code, month, province_code: "01", closed_at: paidAt, closed_by: "seed" });
    }
    for (const benefit of benefits) {
      if (String(benefit.start_month) > month) continue;
      payments.push({
        id: payments.length + 1,
        benefit_id: benefit.id,
        personal_id: benefit.personal_id,
        month,
        amount_vnd: amountOf(
          Object.assign(new SocialBenefit(), {
            program: benefit.program,
            amountTenths: benefit.amount_tenths,
            provinceCode: "01",
          }),
          month,
        ),
        program: benefit.program,
        decision_no: benefit.decision_no,
        paid_at: paidAt,
        status: "PAID",
        commune_code: benefit.commune_code,
        province_code: "01",
      });
    }
  }

  // 18 months of social dossiers at every commune's desk.
  const desks = new DeskSimulator<SocialProcedure>({
    calendar: options.calendar,
    now,
    random,
    prefix: FIELD_PREFIX.SOCIAL,
    months: DEMO_MONTHS,
  });
  const receipts = desks.planForScale(options.scale, communes, residents, {
    pick: pickProcedure,
    rates: SOCIAL_RATES,
    procedureOf: (code) => procedureByCode(code) as SocialProcedure,
  });
  for (const receipt of receipts) {
    const pool = residents.get(receipt.commune.code) ?? [];
    const applicant = pool[Math.floor(random() * pool.length)];
    if (!applicant) continue;
    desks.settle(receipt, receipt.procedure, applicant.personalId, limitFor(receipt.procedure, receipt.received));
  }

  const dossiers = await bulkLoad(dataSource, async (manager) => {
    await withIndexesBuiltAfter(manager, REGISTER_TABLES, async () => {
      await insertObjects(manager, "social_person", people);
      await insertObjects(manager, "social_benefit", benefits);
      await insertObjects(manager, "social_payment", payments);
      await insertObjects(manager, "social_roll_closure", closures);
      await insertObjects(manager, "social_household", households);
      await insertObjects(manager, "social_household_member", members);
      await insertObjects(manager, "social_disability_certificate", certificates);
    });
    return desks.insert(manager, "social_dossier", "01");
  });
  const seeded = { benefits: benefits.length, payments: payments.length, households: households.length, dossiers };
  log.info("seeded the demo social register and desks", seeded);
  return seeded;
};

const REGISTER_TABLES = [
  "social_person",
  "social_benefit",
  "social_payment",
  "social_roll_closure",
  "social_household",
  "social_household_member",
  "social_disability_certificate",
];

/** True when the social register and desks hold nothing yet. */
export const isEmpty = async (dataSource: DataSource): Promise<boolean> =>
  (await dataSource.manager.count(SocialBenefit)) === 0 &&
  Number(((await dataSource.query("SELECT COUNT(*) AS n FROM social_dossier")) as { n: number }[])[0].n) === 0;
