import { requireCalendarDate } from "../kit/rule-problem";

/**
 * The amounts of social assistance (trợ giúp xã hội) as effective-dated data and pure arithmetic:
 * the base level (mức chuẩn trợ giúp xã hội), the groups of beneficiaries with their coefficients,
 * the social pension (trợ cấp hưu trí xã hội) with a province's top-up, funeral support, and the
 * month payments stop after a death. No database, no GraphQL: the subgraph loads the facts and
 * calls these (research, sources and confidence in shared/domain/land-and-social.md §B2–B3).
 *
 * Money is whole VND, never a float. A coefficient is stored in tenths (2.5 → 25), as the decrees
 * print it with one decimal, so that base × coefficient is an integer product divided by 10 and
 * rounded half up: no binary fraction ever enters an amount.
 *
 * Every value carries the text it comes from (`source`) and how sure the research is of it
 * (`confidence`), so that a reviewer sees what to check before relying on it. Dates are civil dates
 * in Vietnam, "YYYY-MM-DD"; months are "YYYY-MM". A malformed date, month or province code here is
 * a programming error (callers check the user's input with ./rules first) and throws a RangeError.
 */

// ---------------------------------------------------------------------------------------------
// Months

/** A calendar month, "YYYY-MM": the unit in which benefits start, stop and are paid. */
export type Month = string;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A month written YYYY-MM (01–12). */
export const isMonth = (value: unknown): value is string => typeof value === "string" && MONTH_PATTERN.test(value);

/** A month the caller's code supplies: a wrong one is a programming error. */
export const requireMonth = (value: string, what: string): Month => {
  if (!isMonth(value)) {
    throw new RangeError(`The ${what} must be a month written YYYY-MM, got ${JSON.stringify(value)}`);
  }
  return value;
};

/** Months since January of year 0: consecutive months are consecutive numbers. */
const monthIndex = (month: Month): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

const formatMonth = (index: number): Month => {
  const year = Math.floor(index / 12);
  if (year < 0 || year > 9999) throw new RangeError(`The month lies outside the years 0000–9999`);
  return `${String(year).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
};

/** The month of a date: "2026-11-30" → "2026-11". */
export const monthOf = (date: string): Month => requireCalendarDate(date, "date").slice(0, 7);

/** The month `n` months after (or before, if negative) a month: addMonths("2026-12", 1) → "2027-01". */
export const addMonths = (month: Month, n: number): Month => {
  requireMonth(month, "month");
  if (!Number.isInteger(n)) throw new RangeError(`The number of months must be a whole number, got ${n}`);
  return formatMonth(monthIndex(month) + n);
};

/** The first day of a month: "2026-03" → "2026-03-01". */
export const firstDayOf = (month: Month): string => `${requireMonth(month, "month")}-01`;

/** The last day of a month: "2028-02" → "2028-02-29". */
export const lastDayOf = (month: Month): string => {
  const index = monthIndex(requireMonth(month, "month"));
  const day = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, "0")}`;
};

/** How many months from `from` to `to`, both included; 0 when `to` is before `from`. */
export const monthsBetween = (from: Month, to: Month): number =>
  Math.max(0, monthIndex(requireMonth(to, "last month")) - monthIndex(requireMonth(from, "first month")) + 1);

// ---------------------------------------------------------------------------------------------
// Sources and arithmetic

export type Confidence = "high" | "medium" | "low";

/** Where a value comes from and how sure the research is of it (land-and-social.md §B). */
export interface Sourced {
  source: string;
  confidence: Confidence;
}

const PROVINCE_PATTERN = /^\d{2}$/;

/** A 2-digit province code (Hà Nội "01", Hồ Chí Minh City "79"), as the registry keeps them. */
const requireProvince = (provinceCode: string): string => {
  if (typeof provinceCode !== "string" || !PROVINCE_PATTERN.test(provinceCode)) {
    throw new RangeError(`The province code must have 2 digits, got ${JSON.stringify(provinceCode)}`);
  }
  return provinceCode;
};

const requireVnd = (value: number, what: string): number => {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`The ${what} must be a whole number of VND ≥ 0, got ${value}`);
  }
  return value;
};

/**
 * base × coefficient in whole VND: the integer product base × tenths, divided by 10 and rounded
 * half up (NĐ 20/2021 art. 6(1): the allowance is the base level times the coefficient).
 */
export const amountFor = (baseVnd: number, coefficientTenths: number): number => {
  requireVnd(baseVnd, "base amount");
  if (!Number.isSafeInteger(coefficientTenths) || coefficientTenths < 0) {
    throw new RangeError(`A coefficient must be a whole number of tenths ≥ 0, got ${coefficientTenths}`);
  }
  const product = baseVnd * coefficientTenths;
  if (!Number.isSafeInteger(product))
    throw new RangeError(`The amount ${baseVnd} × ${coefficientTenths}/10 is too large`);
  const remainder = product % 10;
  return (product - remainder) / 10 + (remainder >= 5 ? 1 : 0);
};

/** A coefficient in tenths as the decrees print it: 25 → "2.5", 20 → "2.0". */
export const formatCoefficient = (coefficientTenths: number): string =>
  Number.isInteger(coefficientTenths) && coefficientTenths >= 0
    ? `${Math.floor(coefficientTenths / 10)}.${coefficientTenths % 10}`
    : String(coefficientTenths / 10);

/** The latest entry of an effective-dated list in force on a date (entries apply from `from`). */
const latestInForce = <T extends { from: string }>(entries: readonly T[], date: string): T | undefined => {
  let found: T | undefined;
  for (const entry of entries) if (entry.from <= date && (!found || entry.from >= found.from)) found = entry;
  return found;
};

const freezeAll = <T extends object>(entries: readonly T[]): readonly T[] =>
  Object.freeze(entries.map((entry) => Object.freeze({ ...entry })));

// ---------------------------------------------------------------------------------------------
// Base level (mức chuẩn trợ giúp xã hội)

export interface BaseLevel extends Sourced {
  /** null: the national level; otherwise the province whose People's Council set its own. */
  provinceCode: string | null;
  vnd: number;
  /** The first day in force. */
  from: string;
}

const NQ_63 = "Nghị quyết 63/2025/NQ-HĐND (Hà Nội, from 1 Jan 2026)";
const ND_20 = "Nghị định 20/2021/NĐ-CP";
const ND_176 = "Nghị định 176/2025/NĐ-CP";

/** The base levels of social assistance, national and provincial, by the day they took effect. */
export const BASE_LEVELS: readonly BaseLevel[] = freezeAll<BaseLevel>([
  { provinceCode: null, vnd: 360_000, from: "2021-07-01", source: `${ND_20}, art. 4(2)`, confidence: "high" },
  {
    provinceCode: null,
    vnd: 500_000,
    from: "2024-07-01",
    // The date is certain; the amount was read in secondary sources only (§B1).
    source: "Nghị định 76/2024/NĐ-CP (amends NĐ 20/2021 art. 4(2))",
    confidence: "medium",
  },
  {
    provinceCode: "01",
    vnd: 650_000,
    from: "2026-01-01",
    // Also the basis for "các mức trợ giúp xã hội khác" in the city.
    source: `${NQ_63}, art. 2(1)`,
    confidence: "high",
  },
]);

/** A base level as it applies: the amount, where it comes from, and whose level it is (null: national). */
export interface AppliedBaseLevel {
  vnd: number;
  source: string;
  confidence: Confidence;
  provinceCode: string | null;
}

/**
 * The base level that applies in a province on a date, from a table of levels: the province's own
 * level where its People's Council set one, unless the national level in force is higher, in which
 * case the national one applies (NQ 63/2025/NQ-HĐND art. 2(5)). Throws a RangeError before the
 * table's first national level. `baseLevel` applies it to BASE_LEVELS; the table is a parameter so
 * that the rule can be checked against levels the real table does not have yet.
 */
export const baseLevelFrom = (levels: readonly BaseLevel[], provinceCode: string, date: string): AppliedBaseLevel => {
  requireProvince(provinceCode);
  requireCalendarDate(date, "date");
  const national = latestInForce(
    levels.filter((entry) => entry.provinceCode === null),
    date,
  );
  if (!national) {
    const first = levels
      .filter((entry) => entry.provinceCode === null)
      .reduce<
        string | undefined
      >((earliest, entry) => (earliest === undefined || entry.from < earliest ? entry.from : earliest), undefined);
    throw new RangeError(`No base level of social assistance is kept for ${date}; the table starts on ${first}`);
  }
  const provincial = latestInForce(
    levels.filter((entry) => entry.provinceCode === provinceCode),
    date,
  );
  const level = provincial && provincial.vnd >= national.vnd ? provincial : national;
  return { vnd: level.vnd, source: level.source, confidence: level.confidence, provinceCode: level.provinceCode };
};

/** The base level that applies in a province on a date (see baseLevelFrom); throws before 1 Jul 2021. */
export const baseLevel = (provinceCode: string, date: string): AppliedBaseLevel =>
  baseLevelFrom(BASE_LEVELS, provinceCode, date);

// ---------------------------------------------------------------------------------------------
// Groups of beneficiaries and their coefficients

/** Ages in full years a group covers: from `from` (included) to `below` (excluded; null = no upper limit). */
export interface AgeRange {
  from: number;
  below: number | null;
}

export interface AllowanceGroup extends Sourced {
  /** "ND20-5.6-DBN-ADULT": the instrument, the article's clause and, where it has several, the band. */
  code: string;
  /** SOCIAL_ALLOWANCE: trợ cấp xã hội hằng tháng; CARE_SUPPORT: hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng. */
  program: "SOCIAL_ALLOWANCE" | "CARE_SUPPORT";
  /** null: national; otherwise the only province where the group exists. */
  provinceCode: string | null;
  /** A short description of who is covered, not the text of the article. */
  nameVi: string;
  nameEn: string;
  coefficientTenths: number;
  /** The coefficient is paid once per child being raised (NĐ 20/2021 art. 5(4), art. 6(2)). */
  perChild?: boolean;
  /**
   * The ages the group covers, any of these ranges (absent: any age). A child (trẻ em) is under
   * 16, an elderly person (người cao tuổi) 60 or older; "under 4", "4–16" read as the decrees'
   * "dưới 4 tuổi", "từ đủ 4 tuổi đến dưới 16 tuổi".
   */
  ages?: readonly AgeRange[];
  /** The first day in force. */
  from: string;
  /** The last day in force, when the group was repealed. */
  until?: string;
  /** What repealed it, when `until` is set. */
  repealedBy?: string;
  /** What could not be confirmed, if anything. */
  note?: string;
}

const ND_20_FROM = "2021-07-01";
const NQ_63_FROM = "2026-01-01";
const nd20 = (article: string): string => `${ND_20}, art. ${article} (group), art. 6 (coefficient)`;
const NQ_63_GROUPS = `${NQ_63}, arts. 3–7 (city groups and coefficients; funded by the commune or ward budget)`;
const ND_76_NOT_READ =
  "NĐ 76/2024/NĐ-CP may have widened this group; its amending text was not read (land-and-social.md §B2), " +
  "so the description follows the original NĐ 20/2021 wording.";
const REPEALED_BY_ND_176 = `${ND_176}, art. 8(2) (from 1 Jul 2025; these people receive the social pension instead)`;

const under = (below: number): readonly AgeRange[] => [{ from: 0, below }];
const between = (from: number, below: number | null): readonly AgeRange[] => [{ from, below }];
const CHILD_OR_ELDER: readonly AgeRange[] = [
  { from: 0, below: 16 },
  { from: 60, below: null },
];
const ADULT_NOT_ELDER: readonly AgeRange[] = [{ from: 16, below: 60 }];

const freezeGroup = (group: AllowanceGroup): AllowanceGroup =>
  Object.freeze({
    ...group,
    nameVi: group.nameVi.normalize("NFC"),
    ...(group.ages ? { ages: Object.freeze(group.ages.map((range) => Object.freeze({ ...range }))) } : {}),
  });

/**
 * The groups of NĐ 20/2021 art. 5 (one code per row and age band of the coefficient table of
 * §B2) and Hà Nội's own groups of NQ 63/2025/NQ-HĐND. The monthly amount is the base level in
 * force times the coefficient (art. 6(1)).
 */
export const ALLOWANCE_GROUPS: readonly AllowanceGroup[] = Object.freeze(
  (
    [
      {
        code: "ND20-5.1-U4",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: null,
        nameVi: "Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng, dưới 4 tuổi",
        nameEn: "Child under 16 without support (orphaned, abandoned, parents missing or in care…), under 4",
        coefficientTenths: 25,
        ages: under(4),
        from: ND_20_FROM,
        source: nd20("5(1)"),
        confidence: "high",
      },
      {
        code: "ND20-5.1-4TO16",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: null,
        nameVi: "Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng, từ đủ 4 tuổi đến dưới 16 tuổi",
        nameEn: "Child under 16 without support, aged 4 to 16",
        coefficientTenths: 15,
        ages: between(4, 16),
        from: ND_20_FROM,
        source: nd20("5(1)"),
        confidence: "high",
      },
      {
        code: "ND20-5.2",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: null,
        nameVi: "Người từ đủ 16 tuổi đến dưới 22 tuổi không có nguồn nuôi dưỡng, đang học",
        nameEn: "Person aged 16 to 22 without support, still in school or a first degree",
        coefficientTenths: 15,
        ages: between(16, 22),
        from: ND_20_FROM,
        source: nd20("5(2)"),
        confidence: "high",
      },
      {
        code: "ND20-5.3-U4",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: null,
        nameVi: "Trẻ em nhiễm HIV thuộc hộ nghèo, dưới 4 tuổi",
        nameEn: "Child with HIV in a poor household, under 4",
        coefficientTenths: 25,
        ages: under(4),
        from: ND_20_FROM,
        source: nd20("5(3)"),
        confidence: "high",
      },
      {
        code: "ND20-5.3-4TO16",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: null,
        nameVi: "Trẻ em nhiễm HIV thuộc hộ nghèo, từ đủ 4 tuổi đến dưới 16 tuổi",
        nameEn: "Child with HIV in a poor household, aged 4 to 16",
        coefficientTenths: 20,
        ages: between(4, 16),
        from: ND_20_FROM,
        source: nd20("5(3)"),
        confidence: "high",
      },
      {
        code: "ND20-5.4",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: null,
        nameVi: "Người đơn thân thuộc hộ nghèo, hộ cận nghèo đang nuôi con (hệ số tính cho mỗi con)",
        nameEn:
          "Single parent in a poor or near-poor household raising children under 16 (or 16–22 in school), per child",
        coefficientTenths: 10,
        perChild: true,
        from: ND_20_FROM,
        source: `${ND_20}, art. 5(4) (group), art. 6(2) (1.0 per child, on top of the parent's own group)`,
        confidence: "high",
      },
      {
        code: "ND20-5.5A-60TO80",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: null,
        nameVi:
          "Người cao tuổi thuộc hộ nghèo, không có người có nghĩa vụ và quyền phụng dưỡng, từ đủ 60 tuổi đến dưới 80 tuổi",
        nameEn: "Elderly person in a poor household with no one obliged to support them, aged 60 to 80",
        coefficientTenths: 15,
        ages: between(60, 80),
        from: ND_20_FROM,
        source: nd20("5(5)(a)"),
        confidence: "high",
      },
      {
        code: "ND20-5.5A-80",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: null,
        nameVi: "Người cao tuổi thuộc hộ nghèo, không có người có nghĩa vụ và quyền phụng dưỡng, từ đủ 80 tuổi trở lên",
        nameEn: "Elderly person in a poor household with no one obliged to support them, aged 80 or more",
        coefficientTenths: 20,
        ages: between(80, null),
        from: ND_20_FROM,
        source: nd20("5(5)(a)"),
        confidence: "high",
      },
      {
        code: "ND20-5.5B",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: null,
        nameVi:
          "Người từ đủ 75 tuổi đến dưới 80 tuổi thuộc hộ nghèo, hộ cận nghèo ở vùng đồng bào dân tộc thiểu số và miền núi đặc biệt khó khăn",
        nameEn: "Person aged 75 to 80 in a poor or near-poor household in an especially difficult area",
        coefficientTenths: 10,
        ages: between(75, 80),
        from: ND_20_FROM,
        until: "2025-06-30",
        repealedBy: REPEALED_BY_ND_176,
        source: nd20("5(5)(b)"),
        confidence: "high",
      },
      {
        code: "ND20-5.5C",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: null,
        nameVi: "Người từ đủ 80 tuổi trở lên không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng",
        nameEn: "Person aged 80 or more without a pension or monthly social-insurance benefit",
        coefficientTenths: 10,
        ages: between(80, null),
        from: ND_20_FROM,
        until: "2025-06-30",
        repealedBy: REPEALED_BY_ND_176,
        source: nd20("5(5)(c)"),
        confidence: "high",
      },
      {
        code: "ND20-5.5D",
        program: "CARE_SUPPORT",
        provinceCode: null,
        nameVi:
          "Người cao tuổi đủ điều kiện tiếp nhận vào cơ sở trợ giúp xã hội nhưng được nhận chăm sóc tại cộng đồng",
        nameEn: "Elderly person who qualifies for a care home but is cared for in the community",
        coefficientTenths: 30,
        ages: between(60, null),
        from: ND_20_FROM,
        source: nd20("5(5)(d)"),
        confidence: "high",
      },
      {
        code: "ND20-5.6-DBN-ADULT",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: null,
        nameVi: "Người khuyết tật đặc biệt nặng",
        nameEn: "Person with an especially severe disability (adult under 60)",
        coefficientTenths: 20,
        ages: ADULT_NOT_ELDER,
        from: ND_20_FROM,
        source: nd20("5(6)"),
        confidence: "high",
      },
      {
        code: "ND20-5.6-DBN-CHILD-ELDER",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: null,
        nameVi: "Trẻ em hoặc người cao tuổi là người khuyết tật đặc biệt nặng",
        nameEn: "Child or elderly person with an especially severe disability",
        coefficientTenths: 25,
        ages: CHILD_OR_ELDER,
        from: ND_20_FROM,
        source: nd20("5(6)"),
        confidence: "high",
      },
      {
        code: "ND20-5.6-N-ADULT",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: null,
        nameVi: "Người khuyết tật nặng",
        nameEn: "Person with a severe disability (adult under 60)",
        coefficientTenths: 15,
        ages: ADULT_NOT_ELDER,
        from: ND_20_FROM,
        source: nd20("5(6)"),
        confidence: "high",
      },
      {
        code: "ND20-5.6-N-CHILD-ELDER",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: null,
        nameVi: "Trẻ em hoặc người cao tuổi là người khuyết tật nặng",
        nameEn: "Child or elderly person with a severe disability",
        coefficientTenths: 20,
        ages: CHILD_OR_ELDER,
        from: ND_20_FROM,
        source: nd20("5(6)"),
        confidence: "high",
      },
      {
        code: "ND20-5.7",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: null,
        nameVi:
          "Trẻ em dưới 3 tuổi thuộc hộ nghèo, hộ cận nghèo ở vùng đồng bào dân tộc thiểu số và miền núi đặc biệt khó khăn",
        nameEn:
          "Child under 3 in a poor or near-poor household in an especially difficult ethnic-minority or mountain area",
        coefficientTenths: 15,
        ages: under(3),
        from: ND_20_FROM,
        source: nd20("5(7)"),
        confidence: "medium",
        note: ND_76_NOT_READ,
      },
      {
        code: "ND20-5.8",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: null,
        nameVi: "Người nhiễm HIV thuộc hộ nghèo không có nguồn thu nhập ổn định",
        nameEn: "Person with HIV in a poor household without a stable income",
        coefficientTenths: 15,
        from: ND_20_FROM,
        source: nd20("5(8)"),
        confidence: "medium",
        note: ND_76_NOT_READ,
      },
      {
        code: "HN-NQ63-CHILD-U4",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: "01",
        nameVi:
          "Trẻ em có cha hoặc mẹ hưởng trợ cấp khuyết tật mà người còn lại đã chết, mất tích, đang chấp hành án hoặc có cả cha và mẹ khuyết tật, dưới 4 tuổi",
        nameEn:
          "Child of a parent on disability allowance whose other parent is dead, missing, jailed or in care, or of two disabled parents, under 4",
        coefficientTenths: 25,
        ages: under(4),
        from: NQ_63_FROM,
        source: NQ_63_GROUPS,
        confidence: "high",
      },
      {
        code: "HN-NQ63-CHILD",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: "01",
        nameVi:
          "Trẻ em có cha hoặc mẹ hưởng trợ cấp khuyết tật (như trên), từ đủ 4 tuổi; người từ đủ 16 tuổi đến dưới 22 tuổi đang học",
        nameEn: "Child of a parent on disability allowance (as above), aged 4 or more, or 16 to 22 and in school",
        coefficientTenths: 15,
        ages: between(4, 22),
        from: NQ_63_FROM,
        source: NQ_63_GROUPS,
        confidence: "high",
      },
      {
        code: "HN-NQ63-ELDER-60TO80",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: "01",
        nameVi:
          "Người cao tuổi thuộc hộ nghèo, hộ cận nghèo không có người phụng dưỡng trong độ tuổi lao động có khả năng lao động, từ đủ 60 tuổi đến dưới 80 tuổi",
        nameEn: "Elderly person in a poor or near-poor household with no supporter able to work, aged 60 to 80",
        coefficientTenths: 15,
        ages: between(60, 80),
        from: NQ_63_FROM,
        source: NQ_63_GROUPS,
        confidence: "high",
      },
      {
        code: "HN-NQ63-ELDER-80",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: "01",
        nameVi:
          "Người cao tuổi thuộc hộ nghèo, hộ cận nghèo không có người phụng dưỡng trong độ tuổi lao động có khả năng lao động, từ đủ 80 tuổi trở lên",
        nameEn: "Elderly person in a poor or near-poor household with no supporter able to work, aged 80 or more",
        coefficientTenths: 20,
        ages: between(80, null),
        from: NQ_63_FROM,
        source: NQ_63_GROUPS,
        confidence: "high",
      },
      {
        code: "HN-NQ63-ILLNESS",
        program: "SOCIAL_ALLOWANCE",
        provinceCode: "01",
        nameVi: "Người mắc bệnh hiểm nghèo thuộc hộ nghèo, hộ cận nghèo; người nhiễm HIV thuộc hộ cận nghèo",
        nameEn:
          "Serious illness (cancer, dialysis, decompensated cirrhosis, grade-4 heart failure…) in a poor or near-poor household, or HIV in a near-poor household",
        coefficientTenths: 15,
        from: NQ_63_FROM,
        source: NQ_63_GROUPS,
        confidence: "high",
      },
      {
        code: "HN-NQ63-CENTRE-U4",
        program: "CARE_SUPPORT",
        provinceCode: "01",
        nameVi: "Đối tượng được nuôi dưỡng tại cơ sở trợ giúp xã hội của thành phố, dưới 4 tuổi",
        nameEn: "Person cared for in a city social-assistance centre, under 4",
        coefficientTenths: 50,
        ages: under(4),
        from: NQ_63_FROM,
        source: NQ_63_GROUPS,
        confidence: "high",
        note: "Filed as CARE_SUPPORT because it is the centre's nuôi dưỡng level, not an allowance paid to the person; the programme is this module's reading, the coefficient is the resolution's.",
      },
      {
        code: "HN-NQ63-CENTRE",
        program: "CARE_SUPPORT",
        provinceCode: "01",
        nameVi: "Đối tượng được nuôi dưỡng tại cơ sở trợ giúp xã hội của thành phố, từ đủ 4 tuổi",
        nameEn: "Person cared for in a city social-assistance centre, aged 4 or more",
        coefficientTenths: 40,
        ages: between(4, null),
        from: NQ_63_FROM,
        source: NQ_63_GROUPS,
        confidence: "high",
        note: "Filed as CARE_SUPPORT because it is the centre's nuôi dưỡng level, not an allowance paid to the person; the programme is this module's reading, the coefficient is the resolution's.",
      },
    ] satisfies AllowanceGroup[]
  ).map(freezeGroup),
);

const GROUPS_BY_CODE: ReadonlyMap<string, AllowanceGroup> = new Map(
  ALLOWANCE_GROUPS.map((group) => [group.code, group]),
);

/** The group with this code whatever the province or date, or undefined when the table has none. */
export const allowanceGroupByCode = (code: string): AllowanceGroup | undefined => GROUPS_BY_CODE.get(code);

/** Whether a group is in force on a date: from its first day to its last, both included. */
export const groupInForce = (group: AllowanceGroup, date: string): boolean =>
  group.from <= date && (group.until === undefined || date <= group.until);

/** The group with this code if it exists, applies in the province and is in force on the date. */
export const allowanceGroup = (code: string, provinceCode: string, date: string): AllowanceGroup | undefined => {
  requireProvince(provinceCode);
  requireCalendarDate(date, "date");
  const group = GROUPS_BY_CODE.get(code);
  if (!group) return undefined;
  if (group.provinceCode !== null && group.provinceCode !== provinceCode) return undefined;
  return groupInForce(group, date) ? group : undefined;
};

export interface MonthlyAllowanceInput {
  provinceCode: string;
  month: Month;
  /** Every group the person belongs to; all of one programme. */
  groupCodes: readonly string[];
  /** The children being raised, required (≥ 1) with a per-child group. */
  children?: number;
}

export interface MonthlyAllowance {
  /** The whole monthly amount: the highest group's amount plus the per-child add-on. */
  amountVnd: number;
  baseLevelVnd: number;
  /** The group whose coefficient sets the amount; the per-child group when it is the only one. */
  groupCode: string;
  coefficientTenths: number;
  /** The per-child add-on in total (base × 1.0 × children), 0 without a per-child group. */
  perChildVnd: number;
}

/**
 * One person's monthly allowance (or care support) for a month, on the base level in force on the
 * month's first day:
 * - a person in several groups is paid on the highest coefficient only (NĐ 20/2021 art. 6(1));
 * - except that a single poor parent's per-child group (art. 5(4)) adds base × 1.0 per child on top
 *   of the highest of their other groups (art. 6(2)); when it is the person's only group, the
 *   amount is base × children.
 * Among equal coefficients the group listed first in ALLOWANCE_GROUPS is reported. An unknown code,
 * one not in force in the province that month, a mix of programmes or a per-child group without
 * children throws a RangeError: callers validate the grant with the rules first.
 */
export const monthlyAllowance = ({
  provinceCode,
  month,
  groupCodes,
  children,
}: MonthlyAllowanceInput): MonthlyAllowance => {
  const day = firstDayOf(month);
  const base = baseLevel(provinceCode, day).vnd;
  if (groupCodes.length === 0) throw new RangeError("A monthly allowance needs at least one group");
  const groups = groupCodes.map((code) => {
    const group = allowanceGroup(code, provinceCode, day);
    if (!group)
      throw new RangeError(`The group ${JSON.stringify(code)} is not in force in province ${provinceCode} in ${month}`);
    return group;
  });
  const programs = new Set(groups.map((group) => group.program));
  if (programs.size > 1) {
    throw new RangeError(
      `The groups ${groupCodes.join(", ")} mix programmes (${[...programs].join(", ")}); compute each apart`,
    );
  }
  const perChildGroup = groups.find((group) => group.perChild);
  let perChildVnd = 0;
  if (perChildGroup) {
    if (children === undefined || !Number.isSafeInteger(children) || children < 1) {
      throw new RangeError(
        `The per-child group ${perChildGroup.code} needs the number of children (≥ 1), got ${children}`,
      );
    }
    perChildVnd = amountFor(base, perChildGroup.coefficientTenths) * children;
  }
  const highest = ALLOWANCE_GROUPS.filter((group) => !group.perChild && groups.includes(group)).reduce<
    AllowanceGroup | undefined
  >((best, group) => (!best || group.coefficientTenths > best.coefficientTenths ? group : best), undefined);
  if (!highest) {
    const only = perChildGroup as AllowanceGroup;
    return {
      amountVnd: perChildVnd,
      baseLevelVnd: base,
      groupCode: only.code,
      coefficientTenths: only.coefficientTenths,
      perChildVnd,
    };
  }
  return {
    amountVnd: amountFor(base, highest.coefficientTenths) + perChildVnd,
    baseLevelVnd: base,
    groupCode: highest.code,
    coefficientTenths: highest.coefficientTenths,
    perChildVnd,
  };
};

// ---------------------------------------------------------------------------------------------
// Social pension (trợ cấp hưu trí xã hội)

export interface PensionAmount extends Sourced {
  /** null: national; otherwise the province paying it. */
  provinceCode: string | null;
  vnd: number;
  /** The first day in force. */
  from: string;
}

/** The national social pension: 500,000 VND a month from 1 Jul 2025. */
export const PENSION_LEVELS: readonly PensionAmount[] = freezeAll<PensionAmount>([
  {
    provinceCode: null,
    vnd: 500_000,
    from: "2025-07-01",
    source: `Luật Bảo hiểm xã hội 2024 (41/2024/QH15), art. 21; ${ND_176}, arts. 2–5`,
    confidence: "high",
  },
]);

/** What a province adds to the social pension from its own budget. */
export const PENSION_TOP_UPS: readonly PensionAmount[] = freezeAll<PensionAmount>([
  {
    provinceCode: "01",
    vnd: 150_000,
    from: "2026-01-01",
    // The top-up brings the pension to 650,000 VND, the city's base level.
    source: `${NQ_63} (social-pension top-up)`,
    confidence: "high",
  },
]);

/** The first month a social pension can be paid: NĐ 176/2025 is in force from 1 Jul 2025. */
export const FIRST_PENSION_MONTH: Month = "2025-07";

/**
 * The social pension for a month in a province: the national amount in force on the month's first
 * day plus the province's top-up, if any. Throws a RangeError before July 2025, when the pension
 * did not exist.
 */
export const socialPension = (
  provinceCode: string,
  month: Month,
): { amountVnd: number; baseVnd: number; topUpVnd: number } => {
  requireProvince(provinceCode);
  const day = firstDayOf(month);
  const national = latestInForce(PENSION_LEVELS, day);
  if (!national) {
    throw new RangeError(`There is no social pension for ${month}: it exists from 2025-07 (${ND_176})`);
  }
  const topUp = latestInForce(
    PENSION_TOP_UPS.filter((entry) => entry.provinceCode === provinceCode),
    day,
  );
  const topUpVnd = topUp?.vnd ?? 0;
  return { amountVnd: national.vnd + topUpVnd, baseVnd: national.vnd, topUpVnd };
};

/**
 * What is paid to a person who qualifies for both the social allowance and the social pension:
 * the higher of the two, never both (NĐ 176/2025; §B2). The pension wins a tie: its recipients
 * also get a health-insurance card paid by the State. null when the person has neither.
 */
export const payableMonthly = ({
  allowanceVnd,
  pensionVnd,
}: {
  allowanceVnd: number | null;
  pensionVnd: number | null;
}): { program: "SOCIAL_ALLOWANCE" | "SOCIAL_PENSION"; amountVnd: number } | null => {
  if (allowanceVnd !== null) requireVnd(allowanceVnd, "allowance");
  if (pensionVnd !== null) requireVnd(pensionVnd, "pension");
  if (pensionVnd !== null && (allowanceVnd === null || pensionVnd >= allowanceVnd)) {
    return { program: "SOCIAL_PENSION", amountVnd: pensionVnd };
  }
  if (allowanceVnd !== null) return { program: "SOCIAL_ALLOWANCE", amountVnd: allowanceVnd };
  return null;
};

// ---------------------------------------------------------------------------------------------
// Funeral support and the end of payments

/** Funeral support is at least this many times the base level (NĐ 20/2021 art. 11(2)). */
export const FUNERAL_MULTIPLE = 20;

/**
 * Funeral support (hỗ trợ chi phí mai táng) for a beneficiary who died on `date`: 20 × the base
 * level in force that day (NĐ 20/2021 art. 11(2); the same amount for social pensioners, NĐ
 * 176/2025 art. 5). The law sets it as a minimum. In Hà Nội this is 13,000,000 VND from 2026 on
 * the city's base level, an inference from NQ 63/2025 art. 2(2) (the city base is the basis of
 * the other support levels), hence medium confidence there.
 */
export const funeralSupport = (
  provinceCode: string,
  date: string,
): { amountVnd: number; baseLevelVnd: number; multiple: 20; source: string; confidence: Confidence } => {
  const base = baseLevel(provinceCode, date);
  const provincial = base.provinceCode !== null;
  const source = provincial
    ? `${ND_20}, art. 11(2) (at least 20 × the base level), on ${base.source}; that the city's base level applies ` +
      "to funeral support is inferred from art. 2(2) of the same resolution"
    : `${ND_20}, art. 11(2) (at least 20 × the base level), on ${base.source}`;
  return {
    amountVnd: base.vnd * FUNERAL_MULTIPLE,
    baseLevelVnd: base.vnd,
    multiple: FUNERAL_MULTIPLE,
    source,
    confidence: provincial ? "medium" : base.confidence,
  };
};

/**
 * The first month not paid after a death: the month after the month of death, which is still paid
 * ("kể từ tháng ngay sau tháng đối tượng … chết", NĐ 20/2021 art. 8(2); "từ tháng sau liền kề
 * tháng đối tượng chết", NĐ 176/2025 art. 4). Use the date of death, not of its registration:
 * anything already paid for this month or later is an overpayment.
 */
export const stopMonth = (deathDate: string): Month => addMonths(monthOf(deathDate), 1);
