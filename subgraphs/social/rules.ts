import { parsePersonalId } from "../kit/personal-id";
import { fullYearsOn, isCalendarDate, notADate, requireCalendarDate, type RuleProblem } from "../kit/rule-problem";
import {
  type AllowanceGroup,
  allowanceGroup,
  allowanceGroupByCode,
  FIRST_PENSION_MONTH,
  firstDayOf,
  formatCoefficient,
  isMonth,
  lastDayOf,
  type Month,
  monthOf,
  requireMonth,
} from "./money";

/**
 * The checks a commune social-affairs officer (cán bộ văn hóa – xã hội) applies before granting
 * a monthly allowance or a social pension, recording a household's poverty classification or a
 * disability certificate, as pure functions over plain objects: no database, no GraphQL. The
 * subgraph loads the facts (the person from civil status, the open benefits, the household), calls
 * a check and turns a problem into BAD_USER_INPUT naming the field (DESIGN §6); nothing is written
 * when a check fails. Research, sources and confidence: shared/domain/land-and-social.md §B.
 *
 * Each check returns `undefined` when the request may go ahead, otherwise the first problem found.
 * `field` is a path into the check's own input (`startMonth`, `members[2].personalId`). Problems
 * with the person as the registers show them (dead, too young) are reported on `personalId`.
 * Messages are written for the desk officer and name the months, dates, ages and codes involved.
 *
 * Dates are civil dates in Vietnam, "YYYY-MM-DD"; months "YYYY-MM". A date or month in the request
 * that is malformed is a problem on its field; a malformed one in the register facts (birth and
 * death dates, open benefits) or in `today` is a programming error and throws a RangeError, since
 * the officer can do nothing about it.
 */

export type { RuleProblem };

/**
 * Full years of age on a date ("đủ N tuổi"), counted as civil status counts them (§B5): the
 * birthday itself completes the year, and a 29 February birthday completes it on 1 March in
 * common years.
 */
export { fullYearsOn };

/** Hộ nghèo, hộ cận nghèo, hộ làm nông, lâm, ngư nghiệp có mức sống trung bình, none of these. */
export type HouseholdClass = "POOR" | "NEAR_POOR" | "AVERAGE_LIVING_FARM" | "NONE";

/** A person as the civil-status register shows them. */
export interface PersonFacts {
  personalId: string;
  birthDate: string;
  /** The date of death from the death record (not the registration date), or null. */
  deceasedOn: string | null;
}

/** A benefit the person already has, open or ended. */
export interface OpenBenefit {
  program: "SOCIAL_ALLOWANCE" | "CARE_SUPPORT" | "SOCIAL_PENSION";
  startMonth: Month;
  /** The last month paid, included; null while the benefit is open. */
  endMonth: Month | null;
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** The register's facts about a person: a malformed one is the register's error, not the officer's. */
const requirePerson = (person: PersonFacts): void => {
  requireCalendarDate(person.birthDate, `birth date of ${person.personalId}`);
  if (person.deceasedOn !== null) requireCalendarDate(person.deceasedOn, `date of death of ${person.personalId}`);
};

const requireBenefits = (existing: readonly OpenBenefit[]): void => {
  for (const benefit of existing) {
    requireMonth(benefit.startMonth, `first month of an existing ${benefit.program} benefit`);
    if (benefit.endMonth === null) continue;
    requireMonth(benefit.endMonth, `last month of an existing ${benefit.program} benefit`);
    if (benefit.endMonth < benefit.startMonth) {
      throw new RangeError(
        `An existing ${benefit.program} benefit ends in ${benefit.endMonth}, before it starts in ${benefit.startMonth}`,
      );
    }
  }
};

const notAMonth = (field: string, value: unknown, what: string): RuleProblem => ({
  field,
  message: `The ${what} ${JSON.stringify(value)} is not a month; write it as YYYY-MM (for example 2026-07).`,
});

/** The first problems of every grant: the month, the person's death, a month before their birth. */
const checkGrantBasics = (
  person: PersonFacts,
  startMonth: string,
  today: string,
  what: string,
): RuleProblem | undefined => {
  requireCalendarDate(today, "today");
  requirePerson(person);
  if (!isMonth(startMonth)) return notAMonth("startMonth", startMonth, "first month");
  if (person.deceasedOn !== null) {
    // §B5: a dead person cannot be granted anything; open benefits stop from the month after death.
    return {
      field: "personalId",
      message: `${person.personalId} died on ${person.deceasedOn}; no ${what} can be granted to a deceased person.`,
    };
  }
  const birthMonth = monthOf(person.birthDate);
  if (startMonth < birthMonth) {
    return {
      field: "startMonth",
      message: `The first month ${startMonth} is before the person was born (${person.birthDate}).`,
    };
  }
  return undefined;
};

/** "2025-08 to 2026-02", or "from 2025-08 on (still open)". */
const describeMonths = (benefit: OpenBenefit): string =>
  benefit.endMonth === null
    ? `from ${benefit.startMonth} on (still open)`
    : `from ${benefit.startMonth} to ${benefit.endMonth}`;

/**
 * The first benefit of a programme paid for any month of a grant open from `startMonth`: one open,
 * or ending in `startMonth` or later (one starting later overlaps too, since a grant is open).
 */
const overlapping = (
  existing: readonly OpenBenefit[],
  program: OpenBenefit["program"],
  startMonth: Month,
): OpenBenefit | undefined =>
  existing.find(
    (benefit) => benefit.program === program && (benefit.endMonth === null || benefit.endMonth >= startMonth),
  );

const NEVER_BOTH = "a social pension and an allowance are never paid for the same months; the higher one is paid";

const describeAges = (group: AllowanceGroup): string =>
  (group.ages ?? [])
    .map((range) =>
      range.below === null
        ? `${range.from} or older`
        : range.from === 0
          ? `under ${range.below}`
          : `${range.from} to under ${range.below}`,
    )
    .join(" or ");

/**
 * Whether the person is in one of the group's age ranges on at least one day of the month: the
 * full years on the month's last day reach the lower limit and those on its first day are below
 * the upper one. A person who reaches a limit during the month is not refused; which rate applies
 * in that month is an adjustment (NĐ 20/2021 art. 8(1), "from the month the person qualifies"),
 * and the post-reform start rules for birthdays are unclear (§B3), so this check only refuses a
 * group the person does not fit at all that month.
 */
const fitsAges = (group: AllowanceGroup, birthDate: string, month: Month): boolean => {
  if (!group.ages) return true;
  const atStart = fullYearsOn(birthDate, firstDayOf(month));
  const atEnd = fullYearsOn(birthDate, lastDayOf(month));
  return group.ages.some((range) => atEnd >= range.from && (range.below === null || atStart < range.below));
};

// ---------------------------------------------------------------------------------------------
// Monthly social allowance and care support (1.001776)

export interface AllowanceGrantInput {
  person: PersonFacts;
  /** The province of the commune paying it: groups and base levels depend on it. */
  provinceCode: string;
  groupCode: string;
  /** The coefficient the officer entered, in tenths (2.5 → 25), if any: it must be the table's. */
  coefficientTenths?: number | null;
  /** Children being raised, for the single-parent per-child group. */
  children?: number | null;
  startMonth: string;
  today: string;
  existing: readonly OpenBenefit[];
}

/**
 * A grant of a monthly social allowance or care support (NĐ 20/2021 arts. 5–8; the commune chair
 * decides since 1 Jul 2025, NĐ 147/2025), in this order:
 * - `startMonth` is a month;
 * - the person is alive (`personalId`);
 * - `startMonth` is not before the birth month;
 * - the group is in the table, applies in the province and is in force on the first day of
 *   `startMonth` (`groupCode`; NĐ 20/2021 art. 5(5)(b), (c) ended on 30 Jun 2025);
 * - a coefficient given is the table's (`coefficient`);
 * - the per-child group has at least one child (`children`);
 * - the person fits the group's ages on some day of `startMonth` (`groupCode`; see fitsAges);
 * - for an allowance, no social pension is paid for any of the same months (`startMonth`; NĐ
 *   176/2025: the higher one, never both). Care support is another programme and not affected.
 * An existing allowance does not stop a grant: a person may hold several groups, each recorded as
 * a benefit, and monthlyAllowance pays the highest (plus the per-child add-on).
 */
export const checkAllowanceGrant = ({
  person,
  provinceCode,
  groupCode,
  coefficientTenths,
  children,
  startMonth,
  today,
  existing,
}: AllowanceGrantInput): RuleProblem | undefined => {
  requireBenefits(existing);
  const basic = checkGrantBasics(person, startMonth, today, "allowance or care support");
  if (basic) return basic;
  const day = firstDayOf(startMonth);
  const group = allowanceGroup(groupCode, provinceCode, day);
  if (!group) return { field: "groupCode", message: groupProblem(groupCode, provinceCode, day) };
  if (coefficientTenths !== undefined && coefficientTenths !== null && coefficientTenths !== group.coefficientTenths) {
    return {
      field: "coefficient",
      message: `The coefficient of group ${group.code} is ${formatCoefficient(group.coefficientTenths)} (${group.source}), not ${formatCoefficient(coefficientTenths)}.`,
    };
  }
  if (group.perChild && (children === undefined || children === null || !Number.isInteger(children) || children < 1)) {
    return {
      field: "children",
      message: `Group ${group.code} is paid per child raised; give the number of children (at least 1), got ${String(children ?? "none")}.`,
    };
  }
  if (!fitsAges(group, person.birthDate, startMonth)) {
    return {
      field: "groupCode",
      message: `Group ${group.code} covers ages ${describeAges(group)}; the person born on ${person.birthDate} is ${fullYearsOn(person.birthDate, day)} on ${day} and does not reach those ages in ${startMonth}.`,
    };
  }
  if (group.program === "SOCIAL_ALLOWANCE") {
    const pension = overlapping(existing, "SOCIAL_PENSION", startMonth);
    if (pension) {
      return {
        field: "startMonth",
        message: `The person receives a social pension ${describeMonths(pension)}, which overlaps an allowance from ${startMonth}: ${NEVER_BOTH}.`,
      };
    }
  }
  return undefined;
};

/** Why a group code is not available in a province on a date. */
const groupProblem = (code: string, provinceCode: string, date: string): string => {
  const group = allowanceGroupByCode(code);
  if (!group) {
    return `The group ${JSON.stringify(code)} is not in the table of allowance groups (NĐ 20/2021 art. 5 and the provincial groups).`;
  }
  if (group.provinceCode !== null && group.provinceCode !== provinceCode) {
    return `The group ${code} exists only in province ${group.provinceCode} (${group.source}), not in province ${provinceCode}.`;
  }
  if (date < group.from) return `The group ${code} applies from ${group.from}, after ${date}.`;
  return `The group ${code} is not in the table in force on ${date}: it applied until ${group.until}${group.repealedBy ? `, repealed by ${group.repealedBy}` : ""}.`;
};

// ---------------------------------------------------------------------------------------------
// Social pension (1.014027)

/** The age from which anyone qualifies, and the lower age for poor and near-poor households (Luật BHXH 2024 art. 21). */
export const PENSION_AGE = 75;
export const PENSION_AGE_POOR = 70;

export interface PensionGrantInput {
  person: PersonFacts;
  provinceCode: string;
  startMonth: string;
  today: string;
  /** The household's classification for a year, or null when it has none recorded. */
  household: { classification: HouseholdClass; year: number } | null;
  existing: readonly OpenBenefit[];
}

/**
 * A grant of the social pension (Luật BHXH 2024 art. 21; NĐ 176/2025 arts. 2–5), in this order:
 * - `startMonth` is a month; the person is alive (`personalId`); `startMonth` is not before the
 *   birth month;
 * - `startMonth` is July 2025 or later, when NĐ 176/2025 took effect (`startMonth`);
 * - the person's full years on the first day of `startMonth`: 75 or more qualifies; 70–74 only in a
 *   household classified POOR or NEAR_POOR for the year of `startMonth` (`household`); under 70
 *   never (`personalId`: the person's age, not the month, is at fault; a person who will reach 70
 *   or 75 needs a later month, which the message names);
 * - no social pension (a duplicate) and no social allowance is paid for any of the same months
 *   (`startMonth`; the higher one, never both).
 * The other conditions (no pension or a lower one, the written request) are on the request form
 * and are not facts this check sees. `provinceCode` is taken for symmetry with the allowance; the
 * pension's conditions do not depend on it.
 */
export const checkPensionGrant = ({
  person,
  startMonth,
  today,
  household,
  existing,
}: PensionGrantInput): RuleProblem | undefined => {
  requireBenefits(existing);
  const basic = checkGrantBasics(person, startMonth, today, "social pension");
  if (basic) return basic;
  if (startMonth < FIRST_PENSION_MONTH) {
    return {
      field: "startMonth",
      message: `The social pension exists from ${FIRST_PENSION_MONTH} (Nghị định 176/2025/NĐ-CP, in force on 1 Jul 2025); it cannot start in ${startMonth}.`,
    };
  }
  const day = firstDayOf(startMonth);
  const age = fullYearsOn(person.birthDate, day);
  if (age < PENSION_AGE_POOR) {
    return {
      field: "personalId",
      message: `The person born on ${person.birthDate} is ${age} on ${day}; the social pension starts at ${PENSION_AGE}, or ${PENSION_AGE_POOR} in a poor or near-poor household.`,
    };
  }
  if (age < PENSION_AGE) {
    const year = Number(startMonth.slice(0, 4));
    const qualifying =
      household !== null &&
      household.year === year &&
      (household.classification === "POOR" || household.classification === "NEAR_POOR");
    if (!qualifying) {
      const has =
        household === null
          ? "no household classification is recorded"
          : `the household is classified ${household.classification} for ${household.year}`;
      return {
        field: "household",
        message: `The person born on ${person.birthDate} is ${age} on ${day}: from ${PENSION_AGE_POOR} to ${PENSION_AGE - 1} the social pension needs a POOR or NEAR_POOR household classification for ${year}, but ${has}.`,
      };
    }
  }
  const pension = overlapping(existing, "SOCIAL_PENSION", startMonth);
  if (pension) {
    return {
      field: "startMonth",
      message: `The person already receives a social pension ${describeMonths(pension)}; change that one instead of granting another from ${startMonth}.`,
    };
  }
  const allowance = overlapping(existing, "SOCIAL_ALLOWANCE", startMonth);
  if (allowance) {
    return {
      field: "startMonth",
      message: `The person receives a social allowance ${describeMonths(allowance)}, which overlaps a pension from ${startMonth}: ${NEVER_BOTH}.`,
    };
  }
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// Households and poverty (1.011606, 1.011607)

/**
 * The deprivation indicators of NĐ 07/2021 art. 3: six dimensions measured by 12 indicators of
 * basic social services, so a household lacks 0 to 12. The bound is not in the research notes
 * (§B2 gives only the "≥ 3" split); the 2027–2030 standard of NĐ 351/2025 was not read and the
 * same bound is applied to it until it is.
 */
export const MAX_DEPRIVATIONS = 12;

/** The years a poverty standard is known for: NĐ 07/2021 (2022–2026) and NĐ 351/2025 (2027–2030). */
export const FIRST_POVERTY_YEAR = 2022;
export const LAST_POVERTY_YEAR = 2030;

export type AreaType = "RURAL" | "URBAN";

export interface HouseholdInput {
  members: readonly { personalId: string; relation: string }[];
  headPersonalId: string;
  incomePerCapitaVnd: number;
  deprivationCount: number;
  year: number;
  areaType: AreaType;
  today: string;
}

/** A household's data for a poverty review, before it is classified. */
export const checkHousehold = ({
  members,
  headPersonalId,
  incomePerCapitaVnd,
  deprivationCount,
  year,
  areaType,
  today,
}: HouseholdInput): RuleProblem | undefined => {
  requireCalendarDate(today, "today");
  if (members.length === 0) return { field: "members", message: "The household has no members; list at least one." };
  const now = new Date(`${today}T12:00:00Z`); // noon UTC: the UTC year is the civil year
  const seen = new Map<string, number>();
  for (const [index, member] of members.entries()) {
    const field = `members[${index}].personalId`;
    const parsed = parsePersonalId(member.personalId, now);
    if (!parsed.ok) return { field, message: parsed.reason };
    const earlier = seen.get(member.personalId);
    if (earlier !== undefined) {
      return { field, message: `${member.personalId} is listed twice, as members[${earlier}] and members[${index}].` };
    }
    seen.set(member.personalId, index);
  }
  if (!seen.has(headPersonalId)) {
    return {
      field: "headPersonalId",
      message: `unknown household member: the head ${JSON.stringify(headPersonalId)} is not one of the household's members.`,
    };
  }
  if (!Number.isSafeInteger(incomePerCapitaVnd) || incomePerCapitaVnd < 0) {
    return {
      field: "incomePerCapitaVnd",
      message: `The income per person per month must be a whole number of VND, 0 or more (negative incomes are refused), got ${incomePerCapitaVnd}.`,
    };
  }
  if (!Number.isInteger(deprivationCount) || deprivationCount < 0 || deprivationCount > MAX_DEPRIVATIONS) {
    return {
      field: "deprivationCount",
      message: `The number of basic social services lacking must be a whole number from 0 to ${MAX_DEPRIVATIONS}, got ${deprivationCount}.`,
    };
  }
  if (!Number.isInteger(year) || year < FIRST_POVERTY_YEAR || year > LAST_POVERTY_YEAR) {
    return {
      field: "year",
      message: `The review year must be from ${FIRST_POVERTY_YEAR} to ${LAST_POVERTY_YEAR}, the years of the poverty standards in force, got ${year}.`,
    };
  }
  if (areaType !== "RURAL" && areaType !== "URBAN") {
    return { field: "areaType", message: `The area type must be RURAL or URBAN, got ${JSON.stringify(areaType)}.` };
  }
  return undefined;
};

/** An income poverty line, per person per month, by area. */
export interface PovertyLine {
  fromYear: number;
  toYear: number;
  ruralVnd: number;
  urbanVnd: number;
  standard: "ND07-2021" | "ND351-2025";
  source: string;
  confidence: "high" | "medium" | "low";
  /** Whether the poor / near-poor split rule of the period is known. */
  splitKnown: boolean;
}

/** The income lines of the national poverty standards (§B2, poverty standard). */
export const POVERTY_LINES: readonly PovertyLine[] = Object.freeze(
  (
    [
      {
        fromYear: 2022,
        toYear: 2026,
        ruralVnd: 1_500_000,
        urbanVnd: 2_000_000,
        standard: "ND07-2021",
        source:
          "Nghị định 07/2021/NĐ-CP, art. 3 (amended by NĐ 30/2025); extended to 31 Dec 2026 by Nghị định 351/2025/NĐ-CP",
        confidence: "high",
        splitKnown: true,
      },
      {
        fromYear: 2027,
        toYear: 2030,
        ruralVnd: 2_200_000,
        urbanVnd: 2_800_000,
        standard: "ND351-2025",
        source: "Nghị định 351/2025/NĐ-CP (income lines; the poor / near-poor split rule was not read)",
        confidence: "high",
        splitKnown: false,
      },
    ] satisfies PovertyLine[]
  ).map((line) => Object.freeze({ ...line })),
);

/** Households lacking at least this many basic services under the line are poor (NĐ 07/2021 art. 3). */
export const POOR_DEPRIVATIONS = 3;

/**
 * A household's classification under the national standard for its year. 2022–2026 (NĐ 07/2021,
 * extended by NĐ 351/2025): income at or under the line (rural 1,500,000, urban 2,000,000 VND per
 * person per month) and lacking 3 or more basic services is POOR, lacking fewer is NEAR_POOR;
 * above the line is NONE. 2027–2030: the lines are known (2,200,000 / 2,800,000) but not how
 * NĐ 351/2025 splits poor from near-poor, so this throws a RangeError rather than guess.
 * AVERAGE_LIVING_FARM is a separate confirmation (1.011609) and is never returned. Provinces may
 * set higher local lines; none is configured. Invalid input throws: check it with checkHousehold.
 */
export const classifyHousehold = ({
  incomePerCapitaVnd,
  deprivationCount,
  year,
  areaType,
}: {
  incomePerCapitaVnd: number;
  deprivationCount: number;
  year: number;
  areaType: AreaType;
}): { classification: HouseholdClass; standard: "ND07-2021" | "ND351-2025"; source: string } => {
  if (!Number.isSafeInteger(incomePerCapitaVnd) || incomePerCapitaVnd < 0) {
    throw new RangeError(`The income per person must be a whole number of VND ≥ 0, got ${incomePerCapitaVnd}`);
  }
  if (!Number.isInteger(deprivationCount) || deprivationCount < 0 || deprivationCount > MAX_DEPRIVATIONS) {
    throw new RangeError(
      `The deprivation count must be a whole number from 0 to ${MAX_DEPRIVATIONS}, got ${deprivationCount}`,
    );
  }
  if (areaType !== "RURAL" && areaType !== "URBAN")
    throw new RangeError(`Unknown area type ${JSON.stringify(areaType)}`);
  const line = POVERTY_LINES.find((entry) => Number.isInteger(year) && entry.fromYear <= year && year <= entry.toYear);
  if (!line) throw new RangeError(`No poverty standard is configured for ${year}; the table covers 2022–2030`);
  if (!line.splitKnown) {
    throw new RangeError(
      `The poverty classification for ${year} is not configured: the income lines of ${line.standard} are known, but the poor / near-poor split rule of Nghị định 351/2025/NĐ-CP was not read`,
    );
  }
  const limit = areaType === "RURAL" ? line.ruralVnd : line.urbanVnd;
  const classification: HouseholdClass =
    incomePerCapitaVnd > limit ? "NONE" : deprivationCount >= POOR_DEPRIVATIONS ? "POOR" : "NEAR_POOR";
  return { classification, standard: line.standard, source: line.source };
};

/**
 * The person named must be a member of the household named: `field` is the request's field naming
 * the person. No household (null) is reported the same way, on the same field.
 */
export const checkMemberOf = (
  household: { members: readonly { personalId: string }[] } | null,
  personalId: string,
  field: string,
): RuleProblem | undefined => {
  if (household === null) {
    return {
      field,
      message: `unknown household member: no household was found to hold ${JSON.stringify(personalId)}.`,
    };
  }
  if (household.members.some((member) => member.personalId === personalId)) return undefined;
  return {
    field,
    message: `unknown household member: ${JSON.stringify(personalId)} is not a member of the household.`,
  };
};

// ---------------------------------------------------------------------------------------------
// Disability certificates (1.001699, 1.001653)

export interface DisabilityTerm {
  code: string;
  nameVi: string;
  nameEn: string;
  source: string;
  confidence: "high" | "medium" | "low";
}

const CERTIFICATE_SOURCE = "Thông tư 01/2019/TT-BLĐTBXH (Giấy xác nhận khuyết tật; land-and-social.md §B4, §B5)";

const freezeTerms = (terms: readonly DisabilityTerm[]): readonly DisabilityTerm[] =>
  Object.freeze(terms.map((term) => Object.freeze({ ...term, nameVi: term.nameVi.normalize("NFC") })));

/** The levels (mức độ khuyết tật) a certificate states. */
export const DISABILITY_LEVELS: readonly DisabilityTerm[] = freezeTerms(
  [
    ["DAC_BIET_NANG", "Đặc biệt nặng", "Especially severe"],
    ["NANG", "Nặng", "Severe"],
    ["NHE", "Nhẹ", "Mild"],
  ].map(([code, nameVi, nameEn]) => ({ code, nameVi, nameEn, source: CERTIFICATE_SOURCE, confidence: "medium" })),
);

/** The types (dạng tật) a certificate states; the list was read in secondary sources only (§B5). */
export const DISABILITY_KINDS: readonly DisabilityTerm[] = freezeTerms(
  [
    ["VAN_DONG", "Khuyết tật vận động", "Physical (mobility)"],
    ["NGHE_NOI", "Khuyết tật nghe, nói", "Hearing and speech"],
    ["NHIN", "Khuyết tật nhìn", "Visual"],
    ["THAN_KINH_TAM_THAN", "Khuyết tật thần kinh, tâm thần", "Neurological and psychosocial"],
    ["TRI_TUE", "Khuyết tật trí tuệ", "Intellectual"],
    ["KHAC", "Khuyết tật khác", "Other"],
  ].map(([code, nameVi, nameEn]) => ({ code, nameVi, nameEn, source: CERTIFICATE_SOURCE, confidence: "medium" })),
);

export interface DisabilityCertificateInput {
  level: string;
  kind: string;
  issuedOn: string;
  person: PersonFacts;
  today: string;
}

/**
 * A disability certificate as it is recorded: a known level and type, an issue date that is a
 * real date, not in the future and not before the person's birth, and a living person
 * (`personalId`), in that order.
 */
export const checkDisabilityCertificate = ({
  level,
  kind,
  issuedOn,
  person,
  today,
}: DisabilityCertificateInput): RuleProblem | undefined => {
  requireCalendarDate(today, "today");
  requirePerson(person);
  if (!DISABILITY_LEVELS.some((entry) => entry.code === level)) {
    return {
      field: "level",
      message: `The disability level must be one of ${DISABILITY_LEVELS.map((entry) => `${entry.code} (${entry.nameVi})`).join(", ")}, got ${JSON.stringify(level)}.`,
    };
  }
  if (!DISABILITY_KINDS.some((entry) => entry.code === kind)) {
    return {
      field: "kind",
      message: `The type of disability must be one of ${DISABILITY_KINDS.map((entry) => entry.code).join(", ")}, got ${JSON.stringify(kind)}.`,
    };
  }
  if (!isCalendarDate(issuedOn)) return notADate("issuedOn", issuedOn, "issue date");
  if (issuedOn > today) {
    return { field: "issuedOn", message: `The issue date ${issuedOn} is in the future (today is ${today}).` };
  }
  if (issuedOn < person.birthDate) {
    return {
      field: "issuedOn",
      message: `The issue date ${issuedOn} is before the person was born (${person.birthDate}).`,
    };
  }
  if (person.deceasedOn !== null) {
    return {
      field: "personalId",
      message: `${person.personalId} died on ${person.deceasedOn}; no disability certificate is recorded for a deceased person.`,
    };
  }
  return undefined;
};
