import {
  type AllowanceGrantInput,
  checkAllowanceGrant,
  checkDisabilityCertificate,
  checkHousehold,
  checkMemberOf,
  checkPensionGrant,
  classifyHousehold,
  DISABILITY_KINDS,
  DISABILITY_LEVELS,
  type DisabilityCertificateInput,
  fullYearsOn,
  type HouseholdInput,
  type OpenBenefit,
  type PensionGrantInput,
  type PersonFacts,
  POVERTY_LINES,
} from "./rules";

/** A fixed "today" so that the future-date rules do not depend on when the tests run. */
const TODAY = "2026-07-15";
const HA_NOI = "01";
const HCMC = "79";

// People of a Hà Nội ward, as the civil-status register shows them.
const AN: PersonFacts = { personalId: "001085000101", birthDate: "1985-04-02", deceasedOn: null }; // adult, 41
const BA: PersonFacts = { personalId: "001149000102", birthDate: "1949-08-20", deceasedOn: null }; // 76 in 2026
const CHI: PersonFacts = { personalId: "001153000103", birthDate: "1953-05-10", deceasedOn: null }; // 72 in 2026
const DAO: PersonFacts = { personalId: "001057000104", birthDate: "1957-12-01", deceasedOn: null }; // 68 in 2026
const EM: PersonFacts = { personalId: "001323000105", birthDate: "2023-05-20", deceasedOn: null }; // a toddler
const GIANG: PersonFacts = { personalId: "001050000106", birthDate: "1950-01-05", deceasedOn: "2026-06-10" };

const PENSION_OPEN: OpenBenefit = { program: "SOCIAL_PENSION", startMonth: "2025-08", endMonth: null };
const ALLOWANCE_OPEN: OpenBenefit = { program: "SOCIAL_ALLOWANCE", startMonth: "2024-01", endMonth: null };

describe("social > rules > fullYearsOn", () => {
  test("counts the birthday itself as the day of full age", () => {
    // "Đủ 75 tuổi" is reached on the 75th birthday.
    expect(fullYearsOn("1951-03-10", "2026-03-10")).toBe(75);
    expect(fullYearsOn("1951-03-10", "2026-03-09")).toBe(74);
  });

  test("ages someone born on 29 February on 1 March in common years", () => {
    // As civil status counts it: the year is complete once February has ended.
    expect(fullYearsOn("2000-02-29", "2025-02-28")).toBe(24);
    expect(fullYearsOn("2000-02-29", "2025-03-01")).toBe(25);
    expect(fullYearsOn("2000-02-29", "2028-02-29")).toBe(28);
  });
});

describe("social > rules > checkAllowanceGrant", () => {
  const grant = (overrides: Partial<AllowanceGrantInput> = {}): AllowanceGrantInput => ({
    person: AN,
    provinceCode: HA_NOI,
    groupCode: "ND20-5.6-DBN-ADULT",
    startMonth: "2026-03",
    today: TODAY,
    existing: [],
    ...overrides,
  });

  test("accepts a disability allowance for a living adult in force in the province", () => {
    // NĐ 20/2021 art. 5(6): an adult with an especially severe disability, Hà Nội, March 2026.
    expect(checkAllowanceGrant(grant())).toBeUndefined();
    expect(checkAllowanceGrant(grant({ coefficientTenths: 20 }))).toBeUndefined();
    expect(checkAllowanceGrant(grant({ coefficientTenths: null, children: null }))).toBeUndefined();
  });

  test.each(["2026-3", "2026-13", "2026-03-01", ""])("refuses the first month %j on startMonth", (startMonth) => {
    // Benefits start on a month, written YYYY-MM.
    expect(checkAllowanceGrant(grant({ startMonth }))?.field).toBe("startMonth");
  });

  test("refuses a deceased person on personalId, naming the date of death", () => {
    // §B5: a dead person cannot be granted anything.
    const problem = checkAllowanceGrant(grant({ person: GIANG, groupCode: "ND20-5.5A-80" }));
    expect(problem?.field).toBe("personalId");
    expect(problem?.message).toContain("2026-06-10");
    expect(problem?.message).toMatch(/deceased/);
  });

  test("refuses a first month before the birth month", () => {
    // A child born in May 2023 cannot be paid for April 2023; May is fine.
    const child = { person: EM, groupCode: "ND20-5.1-U4" };
    expect(checkAllowanceGrant(grant({ ...child, startMonth: "2023-04" }))?.field).toBe("startMonth");
    expect(checkAllowanceGrant(grant({ ...child, startMonth: "2023-05" }))).toBeUndefined();
  });

  test("refuses a code that is not in the table", () => {
    // The officer must pick a group of NĐ 20/2021 art. 5 or the province's own.
    const problem = checkAllowanceGrant(grant({ groupCode: "ND20-5.6" }));
    expect(problem?.field).toBe("groupCode");
    expect(problem?.message).toMatch(/"ND20-5\.6" is not in the table/);
  });

  test("refuses the repealed groups 5(5)(b) and (c) from July 2025, naming the repeal", () => {
    // NĐ 176/2025 art. 8(2): these people receive the social pension instead.
    const problem = checkAllowanceGrant(grant({ person: BA, groupCode: "ND20-5.5C", startMonth: "2025-07" }));
    expect(problem?.field).toBe("groupCode");
    expect(problem?.message).toContain("2025-06-30");
    expect(problem?.message).toMatch(/176\/2025/);
    // June 2025 was still under the old group (BA was 75, so 5(5)(b) rather than (c) fits her age).
    expect(checkAllowanceGrant(grant({ person: BA, groupCode: "ND20-5.5B", startMonth: "2025-06" }))).toBeUndefined();
  });

  test("refuses a Hà Nội group elsewhere and before NQ 63/2025 took effect", () => {
    // The city's groups exist in province 01 from 1 Jan 2026 only.
    const elsewhere = checkAllowanceGrant(grant({ provinceCode: HCMC, groupCode: "HN-NQ63-ILLNESS" }));
    expect(elsewhere).toEqual({ field: "groupCode", message: expect.stringMatching(/only in province 01/) });
    const early = checkAllowanceGrant(grant({ groupCode: "HN-NQ63-ILLNESS", startMonth: "2025-12" }));
    expect(early).toEqual({ field: "groupCode", message: expect.stringMatching(/applies from 2026-01-01/) });
    expect(checkAllowanceGrant(grant({ groupCode: "HN-NQ63-ILLNESS", startMonth: "2026-01" }))).toBeUndefined();
  });

  test("refuses a coefficient other than the table's, saying the table's", () => {
    // Art. 6: the coefficient follows from the group; the officer cannot choose it.
    const problem = checkAllowanceGrant(grant({ coefficientTenths: 25 }));
    expect(problem?.field).toBe("coefficient");
    expect(problem?.message).toMatch(/is 2\.0 .*not 2\.5/);
  });

  test.each<[string, number | null | undefined]>([
    ["no number", undefined],
    ["null", null],
    ["zero", 0],
    ["a fraction", 1.5],
  ])("refuses the per-child group with %s of children", (_case, children) => {
    // Art. 5(4), 6(2): 1.0 per child, so at least one child must be given.
    expect(checkAllowanceGrant(grant({ groupCode: "ND20-5.4", children }))?.field).toBe("children");
  });

  test("accepts the per-child group with children", () => {
    // A single poor parent raising two children.
    expect(checkAllowanceGrant(grant({ groupCode: "ND20-5.4", children: 2 }))).toBeUndefined();
  });

  test("refuses a group whose ages the person does not reach in the first month", () => {
    // An adult of 40 is not a child under 4; a 76-year-old is not an adult under 60.
    const toddler = checkAllowanceGrant(grant({ groupCode: "ND20-5.1-U4" }));
    expect(toddler?.field).toBe("groupCode");
    expect(toddler?.message).toMatch(/under 4/);
    expect(toddler?.message).toContain("1985-04-02");
    expect(checkAllowanceGrant(grant({ person: BA, groupCode: "ND20-5.6-DBN-ADULT" }))?.field).toBe("groupCode");
    expect(checkAllowanceGrant(grant({ person: BA, groupCode: "ND20-5.6-DBN-CHILD-ELDER" }))).toBeUndefined();
  });

  test("accepts a group whose age limit the person crosses during the first month", () => {
    // Someone turning 80 on 20 March may be granted the 80+ rate from March, not from February.
    const eighty: PersonFacts = { personalId: "001046000107", birthDate: "1946-03-20", deceasedOn: null };
    expect(checkAllowanceGrant(grant({ person: eighty, groupCode: "ND20-5.5A-80" }))).toBeUndefined();
    expect(
      checkAllowanceGrant(grant({ person: eighty, groupCode: "ND20-5.5A-80", startMonth: "2026-02" }))?.field,
    ).toBe("groupCode");
    // A child turning 4 on 20 March is still under 4 in March, not in April.
    const four: PersonFacts = { personalId: "001322000108", birthDate: "2022-03-20", deceasedOn: null };
    expect(checkAllowanceGrant(grant({ person: four, groupCode: "ND20-5.1-U4" }))).toBeUndefined();
    expect(checkAllowanceGrant(grant({ person: four, groupCode: "ND20-5.1-U4", startMonth: "2026-04" }))?.field).toBe(
      "groupCode",
    );
  });

  test("refuses an allowance for months already paid as a social pension, naming its months", () => {
    // NĐ 176/2025: never both for the same months; the higher one is paid.
    const problem = checkAllowanceGrant(
      grant({ person: BA, groupCode: "ND20-5.6-DBN-CHILD-ELDER", existing: [PENSION_OPEN] }),
    );
    expect(problem?.field).toBe("startMonth");
    expect(problem?.message).toContain(
      "a social pension and an allowance are never paid for the same months; the higher one is paid",
    );
    expect(problem?.message).toContain("from 2025-08 on (still open)");
  });

  test("accepts an allowance after a pension that ended, and refuses one starting in its last month", () => {
    // A pension paid up to February leaves March free.
    const ended: OpenBenefit = { program: "SOCIAL_PENSION", startMonth: "2025-08", endMonth: "2026-02" };
    const elder = { person: BA, groupCode: "ND20-5.6-DBN-CHILD-ELDER" };
    expect(checkAllowanceGrant(grant({ ...elder, existing: [ended] }))).toBeUndefined();
    const problem = checkAllowanceGrant(grant({ ...elder, startMonth: "2026-02", existing: [ended] }));
    expect(problem?.field).toBe("startMonth");
    expect(problem?.message).toContain("from 2025-08 to 2026-02");
  });

  test("refuses an allowance that would run into a pension starting later", () => {
    // A grant is open-ended, so a pension from June overlaps an allowance from March.
    const later: OpenBenefit = { program: "SOCIAL_PENSION", startMonth: "2026-06", endMonth: null };
    expect(
      checkAllowanceGrant(grant({ person: BA, groupCode: "ND20-5.6-DBN-CHILD-ELDER", existing: [later] }))?.field,
    ).toBe("startMonth");
  });

  test("does not hold care support against a social pension, nor an allowance against another allowance", () => {
    // Care support is another programme; several allowance groups are paid on the highest.
    expect(
      checkAllowanceGrant(grant({ person: BA, groupCode: "ND20-5.5D", existing: [PENSION_OPEN] })),
    ).toBeUndefined();
    expect(
      checkAllowanceGrant(grant({ groupCode: "ND20-5.4", children: 1, existing: [ALLOWANCE_OPEN] })),
    ).toBeUndefined();
  });

  test("reports the first problem in order", () => {
    // Month before death, death before group, group before coefficient.
    expect(checkAllowanceGrant(grant({ person: GIANG, startMonth: "bad" }))?.field).toBe("startMonth");
    expect(checkAllowanceGrant(grant({ person: GIANG, groupCode: "NOPE" }))?.field).toBe("personalId");
    expect(checkAllowanceGrant(grant({ groupCode: "NOPE", coefficientTenths: 99 }))?.field).toBe("groupCode");
    expect(checkAllowanceGrant(grant({ groupCode: "ND20-5.4", coefficientTenths: 15 }))?.field).toBe("coefficient");
  });

  test("throws on malformed register facts rather than blaming the officer", () => {
    // A birth date that does not exist or a broken benefit record is the register's error.
    expect(() => checkAllowanceGrant(grant({ person: { ...AN, birthDate: "1985-02-30" } }))).toThrow(RangeError);
    expect(() =>
      checkAllowanceGrant(
        grant({ existing: [{ program: "SOCIAL_PENSION", startMonth: "2026-05", endMonth: "2026-01" }] }),
      ),
    ).toThrow(RangeError);
    expect(() => checkAllowanceGrant(grant({ today: "15/07/2026" }))).toThrow(RangeError);
  });
});

describe("social > rules > checkPensionGrant", () => {
  const grant = (overrides: Partial<PensionGrantInput> = {}): PensionGrantInput => ({
    person: BA,
    provinceCode: HA_NOI,
    startMonth: "2026-01",
    today: TODAY,
    household: null,
    existing: [],
    ...overrides,
  });

  test("accepts anyone aged 75 or more", () => {
    // Luật BHXH 2024 art. 21: 75+ whatever the household.
    expect(checkPensionGrant(grant())).toBeUndefined();
  });

  test.each<["POOR" | "NEAR_POOR"]>([["POOR"], ["NEAR_POOR"]])(
    "accepts a 72-year-old in a %s household classified for the year",
    (classification) => {
      // 70–74 in a poor or near-poor household.
      expect(checkPensionGrant(grant({ person: CHI, household: { classification, year: 2026 } }))).toBeUndefined();
    },
  );

  test.each<[string, PensionGrantInput["household"]]>([
    ["no classification", null],
    ["a household classified NONE", { classification: "NONE", year: 2026 }],
    ["an average-living farming household", { classification: "AVERAGE_LIVING_FARM", year: 2026 }],
    ["a poor classification of another year", { classification: "POOR", year: 2025 }],
  ])("refuses a 72-year-old with %s on household", (_case, household) => {
    // 70–74 needs POOR or NEAR_POOR for the year of the first month.
    const problem = checkPensionGrant(grant({ person: CHI, household }));
    expect(problem?.field).toBe("household");
    expect(problem?.message).toContain("is 72 on 2026-01-01");
  });

  test("refuses someone under 70 on personalId, naming the age", () => {
    // A person of 68 does not qualify, whatever the household.
    const problem = checkPensionGrant(grant({ person: DAO, household: { classification: "POOR", year: 2026 } }));
    expect(problem?.field).toBe("personalId");
    expect(problem?.message).toContain("is 68 on 2026-01-01");
  });

  test("counts the age on the first day of the first month", () => {
    // Someone turning 75 on 10 March 2026 is 74 on 1 March and 75 on 1 April.
    const person: PersonFacts = { personalId: "001151000109", birthDate: "1951-03-10", deceasedOn: null };
    expect(checkPensionGrant(grant({ person, startMonth: "2026-03" }))?.field).toBe("household");
    expect(checkPensionGrant(grant({ person, startMonth: "2026-04" }))).toBeUndefined();
  });

  test("refuses a month before July 2025, when the pension began", () => {
    // NĐ 176/2025 took effect on 1 Jul 2025.
    const problem = checkPensionGrant(grant({ startMonth: "2025-06" }));
    expect(problem?.field).toBe("startMonth");
    expect(problem?.message).toContain("2025-07");
    expect(checkPensionGrant(grant({ startMonth: "2025-07" }))).toBeUndefined();
  });

  test("refuses a malformed month, a deceased person and a month before birth", () => {
    // The checks every grant shares, in order.
    expect(checkPensionGrant(grant({ startMonth: "2026/01" }))?.field).toBe("startMonth");
    const dead = checkPensionGrant(grant({ person: GIANG }));
    expect(dead?.field).toBe("personalId");
    expect(dead?.message).toContain("2026-06-10");
    expect(checkPensionGrant(grant({ startMonth: "1949-07" }))?.field).toBe("startMonth");
  });

  test("refuses a pension for months already paid as a social allowance", () => {
    // Never both; the higher one is paid.
    const problem = checkPensionGrant(grant({ existing: [ALLOWANCE_OPEN] }));
    expect(problem?.field).toBe("startMonth");
    expect(problem?.message).toMatch(/never paid for the same months; the higher one is paid/);
    expect(problem?.message).toContain("from 2024-01 on (still open)");
  });

  test("refuses a second pension for the same months", () => {
    // A duplicate grant would pay twice; an existing pension is changed, not granted again.
    expect(checkPensionGrant(grant({ existing: [PENSION_OPEN] }))?.field).toBe("startMonth");
  });

  test("accepts a pension after the allowance ended, and alongside care support", () => {
    // An allowance paid up to December 2025 leaves January 2026 free; care support is another programme.
    const ended: OpenBenefit = { program: "SOCIAL_ALLOWANCE", startMonth: "2024-01", endMonth: "2025-12" };
    const care: OpenBenefit = { program: "CARE_SUPPORT", startMonth: "2024-01", endMonth: null };
    expect(checkPensionGrant(grant({ existing: [ended, care] }))).toBeUndefined();
  });
});

describe("social > rules > checkHousehold", () => {
  const household = (overrides: Partial<HouseholdInput> = {}): HouseholdInput => ({
    members: [
      { personalId: AN.personalId, relation: "Chủ hộ" },
      { personalId: BA.personalId, relation: "Mẹ" },
      { personalId: EM.personalId, relation: "Con" },
    ],
    headPersonalId: AN.personalId,
    incomePerCapitaVnd: 1_400_000,
    deprivationCount: 3,
    year: 2026,
    areaType: "RURAL",
    today: TODAY,
    ...overrides,
  });

  test("accepts a household with valid members and figures", () => {
    // Three members, the head among them, income and deprivations in range.
    expect(checkHousehold(household())).toBeUndefined();
  });

  test("refuses a household without members", () => {
    // A poverty review classifies people.
    expect(checkHousehold(household({ members: [] }))?.field).toBe("members");
  });

  test("refuses an invalid personal ID on its member", () => {
    // The second member's number has 11 digits.
    const members = [
      { personalId: AN.personalId, relation: "Chủ hộ" },
      { personalId: "00114900010", relation: "Mẹ" },
    ];
    const problem = checkHousehold(household({ members }));
    expect(problem?.field).toBe("members[1].personalId");
    expect(problem?.message).toMatch(/12 digits/);
  });

  test("refuses a member listed twice, on the second listing", () => {
    // One person is one member.
    const members = [
      { personalId: AN.personalId, relation: "Chủ hộ" },
      { personalId: BA.personalId, relation: "Mẹ" },
      { personalId: AN.personalId, relation: "Con" },
    ];
    const problem = checkHousehold(household({ members }));
    expect(problem?.field).toBe("members[2].personalId");
    expect(problem?.message).toContain("members[0]");
  });

  test("refuses a head who is not a member", () => {
    // The head is one of the household's people.
    const problem = checkHousehold(household({ headPersonalId: CHI.personalId }));
    expect(problem?.field).toBe("headPersonalId");
    expect(problem?.message).toMatch(/unknown household member/);
  });

  test.each([-1, 1.5, Number.NaN])("refuses the income %p", (incomePerCapitaVnd) => {
    // Income is whole VND and not negative.
    expect(checkHousehold(household({ incomePerCapitaVnd }))?.field).toBe("incomePerCapitaVnd");
  });

  test("accepts an income of 0", () => {
    // A household with no income is possible.
    expect(checkHousehold(household({ incomePerCapitaVnd: 0 }))).toBeUndefined();
  });

  test.each([-1, 13, 2.5])("refuses %p deprivations", (deprivationCount) => {
    // NĐ 07/2021 measures 12 indicators.
    expect(checkHousehold(household({ deprivationCount }))?.field).toBe("deprivationCount");
  });

  test.each([0, 12])("accepts %p deprivations", (deprivationCount) => {
    // Both ends of the range.
    expect(checkHousehold(household({ deprivationCount }))).toBeUndefined();
  });

  test.each([2021, 2031, 2026.5])("refuses the year %p", (year) => {
    // Standards are known for 2022–2030.
    expect(checkHousehold(household({ year }))?.field).toBe("year");
  });

  test.each([2022, 2030])("accepts the year %p", (year) => {
    // Both ends of the range.
    expect(checkHousehold(household({ year }))).toBeUndefined();
  });

  test("refuses an unknown area type", () => {
    // The line depends on whether the household is rural or urban.
    expect(checkHousehold(household({ areaType: "SUBURBAN" as "RURAL" }))?.field).toBe("areaType");
  });
});

describe("social > rules > classifyHousehold", () => {
  const classify = (incomePerCapitaVnd: number, deprivationCount: number, areaType: "RURAL" | "URBAN", year = 2026) =>
    classifyHousehold({ incomePerCapitaVnd, deprivationCount, year, areaType }).classification;

  test.each<[number, number, "RURAL" | "URBAN", string]>([
    [1_500_000, 3, "RURAL", "POOR"],
    [1_500_000, 2, "RURAL", "NEAR_POOR"],
    [1_500_001, 12, "RURAL", "NONE"],
    [0, 0, "RURAL", "NEAR_POOR"],
    [2_000_000, 3, "URBAN", "POOR"],
    [2_000_000, 0, "URBAN", "NEAR_POOR"],
    [2_000_001, 5, "URBAN", "NONE"],
    [1_800_000, 4, "URBAN", "POOR"],
    [1_800_000, 4, "RURAL", "NONE"],
  ])("classifies income %d with %d deprivations, %s, as %s", (income, deprivations, areaType, expected) => {
    // NĐ 07/2021 art. 3: at or under the line, ≥ 3 deprivations poor, fewer near-poor; above it none.
    expect(classify(income, deprivations, areaType)).toBe(expected);
  });

  test("uses NĐ 07/2021 for 2022 to 2026, extended by NĐ 351/2025", () => {
    // The 2022–2025 standard runs to 31 Dec 2026.
    for (const year of [2022, 2026]) {
      const result = classifyHousehold({ incomePerCapitaVnd: 1_000_000, deprivationCount: 3, year, areaType: "RURAL" });
      expect(result.standard).toBe("ND07-2021");
      expect(result.source).toMatch(/07\/2021\/NĐ-CP, art\. 3/);
      expect(result.source).toMatch(/351\/2025/);
    }
  });

  test("refuses to classify 2027–2030, whose split rule was not read", () => {
    // NĐ 351/2025's lines are known, the poor / near-poor split is not: no guess.
    expect(() => classify(1_000_000, 3, "RURAL", 2027)).toThrow(/not configured/);
    expect(() => classify(1_000_000, 3, "RURAL", 2030)).toThrow(/351\/2025/);
    const line = POVERTY_LINES.find((entry) => entry.fromYear === 2027);
    expect(line).toMatchObject({ ruralVnd: 2_200_000, urbanVnd: 2_800_000, standard: "ND351-2025", splitKnown: false });
  });

  test("throws on years and figures outside the standards", () => {
    // Callers check the household first.
    expect(() => classify(1_000_000, 3, "RURAL", 2021)).toThrow(RangeError);
    expect(() => classify(1_000_000, 3, "RURAL", 2031)).toThrow(RangeError);
    expect(() => classify(-1, 3, "RURAL")).toThrow(RangeError);
    expect(() => classify(1_000_000, 13, "RURAL")).toThrow(RangeError);
  });
});

describe("social > rules > checkMemberOf", () => {
  const HOUSEHOLD = { members: [{ personalId: AN.personalId }, { personalId: BA.personalId }] };

  test("accepts a member of the household", () => {
    // The person named belongs to the household named.
    expect(checkMemberOf(HOUSEHOLD, BA.personalId, "applicantId")).toBeUndefined();
  });

  test("refuses someone else on the field given", () => {
    // The problem is reported on the request's own field.
    expect(checkMemberOf(HOUSEHOLD, CHI.personalId, "applicantId")).toEqual({
      field: "applicantId",
      message: expect.stringMatching(/unknown household member/),
    });
  });

  test("refuses anyone when there is no household", () => {
    // No household found: nobody is a member of it.
    expect(checkMemberOf(null, AN.personalId, "personalId")?.message).toMatch(/unknown household member/);
  });
});

describe("social > rules > checkDisabilityCertificate", () => {
  const certificate = (overrides: Partial<DisabilityCertificateInput> = {}): DisabilityCertificateInput => ({
    level: "NANG",
    kind: "VAN_DONG",
    issuedOn: "2026-05-04",
    person: AN,
    today: TODAY,
    ...overrides,
  });

  test("lists the three levels and six types with Vietnamese names, sources and confidence", () => {
    // §B4, §B5: ĐẶC BIỆT NẶNG / NẶNG / NHẸ; vận động; nghe, nói; nhìn; thần kinh, tâm thần; trí tuệ; khác.
    expect(DISABILITY_LEVELS.map((entry) => [entry.code, entry.nameVi])).toEqual([
      ["DAC_BIET_NANG", "Đặc biệt nặng"],
      ["NANG", "Nặng"],
      ["NHE", "Nhẹ"],
    ]);
    expect(DISABILITY_KINDS.map((entry) => entry.code)).toEqual([
      "VAN_DONG",
      "NGHE_NOI",
      "NHIN",
      "THAN_KINH_TAM_THAN",
      "TRI_TUE",
      "KHAC",
    ]);
    for (const entry of [...DISABILITY_LEVELS, ...DISABILITY_KINDS]) {
      expect(entry.nameVi).toBe(entry.nameVi.normalize("NFC"));
      expect(entry.source).toMatch(/01\/2019/);
      expect(entry.confidence).toBe("medium");
      expect(Object.isFrozen(entry)).toBe(true);
    }
  });

  test("accepts a known level and type issued in the past to a living person", () => {
    // A severe physical disability certified in May 2026.
    expect(checkDisabilityCertificate(certificate())).toBeUndefined();
    expect(checkDisabilityCertificate(certificate({ issuedOn: TODAY }))).toBeUndefined();
  });

  test.each<[Partial<DisabilityCertificateInput>, string]>([
    [{ level: "SEVERE" }, "level"],
    [{ level: "nang" }, "level"],
    [{ kind: "VISUAL" }, "kind"],
    [{ issuedOn: "2026-02-30" }, "issuedOn"],
    [{ issuedOn: "2026-07-16" }, "issuedOn"],
    [{ issuedOn: "1985-04-01" }, "issuedOn"],
    [{ person: GIANG, issuedOn: "2026-01-10" }, "personalId"],
  ])("refuses %j on %s", (overrides, field) => {
    // Unknown codes, impossible or future dates, a date before birth and a deceased person.
    expect(checkDisabilityCertificate(certificate(overrides))?.field).toBe(field);
  });

  test("names the levels and the date of death in its messages", () => {
    // The officer sees what to type or why the person cannot get one.
    expect(checkDisabilityCertificate(certificate({ level: "X" }))?.message).toContain("DAC_BIET_NANG (Đặc biệt nặng)");
    expect(checkDisabilityCertificate(certificate({ person: GIANG }))?.message).toContain("2026-06-10");
  });
});
