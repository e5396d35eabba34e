import {
  addMonths,
  ALLOWANCE_GROUPS,
  allowanceGroup,
  allowanceGroupByCode,
  amountFor,
  BASE_LEVELS,
  type BaseLevel,
  baseLevel,
  baseLevelFrom,
  firstDayOf,
  formatCoefficient,
  funeralSupport,
  isMonth,
  lastDayOf,
  monthlyAllowance,
  monthOf,
  monthsBetween,
  payableMonthly,
  PENSION_LEVELS,
  PENSION_TOP_UPS,
  socialPension,
  stopMonth,
} from "./money";

const HA_NOI = "01";
const HCMC = "79";

describe("social > money > months", () => {
  test.each(["2026-01", "2026-12", "0001-01", "9999-12"])("accepts the month %j", (value) => {
    // Months are YYYY-MM with a real month number.
    expect(isMonth(value)).toBe(true);
  });

  test.each(["2026-13", "2026-00", "2026-1", "26-01", "2026-01-01", " 2026-01", "", 202601, null, undefined])(
    "refuses %j as a month",
    (value) => {
      // Anything else is not a month, including a date and a number.
      expect(isMonth(value)).toBe(false);
    },
  );

  test("takes the month of a date and the first and last day of a month", () => {
    // The month is the date's first seven characters; February has 29 days in leap years.
    expect(monthOf("2026-11-30")).toBe("2026-11");
    expect(firstDayOf("2026-03")).toBe("2026-03-01");
    expect(lastDayOf("2028-02")).toBe("2028-02-29");
    expect(lastDayOf("2026-02")).toBe("2026-02-28");
    expect(lastDayOf("2026-12")).toBe("2026-12-31");
    expect(() => monthOf("2026-02-30")).toThrow(RangeError);
  });

  test("adds months across year ends in both directions", () => {
    // December + 1 is January of the next year; January − 1 is December of the year before.
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-03", 0)).toBe("2026-03");
    expect(addMonths("2026-03", 25)).toBe("2028-04");
    expect(() => addMonths("2026-3", 1)).toThrow(RangeError);
    expect(() => addMonths("2026-03", 1.5)).toThrow(RangeError);
  });

  test("counts months inclusively and gives 0 for a backward range", () => {
    // A benefit paid from January to March is paid for three months.
    expect(monthsBetween("2026-01", "2026-03")).toBe(3);
    expect(monthsBetween("2026-03", "2026-03")).toBe(1);
    expect(monthsBetween("2025-11", "2026-02")).toBe(4);
    expect(monthsBetween("2026-04", "2026-03")).toBe(0);
  });
});

describe("social > money > amountFor", () => {
  test("multiplies by a coefficient in tenths without floating-point error", () => {
    // 650,000 × 1.5 = 975,000 exactly; 500,000 × 2.5 = 1,250,000.
    expect(amountFor(650_000, 15)).toBe(975_000);
    expect(amountFor(500_000, 25)).toBe(1_250_000);
    expect(amountFor(360_000, 10)).toBe(360_000);
  });

  test("rounds half a dong up and less than half down", () => {
    // 333,333 × 1.5 = 499,999.5 → 500,000; 333,333 × 1.1 = 366,666.3 → 366,666.
    expect(amountFor(333_333, 15)).toBe(500_000);
    expect(amountFor(333_333, 11)).toBe(366_666);
    expect(amountFor(1, 5)).toBe(1);
    expect(amountFor(1, 4)).toBe(0);
  });

  test("refuses fractional money and coefficients", () => {
    // Money is whole VND and coefficients are whole tenths.
    expect(() => amountFor(500_000.5, 10)).toThrow(RangeError);
    expect(() => amountFor(500_000, 2.5)).toThrow(RangeError);
    expect(() => amountFor(-1, 10)).toThrow(RangeError);
  });

  test("prints coefficients as the decrees do", () => {
    // 25 tenths is "2.5", 20 tenths "2.0".
    expect(formatCoefficient(25)).toBe("2.5");
    expect(formatCoefficient(20)).toBe("2.0");
    expect(formatCoefficient(5)).toBe("0.5");
  });
});

describe("social > money > BASE_LEVELS and baseLevel", () => {
  test("lists the national levels and Hà Nội's, each with a source and confidence", () => {
    // §B2: 360,000 (NĐ 20/2021), 500,000 (NĐ 76/2024, medium), Hà Nội 650,000 (NQ 63/2025).
    expect(BASE_LEVELS.map((entry) => [entry.provinceCode, entry.vnd, entry.from, entry.confidence])).toEqual([
      [null, 360_000, "2021-07-01", "high"],
      [null, 500_000, "2024-07-01", "medium"],
      ["01", 650_000, "2026-01-01", "high"],
    ]);
    expect(BASE_LEVELS[0].source).toMatch(/20\/2021\/NĐ-CP, art\. 4\(2\)/);
    expect(BASE_LEVELS[1].source).toMatch(/76\/2024\/NĐ-CP/);
    expect(BASE_LEVELS[2].source).toMatch(/63\/2025\/NQ-HĐND.*art\. 2\(1\)/);
  });

  test.each<[string, string, number]>([
    [HCMC, "2021-07-01", 360_000],
    [HCMC, "2024-06-30", 360_000],
    [HCMC, "2024-07-01", 500_000],
    [HCMC, "2026-03-01", 500_000],
    [HA_NOI, "2025-12-31", 500_000],
    [HA_NOI, "2026-01-01", 650_000],
    [HA_NOI, "2030-01-01", 650_000],
  ])("in province %s on %s is %d", (provinceCode, date, vnd) => {
    // The latest level in force on the date; Hà Nội's own from 1 Jan 2026.
    expect(baseLevel(provinceCode, date).vnd).toBe(vnd);
  });

  test("names the instrument that set the level used", () => {
    // A decision must cite where its base level comes from.
    expect(baseLevel(HA_NOI, "2026-03-01").source).toMatch(/63\/2025\/NQ-HĐND/);
    expect(baseLevel(HA_NOI, "2026-03-01").provinceCode).toBe("01");
    expect(baseLevel(HCMC, "2026-03-01").source).toMatch(/76\/2024\/NĐ-CP/);
  });

  test("throws before the first national level", () => {
    // No table is kept before NĐ 20/2021 took effect.
    expect(() => baseLevel(HCMC, "2021-06-30")).toThrow(RangeError);
  });

  test("throws on a malformed province or date", () => {
    // These come from the registry and the calling code, not from the officer.
    expect(() => baseLevel("1", "2026-01-01")).toThrow(RangeError);
    expect(() => baseLevel(HA_NOI, "2026-02-30")).toThrow(RangeError);
  });
});

describe("social > money > baseLevelFrom", () => {
  /** Fictitious levels: province "99" sets 550,000 in 2026, then the national level rises past it. */
  const LEVELS: readonly BaseLevel[] = [
    { provinceCode: null, vnd: 500_000, from: "2024-07-01", source: "national A", confidence: "high" },
    { provinceCode: "99", vnd: 550_000, from: "2026-01-01", source: "province 99", confidence: "high" },
    { provinceCode: null, vnd: 600_000, from: "2027-01-01", source: "national B", confidence: "high" },
  ];

  test("applies the province's level while it is at least the national one", () => {
    // The province's own resolution sets a higher level.
    expect(baseLevelFrom(LEVELS, "99", "2026-06-01")).toEqual({
      vnd: 550_000,
      source: "province 99",
      confidence: "high",
      provinceCode: "99",
    });
  });

  test("applies the national level once it exceeds the province's", () => {
    // NQ 63/2025 art. 2(5): when the national level is higher, the national one applies.
    expect(baseLevelFrom(LEVELS, "99", "2027-01-01")).toMatchObject({ vnd: 600_000, provinceCode: null });
  });

  test("names the first day of the table when asked for an earlier date", () => {
    // No level is kept before the first national one.
    expect(() => baseLevelFrom(LEVELS, "99", "2024-06-30")).toThrow(/starts on 2024-07-01/);
  });
});

describe("social > money > ALLOWANCE_GROUPS", () => {
  const expected: [string, number][] = [
    ["ND20-5.1-U4", 25],
    ["ND20-5.1-4TO16", 15],
    ["ND20-5.2", 15],
    ["ND20-5.3-U4", 25],
    ["ND20-5.3-4TO16", 20],
    ["ND20-5.4", 10],
    ["ND20-5.5A-60TO80", 15],
    ["ND20-5.5A-80", 20],
    ["ND20-5.5B", 10],
    ["ND20-5.5C", 10],
    ["ND20-5.5D", 30],
    ["ND20-5.6-DBN-ADULT", 20],
    ["ND20-5.6-DBN-CHILD-ELDER", 25],
    ["ND20-5.6-N-ADULT", 15],
    ["ND20-5.6-N-CHILD-ELDER", 20],
    ["ND20-5.7", 15],
    ["ND20-5.8", 15],
    ["HN-NQ63-CHILD-U4", 25],
    ["HN-NQ63-CHILD", 15],
    ["HN-NQ63-ELDER-60TO80", 15],
    ["HN-NQ63-ELDER-80", 20],
    ["HN-NQ63-ILLNESS", 15],
    ["HN-NQ63-CENTRE-U4", 50],
    ["HN-NQ63-CENTRE", 40],
  ];

  test("lists the rows of NĐ 20/2021 art. 5 and Hà Nội's groups with their coefficients", () => {
    // The coefficient table of §B2, one code per row and age band.
    expect(ALLOWANCE_GROUPS.map((group) => [group.code, group.coefficientTenths])).toEqual(expected);
  });

  test("gives every group a unique code, names in NFC, a source and a confidence", () => {
    // A value without a source cannot be defended in review.
    expect(new Set(ALLOWANCE_GROUPS.map((group) => group.code)).size).toBe(ALLOWANCE_GROUPS.length);
    for (const group of ALLOWANCE_GROUPS) {
      expect(group.nameVi).toBe(group.nameVi.normalize("NFC"));
      expect(group.nameVi.trim()).not.toBe("");
      expect(group.nameEn.trim()).not.toBe("");
      expect(group.source.trim()).not.toBe("");
      expect(["high", "medium", "low"]).toContain(group.confidence);
      expect(Number.isInteger(group.coefficientTenths)).toBe(true);
      if (group.code.startsWith("ND20-")) {
        expect(group).toMatchObject({ provinceCode: null, from: "2021-07-01" });
        expect(group.source).toMatch(/20\/2021\/NĐ-CP, art\. 5\(/);
      } else {
        expect(group).toMatchObject({ provinceCode: "01", from: "2026-01-01" });
        expect(group.source).toMatch(/63\/2025\/NQ-HĐND/);
      }
    }
  });

  test("ends 5(5)(b) and (c) on 30 June 2025, repealed by NĐ 176/2025 art. 8(2)", () => {
    // From 1 Jul 2025 these people receive the social pension instead.
    for (const code of ["ND20-5.5B", "ND20-5.5C"]) {
      const group = allowanceGroupByCode(code);
      expect(group?.until).toBe("2025-06-30");
      expect(group?.repealedBy).toMatch(/176\/2025\/NĐ-CP, art\. 8\(2\)/);
    }
    expect(ALLOWANCE_GROUPS.filter((group) => group.until).map((group) => group.code)).toEqual([
      "ND20-5.5B",
      "ND20-5.5C",
    ]);
  });

  test("says that NĐ 76/2024's amendments to 5(7) and 5(8) were not read", () => {
    // §B2: check before relying on these two descriptions.
    for (const code of ["ND20-5.7", "ND20-5.8"]) {
      expect(allowanceGroupByCode(code)?.note).toMatch(/76\/2024.*not read/);
      expect(allowanceGroupByCode(code)?.confidence).toBe("medium");
    }
  });

  test("pays 5(4) per child and 5(5)(d) and the city centres as care support", () => {
    // Art. 6(2) adds 1.0 per child; 5(5)(d) is care support, not an allowance.
    expect(ALLOWANCE_GROUPS.filter((group) => group.perChild).map((group) => group.code)).toEqual(["ND20-5.4"]);
    expect(ALLOWANCE_GROUPS.filter((group) => group.program === "CARE_SUPPORT").map((group) => group.code)).toEqual([
      "ND20-5.5D",
      "HN-NQ63-CENTRE-U4",
      "HN-NQ63-CENTRE",
    ]);
  });

  test("cannot be modified at run time", () => {
    // A shared table of coefficients must not drift because one caller wrote into it.
    expect(Object.isFrozen(ALLOWANCE_GROUPS)).toBe(true);
    for (const group of ALLOWANCE_GROUPS) {
      expect(Object.isFrozen(group)).toBe(true);
      if (group.ages) expect(Object.isFrozen(group.ages)).toBe(true);
    }
    expect(Object.isFrozen(BASE_LEVELS)).toBe(true);
    for (const entry of BASE_LEVELS) expect(Object.isFrozen(entry)).toBe(true);
  });
});

describe("social > money > allowanceGroup", () => {
  test("finds a national group in any province once in force", () => {
    // NĐ 20/2021 applies everywhere from 1 Jul 2021.
    expect(allowanceGroup("ND20-5.6-DBN-ADULT", HCMC, "2026-03-01")?.coefficientTenths).toBe(20);
    expect(allowanceGroup("ND20-5.6-DBN-ADULT", HA_NOI, "2021-07-01")?.code).toBe("ND20-5.6-DBN-ADULT");
    expect(allowanceGroup("ND20-5.6-DBN-ADULT", HA_NOI, "2021-06-30")).toBeUndefined();
  });

  test("finds a repealed group up to its last day only", () => {
    // 5(5)(c) is in force on 30 June 2025, not on 1 July.
    expect(allowanceGroup("ND20-5.5C", HCMC, "2025-06-30")?.code).toBe("ND20-5.5C");
    expect(allowanceGroup("ND20-5.5C", HCMC, "2025-07-01")).toBeUndefined();
  });

  test("finds a Hà Nội group in Hà Nội from 2026 only", () => {
    // NQ 63/2025 is the city's resolution, in force from 1 Jan 2026.
    expect(allowanceGroup("HN-NQ63-ILLNESS", HA_NOI, "2026-01-01")?.coefficientTenths).toBe(15);
    expect(allowanceGroup("HN-NQ63-ILLNESS", HA_NOI, "2025-12-31")).toBeUndefined();
    expect(allowanceGroup("HN-NQ63-ILLNESS", HCMC, "2026-01-01")).toBeUndefined();
  });

  test.each(["", "ND20-5.6", "nd20-5.2", "ND20-5.2 ", "HN-NQ63-4"])("does not find %j", (code) => {
    // Codes are matched exactly.
    expect(allowanceGroup(code, HA_NOI, "2026-03-01")).toBeUndefined();
  });
});

describe("social > money > monthlyAllowance", () => {
  test("pays 1,300,000 in Hà Nội in March 2026 for an especially severe disability", () => {
    // 650,000 × 2.0 on the city's base level.
    expect(monthlyAllowance({ provinceCode: HA_NOI, month: "2026-03", groupCodes: ["ND20-5.6-DBN-ADULT"] })).toEqual({
      amountVnd: 1_300_000,
      baseLevelVnd: 650_000,
      groupCode: "ND20-5.6-DBN-ADULT",
      coefficientTenths: 20,
      perChildVnd: 0,
    });
  });

  test("pays 1,000,000 for the same group in Hồ Chí Minh City in March 2026", () => {
    // 500,000 × 2.0 on the national base level.
    expect(
      monthlyAllowance({ provinceCode: HCMC, month: "2026-03", groupCodes: ["ND20-5.6-DBN-ADULT"] }).amountVnd,
    ).toBe(1_000_000);
  });

  test("pays 1,000,000 in Hà Nội in December 2025, before NQ 63/2025", () => {
    // The city's level applies from January 2026.
    expect(
      monthlyAllowance({ provinceCode: HA_NOI, month: "2025-12", groupCodes: ["ND20-5.6-DBN-ADULT"] }).amountVnd,
    ).toBe(1_000_000);
  });

  test("uses the base level of the month's first day", () => {
    // July 2024 is paid on the 500,000 level, June 2024 on 360,000.
    expect(monthlyAllowance({ provinceCode: HCMC, month: "2024-06", groupCodes: ["ND20-5.2"] }).amountVnd).toBe(
      540_000,
    );
    expect(monthlyAllowance({ provinceCode: HCMC, month: "2024-07", groupCodes: ["ND20-5.2"] }).amountVnd).toBe(
      750_000,
    );
  });

  test("pays the highest coefficient only", () => {
    // Art. 6(1): a severely disabled elderly person in a poor household gets 2.0, not 1.5 + 2.0.
    const result = monthlyAllowance({
      provinceCode: HA_NOI,
      month: "2026-03",
      groupCodes: ["ND20-5.5A-60TO80", "ND20-5.6-N-CHILD-ELDER", "HN-NQ63-ELDER-60TO80"],
    });
    expect(result).toMatchObject({ amountVnd: 1_300_000, groupCode: "ND20-5.6-N-CHILD-ELDER", coefficientTenths: 20 });
  });

  test("reports the first group of the table among equal coefficients, whatever the input order", () => {
    // Two groups at 1.5: the amount is the same, and the reported group does not depend on the order.
    const a = monthlyAllowance({ provinceCode: HA_NOI, month: "2026-03", groupCodes: ["HN-NQ63-ILLNESS", "ND20-5.8"] });
    const b = monthlyAllowance({ provinceCode: HA_NOI, month: "2026-03", groupCodes: ["ND20-5.8", "HN-NQ63-ILLNESS"] });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ amountVnd: 975_000, groupCode: "ND20-5.8" });
  });

  test("adds 1.0 per child on top of a single poor parent's own group", () => {
    // Art. 6(2): a severely disabled single parent with two children in Hà Nội, 2026: 975,000 + 2 × 650,000.
    expect(
      monthlyAllowance({
        provinceCode: HA_NOI,
        month: "2026-03",
        groupCodes: ["ND20-5.6-N-ADULT", "ND20-5.4"],
        children: 2,
      }),
    ).toEqual({
      amountVnd: 2_275_000,
      baseLevelVnd: 650_000,
      groupCode: "ND20-5.6-N-ADULT",
      coefficientTenths: 15,
      perChildVnd: 1_300_000,
    });
  });

  test("pays base × children when the per-child group is the only one", () => {
    // A single poor parent with three children in Hồ Chí Minh City: 3 × 500,000.
    expect(monthlyAllowance({ provinceCode: HCMC, month: "2026-03", groupCodes: ["ND20-5.4"], children: 3 })).toEqual({
      amountVnd: 1_500_000,
      baseLevelVnd: 500_000,
      groupCode: "ND20-5.4",
      coefficientTenths: 10,
      perChildVnd: 1_500_000,
    });
  });

  test.each<[string, number | undefined]>([
    ["no children", undefined],
    ["zero children", 0],
    ["a fractional number of children", 1.5],
  ])("throws for the per-child group with %s", (_case, children) => {
    // Callers check the children with the rules first.
    expect(() =>
      monthlyAllowance({ provinceCode: HCMC, month: "2026-03", groupCodes: ["ND20-5.4"], children }),
    ).toThrow(RangeError);
  });

  test("throws for an unknown, repealed or other province's group", () => {
    // Callers validate the group with the rules first; an amount is never computed on a wrong group.
    const compute =
      (groupCodes: string[], provinceCode = HCMC, month = "2026-03") =>
      () =>
        monthlyAllowance({ provinceCode, month, groupCodes });
    expect(compute(["NOPE"])).toThrow(RangeError);
    expect(compute(["ND20-5.5C"], HCMC, "2025-07")).toThrow(RangeError);
    expect(compute(["HN-NQ63-ILLNESS"])).toThrow(RangeError);
    expect(compute([])).toThrow(RangeError);
  });

  test("still pays a repealed group for a month it was in force", () => {
    // 5(5)(c) at 1.0 for June 2025: 500,000.
    expect(monthlyAllowance({ provinceCode: HCMC, month: "2025-06", groupCodes: ["ND20-5.5C"] }).amountVnd).toBe(
      500_000,
    );
  });

  test("throws when allowance and care-support groups are mixed", () => {
    // They are different programmes, each computed on its own.
    expect(() =>
      monthlyAllowance({ provinceCode: HCMC, month: "2026-03", groupCodes: ["ND20-5.5D", "ND20-5.5A-80"] }),
    ).toThrow(/mix programmes/);
  });
});

describe("social > money > socialPension", () => {
  test("lists the national pension and Hà Nội's top-up with their sources", () => {
    // Luật BHXH 2024 art. 21 / NĐ 176/2025: 500,000; NQ 63/2025: +150,000 in Hà Nội.
    expect(PENSION_LEVELS.map((entry) => [entry.provinceCode, entry.vnd, entry.from, entry.confidence])).toEqual([
      [null, 500_000, "2025-07-01", "high"],
    ]);
    expect(PENSION_LEVELS[0].source).toMatch(/41\/2024\/QH15\), art\. 21/);
    expect(PENSION_TOP_UPS.map((entry) => [entry.provinceCode, entry.vnd, entry.from, entry.confidence])).toEqual([
      ["01", 150_000, "2026-01-01", "high"],
    ]);
    expect(PENSION_TOP_UPS[0].source).toMatch(/63\/2025\/NQ-HĐND/);
  });

  test("pays 650,000 in Hà Nội from January 2026 and 500,000 elsewhere", () => {
    // The top-up makes the city's pension equal to its base level.
    expect(socialPension(HA_NOI, "2026-01")).toEqual({ amountVnd: 650_000, baseVnd: 500_000, topUpVnd: 150_000 });
    expect(socialPension(HCMC, "2026-01")).toEqual({ amountVnd: 500_000, baseVnd: 500_000, topUpVnd: 0 });
    expect(socialPension(HA_NOI, "2025-12")).toEqual({ amountVnd: 500_000, baseVnd: 500_000, topUpVnd: 0 });
  });

  test("exists from July 2025 only", () => {
    // NĐ 176/2025 took effect on 1 Jul 2025.
    expect(socialPension(HCMC, "2025-07").amountVnd).toBe(500_000);
    expect(() => socialPension(HCMC, "2025-06")).toThrow(RangeError);
  });
});

describe("social > money > payableMonthly", () => {
  test("pays the higher of the allowance and the pension, never both", () => {
    // NĐ 176/2025: a person qualifying for both gets the higher one.
    expect(payableMonthly({ allowanceVnd: 1_300_000, pensionVnd: 650_000 })).toEqual({
      program: "SOCIAL_ALLOWANCE",
      amountVnd: 1_300_000,
    });
    expect(payableMonthly({ allowanceVnd: 500_000, pensionVnd: 650_000 })).toEqual({
      program: "SOCIAL_PENSION",
      amountVnd: 650_000,
    });
  });

  test("pays the pension on a tie", () => {
    // Equal amounts: the pension, which also brings a health-insurance card.
    expect(payableMonthly({ allowanceVnd: 650_000, pensionVnd: 650_000 })).toEqual({
      program: "SOCIAL_PENSION",
      amountVnd: 650_000,
    });
  });

  test("pays the only one there is, or nothing", () => {
    // A person with one benefit is paid that one.
    expect(payableMonthly({ allowanceVnd: 975_000, pensionVnd: null })?.program).toBe("SOCIAL_ALLOWANCE");
    expect(payableMonthly({ allowanceVnd: null, pensionVnd: 500_000 })?.program).toBe("SOCIAL_PENSION");
    expect(payableMonthly({ allowanceVnd: null, pensionVnd: null })).toBeNull();
  });

  test("refuses amounts that are not whole VND", () => {
    // Money is integer VND.
    expect(() => payableMonthly({ allowanceVnd: 1.5, pensionVnd: null })).toThrow(RangeError);
    expect(() => payableMonthly({ allowanceVnd: null, pensionVnd: -1 })).toThrow(RangeError);
  });
});

describe("social > money > funeralSupport", () => {
  test("is 13,000,000 in Hà Nội in 2026, inferred, with medium confidence", () => {
    // 20 × 650,000, on the city base (NQ 63 art. 2(2), an inference).
    const support = funeralSupport(HA_NOI, "2026-05-10");
    expect(support).toMatchObject({ amountVnd: 13_000_000, baseLevelVnd: 650_000, multiple: 20, confidence: "medium" });
    expect(support.source).toMatch(/art\. 11\(2\)/);
    expect(support.source).toMatch(/inferred/);
  });

  test("is 10,000,000 on the national level and 7,200,000 before July 2024", () => {
    // 20 × 500,000 and 20 × 360,000.
    expect(funeralSupport(HCMC, "2026-05-10")).toMatchObject({ amountVnd: 10_000_000, baseLevelVnd: 500_000 });
    expect(funeralSupport(HA_NOI, "2025-12-31").amountVnd).toBe(10_000_000);
    expect(funeralSupport(HCMC, "2024-06-30")).toMatchObject({ amountVnd: 7_200_000, confidence: "high" });
  });
});

describe("social > money > stopMonth", () => {
  test.each([
    ["2026-11-30", "2026-12"],
    ["2026-12-01", "2027-01"],
    ["2026-12-31", "2027-01"],
    ["2028-02-29", "2028-03"],
  ])("stops payments of someone who died on %s from %s", (deathDate, month) => {
    // NĐ 20/2021 art. 8(2), NĐ 176/2025 art. 4: the month of death is still paid.
    expect(stopMonth(deathDate)).toBe(month);
  });

  test("throws on a date that does not exist", () => {
    // The date of death comes from the civil-status register.
    expect(() => stopMonth("2026-02-29")).toThrow(RangeError);
  });
});
