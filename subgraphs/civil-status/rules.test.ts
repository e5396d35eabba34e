import {
  checkBirthRegistration,
  checkCorrection,
  checkDeathRegistration,
  checkMaritalStatusCertificate,
  checkMarriage,
  fullYearsOn,
  type Gender,
  maritalStatusOf,
  type MarriageInput,
  MINIMUM_MARRIAGE_AGE,
  type Person,
  type RegisterFacts,
} from "./rules";

/** A fixed "today" so that the future-date rules do not depend on when the tests run. */
const TODAY = "2025-07-01";

const person = (personalId: string, gender: Gender, birthDate: string): Person => ({ personalId, gender, birthDate });
const NO_FACTS: RegisterFacts = { marriages: [], death: null, birth: null };
const facts = (overrides: Partial<RegisterFacts> = {}): RegisterFacts => ({
  ...NO_FACTS,
  birth: { registeredOn: "2000-01-01" },
  ...overrides,
});

// A Hà Nội couple: she turns 18 on 1 July 2025, he turned 20 on 1 July 2025.
const LAN = person("001307000001", "FEMALE", "2007-07-01");
const MINH = person("001205000002", "MALE", "2005-07-01");
const HUNG = person("001090000003", "MALE", "1990-03-15");
const MAI = person("001192000004", "FEMALE", "1992-05-20");

const marriage = (overrides: Partial<MarriageInput> = {}): MarriageInput => ({
  a: MINH,
  b: LAN,
  factsA: facts(),
  factsB: facts(),
  on: TODAY,
  today: TODAY,
  ...overrides,
});

describe("civil-status > rules > fullYearsOn", () => {
  test("counts the birthday itself as the day of full age", () => {
    // Joint Circular 01/2016, art. 2(1): someone born on 10 January 1997 is 18 on 10 January 2015.
    expect(fullYearsOn("1997-01-10", "2015-01-10")).toBe(18);
    expect(fullYearsOn("1997-01-10", "2015-01-09")).toBe(17);
  });

  test("is zero on the day of birth and does not round up", () => {
    // A newborn has no full year; the day before a birthday is still the younger age.
    expect(fullYearsOn("2025-07-01", "2025-07-01")).toBe(0);
    expect(fullYearsOn("2024-07-01", "2025-06-30")).toBe(0);
    expect(fullYearsOn("2024-07-01", "2025-07-01")).toBe(1);
  });

  test("ages someone born on 29 February on 1 March in common years", () => {
    // No 29 February exists in 2025, so the year of age is complete only once February has ended.
    expect(fullYearsOn("2004-02-29", "2022-02-28")).toBe(17);
    expect(fullYearsOn("2004-02-29", "2022-03-01")).toBe(18);
    expect(fullYearsOn("2004-02-29", "2024-02-29")).toBe(20);
  });

  test("counts across year ends", () => {
    // 31 December to 1 January is one day, not one year.
    expect(fullYearsOn("2006-12-31", "2025-01-01")).toBe(18);
    expect(fullYearsOn("2006-12-31", "2024-12-31")).toBe(18);
  });

  test.each(["2025-02-30", "1/7/2025", "", "2025-7-1"])("refuses the non-date %j", (date) => {
    // A date that does not exist is a programming error here; inputs are checked before age is computed.
    expect(() => fullYearsOn(date, TODAY)).toThrow(RangeError);
    expect(() => fullYearsOn("2000-01-01", date)).toThrow(RangeError);
  });
});

describe("civil-status > rules > maritalStatusOf", () => {
  test("is SINGLE with no marriage in the register", () => {
    // Someone never registered as married is single.
    expect(maritalStatusOf(facts(), TODAY)).toBe("SINGLE");
  });

  test("is MARRIED from the day the marriage is registered", () => {
    // A marriage binds from its registration (Law on Marriage and Family 2014, art. 9).
    const register = facts({ marriages: [{ spouseId: MAI.personalId, registeredOn: "2020-10-10" }] });
    expect(maritalStatusOf(register, "2020-10-09")).toBe("SINGLE");
    expect(maritalStatusOf(register, "2020-10-10")).toBe("MARRIED");
    expect(maritalStatusOf(register, TODAY)).toBe("MARRIED");
  });

  test("is DIVORCED from the day a divorce takes effect", () => {
    // Art. 57(1): the marriage ends the day the divorce judgment takes effect, and the register says why.
    const register = facts({
      marriages: [
        { spouseId: MAI.personalId, registeredOn: "2015-01-01", endedOn: "2022-06-30", endReason: "DIVORCE" },
      ],
    });
    expect(maritalStatusOf(register, "2022-06-29")).toBe("MARRIED");
    expect(maritalStatusOf(register, "2022-06-30")).toBe("DIVORCED");
    expect(maritalStatusOf(register, TODAY)).toBe("DIVORCED");
  });

  test("is WIDOWED from the day the spouse died", () => {
    // Art. 65: a marriage ends when a spouse dies.
    const register = facts({
      marriages: [
        {
          spouseId: HUNG.personalId,
          registeredOn: "2015-01-01",
          endedOn: "2024-02-10",
          endReason: "DEATH_OF_SPOUSE",
        },
      ],
    });
    expect(maritalStatusOf(register, "2024-02-09")).toBe("MARRIED");
    expect(maritalStatusOf(register, "2024-02-10")).toBe("WIDOWED");
  });

  test("follows the latest marriage: divorced, then remarried, then widowed", () => {
    // A person's status on a date is decided by the marriages as they stood that day.
    const register = facts({
      marriages: [
        { spouseId: "001090000010", registeredOn: "2010-05-01", endedOn: "2015-05-01", endReason: "DIVORCE" },
        {
          spouseId: "001090000011",
          registeredOn: "2018-08-08",
          endedOn: "2023-03-03",
          endReason: "DEATH_OF_SPOUSE",
        },
      ],
    });
    expect(maritalStatusOf(register, "2010-04-30")).toBe("SINGLE");
    expect(maritalStatusOf(register, "2012-01-01")).toBe("MARRIED");
    expect(maritalStatusOf(register, "2016-01-01")).toBe("DIVORCED");
    expect(maritalStatusOf(register, "2018-08-08")).toBe("MARRIED");
    expect(maritalStatusOf(register, "2023-03-03")).toBe("WIDOWED");
  });

  test("does not depend on the order of the records", () => {
    // The register may return marriages in any order.
    const earlier = { spouseId: "001090000010", registeredOn: "2010-05-01", endedOn: "2015-05-01" };
    const later = { spouseId: "001090000011", registeredOn: "2016-01-01", endedOn: "2020-01-01" };
    const register = (records: RegisterFacts["marriages"]) => facts({ marriages: records });
    const widowedThenDivorced = [
      { ...earlier, endReason: "DEATH_OF_SPOUSE" as const },
      { ...later, endReason: "DIVORCE" as const },
    ];
    expect(maritalStatusOf(register(widowedThenDivorced), TODAY)).toBe("DIVORCED");
    expect(maritalStatusOf(register([...widowedThenDivorced].reverse()), TODAY)).toBe("DIVORCED");
  });

  test("keeps a person's status at death", () => {
    // Death does not change the person's own status; a married person who died stays married in the record.
    const register = facts({
      marriages: [{ spouseId: MAI.personalId, registeredOn: "2015-01-01" }],
      death: { diedOn: "2024-01-01" },
    });
    expect(maritalStatusOf(register, TODAY)).toBe("MARRIED");
  });

  test("refuses a record that says when a marriage ended but not why", () => {
    // Without the reason the status could be DIVORCED or WIDOWED; the register must not be guessed.
    const register = facts({
      marriages: [{ spouseId: MAI.personalId, registeredOn: "2015-01-01", endedOn: "2020-01-01" }],
    });
    expect(() => maritalStatusOf(register, TODAY)).toThrow(RangeError);
  });

  test("refuses a record that says why a marriage ended but not when", () => {
    // A reason without a date leaves the status before and after unknown.
    const register = facts({
      marriages: [{ spouseId: MAI.personalId, registeredOn: "2015-01-01", endReason: "DIVORCE" }],
    });
    expect(() => maritalStatusOf(register, TODAY)).toThrow(RangeError);
  });

  test("refuses a marriage that ends before it was registered", () => {
    // Such a record is corrupt and must be fixed in the register, not interpreted.
    const register = facts({
      marriages: [
        { spouseId: MAI.personalId, registeredOn: "2015-01-01", endedOn: "2014-12-31", endReason: "DIVORCE" },
      ],
    });
    expect(() => maritalStatusOf(register, TODAY)).toThrow(RangeError);
  });

  test("refuses a date that does not exist", () => {
    // Status "as at" an impossible date is a programming error.
    expect(() => maritalStatusOf(facts(), "2025-02-29")).toThrow(RangeError);
  });
});

describe("civil-status > rules > checkBirthRegistration", () => {
  const CHILD = person("001325000123", "FEMALE", "2025-06-28");
  const birth = (overrides: Partial<Parameters<typeof checkBirthRegistration>[0]> = {}) =>
    checkBirthRegistration({ child: CHILD, registeredOn: TODAY, facts: null, today: TODAY, ...overrides });

  test("accepts a girl born three days ago with a matching ID", () => {
    // The usual case: parents register a newborn within days, with an ID that encodes female, 2025.
    expect(birth()).toBeUndefined();
  });

  test("accepts a child born and registered today", () => {
    // A birth on the day of registration is not in the future.
    expect(birth({ child: { ...CHILD, birthDate: TODAY } })).toBeUndefined();
  });

  test("accepts a late registration years after the birth", () => {
    // Registering after the 60 days of art. 15 is still a registration; lateness is not a refusal.
    const adult = person("001090000123", "MALE", "1990-01-01");
    expect(birth({ child: adult })).toBeUndefined();
  });

  test("refuses a birth date tomorrow", () => {
    // A birth cannot be registered before it happens.
    expect(birth({ child: { ...CHILD, birthDate: "2025-07-02" } })).toEqual({
      field: "child.birthDate",
      message: expect.stringContaining("in the future"),
    });
  });

  test("refuses a birth after the registration date", () => {
    // Registered on 30 June for a birth on 1 July: the registration predates the event.
    expect(birth({ child: { ...CHILD, birthDate: TODAY }, registeredOn: "2025-06-30" })).toEqual({
      field: "child.birthDate",
      message: expect.stringContaining("after the registration date 2025-06-30"),
    });
  });

  test("refuses a registration dated in the future", () => {
    // The registration date is the day the officer records it, never later than today.
    expect(birth({ registeredOn: "2025-07-02" })).toEqual({
      field: "registeredOn",
      message: expect.stringContaining("in the future"),
    });
  });

  test.each([
    ["2025-02-29", "child.birthDate"],
    ["28/06/2025", "child.birthDate"],
  ])("refuses the impossible birth date %s", (birthDate, field) => {
    // 2025 is not a leap year, and dates must be written YYYY-MM-DD.
    expect(birth({ child: { ...CHILD, birthDate } })?.field).toBe(field);
  });

  test("refuses an impossible registration date", () => {
    // The registration date is checked like the birth date.
    expect(birth({ registeredOn: "2025-06-31" })?.field).toBe("registeredOn");
  });

  test("refuses an ID that encodes a boy for a girl", () => {
    // The 4th digit 2 means male, born 2000–2099 (DESIGN §6).
    expect(birth({ child: { ...CHILD, personalId: "001225000123" } })).toEqual({
      field: "child.personalId",
      message: expect.stringContaining("male person"),
    });
  });

  test("refuses an ID that encodes another birth year", () => {
    // Digits 5–6 must be the last two digits of the birth year.
    expect(birth({ child: { ...CHILD, personalId: "001324000123" } })).toEqual({
      field: "child.personalId",
      message: expect.stringContaining("birth year 2024"),
    });
  });

  test("refuses an ID born in the 1900s for a child born in 2025", () => {
    // Digit 1 means a woman born 1900–1999: the century is wrong even though the two-digit year matches.
    expect(birth({ child: { ...CHILD, personalId: "001125000123" } })?.field).toBe("child.personalId");
  });

  test("refuses a malformed ID", () => {
    // Eleven digits cannot be a personal identification number.
    expect(birth({ child: { ...CHILD, personalId: "00132500012" } })).toEqual({
      field: "child.personalId",
      message: expect.stringContaining("exactly 12 digits"),
    });
  });

  test("refuses a birth that is already registered", () => {
    // A birth is registered once; a second request gets a copy of the extract instead.
    expect(birth({ facts: facts({ birth: { registeredOn: "2025-06-29" } }) })).toEqual({
      field: "child.personalId",
      message: expect.stringContaining("already registered on 2025-06-29"),
    });
  });

  test("accepts register facts that hold no birth yet", () => {
    // The registers may know the ID (from another record) without a birth registration.
    expect(birth({ facts: facts({ birth: null }) })).toBeUndefined();
  });

  test("refuses a gender outside the register's values", () => {
    // Only MALE and FEMALE can be registered at birth.
    expect(birth({ child: { ...CHILD, gender: "OTHER" as Gender } })?.field).toBe("child.gender");
  });

  test("throws when today is not a date", () => {
    // `today` comes from the server clock; a bad value is a programming error, not the officer's.
    expect(() => birth({ today: "today" })).toThrow(RangeError);
  });
});

describe("civil-status > rules > checkDeathRegistration", () => {
  const death = (overrides: Partial<Parameters<typeof checkDeathRegistration>[0]> = {}) =>
    checkDeathRegistration({ person: HUNG, facts: facts(), diedOn: "2025-06-30", today: TODAY, ...overrides });

  test("accepts a death yesterday", () => {
    // Relatives register a death within 15 days (art. 33).
    expect(death()).toBeUndefined();
  });

  test("accepts a death today", () => {
    // A death on the day of registration is not in the future.
    expect(death({ diedOn: TODAY })).toBeUndefined();
  });

  test("refuses a second death registration", () => {
    // A death is registered once; the second request is refused whatever date it gives.
    const dead = facts({ death: { diedOn: "2025-06-20" } });
    expect(death({ facts: dead })).toEqual({
      field: "person.personalId",
      message: expect.stringContaining("already registered (died on 2025-06-20)"),
    });
    expect(death({ facts: dead, diedOn: "2025-06-20" })?.field).toBe("person.personalId");
  });

  test("refuses a date of death tomorrow", () => {
    // A death cannot be registered before it happens.
    expect(death({ diedOn: "2025-07-02" })).toEqual({
      field: "diedOn",
      message: expect.stringContaining("in the future"),
    });
  });

  test("refuses a date of death the day before the birth", () => {
    // Nobody dies before being born.
    expect(death({ diedOn: "1990-03-14" })).toEqual({
      field: "diedOn",
      message: expect.stringContaining("before the birth date 1990-03-15"),
    });
  });

  test("accepts a death on the day of birth", () => {
    // A child who dies the day it is born is registered for birth and death.
    const newborn = person("001225000321", "MALE", "2025-06-30");
    expect(death({ person: newborn, diedOn: "2025-06-30" })).toBeUndefined();
  });

  test("refuses a date of death before a marriage the register shows", () => {
    // A dead person cannot have appeared to register a marriage afterwards; one record is wrong.
    const married = facts({ marriages: [{ spouseId: MAI.personalId, registeredOn: "2020-10-10" }] });
    expect(death({ facts: married, diedOn: "2020-10-09" })).toEqual({
      field: "diedOn",
      message: expect.stringContaining("before the marriage with 001192000004 registered on 2020-10-10"),
    });
  });

  test("accepts a death on the day of the marriage", () => {
    // The hour is unknown, so a death later on the wedding day is possible.
    const married = facts({ marriages: [{ spouseId: MAI.personalId, registeredOn: "2020-10-10" }] });
    expect(death({ facts: married, diedOn: "2020-10-10" })).toBeUndefined();
  });

  test("refuses an impossible date of death", () => {
    // 31 June does not exist.
    expect(death({ diedOn: "2025-06-31" })?.field).toBe("diedOn");
  });
});

describe("civil-status > rules > checkMarriage", () => {
  test("accepts a woman on her 18th birthday and a man on his 20th", () => {
    // Art. 8(1)(a): full age is reached on the birthday itself, so both may marry that day.
    expect(checkMarriage(marriage())).toBeUndefined();
  });

  test("refuses a woman one day short of 18", () => {
    // Born 2 July 2007, she is 18 only tomorrow.
    const young = person("001307000005", "FEMALE", "2007-07-02");
    expect(checkMarriage(marriage({ b: young }))).toEqual({
      field: "b.birthDate",
      message: expect.stringContaining("not yet 18 on 2025-07-01"),
    });
  });

  test("refuses a man one day short of 20", () => {
    // Born 2 July 2005, he is 20 only tomorrow, even though a woman of his age could marry.
    const young = person("001205000006", "MALE", "2005-07-02");
    expect(checkMarriage(marriage({ a: young }))).toEqual({
      field: "a.birthDate",
      message: expect.stringContaining("not yet 20 on 2025-07-01"),
    });
  });

  test("refuses a man of 19 with a woman of 25", () => {
    // The minimum ages differ by gender: 20 for men, 18 for women.
    const man = person("001205000007", "MALE", "2006-01-01");
    const woman = person("001300000008", "FEMALE", "2000-01-01");
    expect(checkMarriage(marriage({ a: man, b: woman }))?.field).toBe("a.birthDate");
    expect(MINIMUM_MARRIAGE_AGE).toEqual({ MALE: 20, FEMALE: 18 });
  });

  test("checks the age on the day of the marriage, not today", () => {
    // A marriage registered on an earlier date is judged on that date.
    expect(checkMarriage(marriage({ on: "2025-06-30" }))?.field).toBe("a.birthDate");
  });

  test("refuses a woman born on 29 February on 28 February of her 18th year", () => {
    // In a common year she reaches 18 on 1 March, since no 29 February exists.
    const leapling = person("001304000009", "FEMALE", "2004-02-29");
    const groom = person("001200000010", "MALE", "2000-01-01");
    const couple = { a: groom, b: leapling };
    expect(checkMarriage(marriage({ ...couple, on: "2022-02-28" }))?.field).toBe("b.birthDate");
    expect(checkMarriage(marriage({ ...couple, on: "2022-03-01" }))).toBeUndefined();
  });

  test("refuses a same-person marriage", () => {
    // One person cannot marry themselves, whatever the other fields say.
    expect(checkMarriage(marriage({ b: { ...MINH } }))).toEqual({
      field: "b.personalId",
      message: expect.stringContaining("two different people"),
    });
  });

  test("refuses two women", () => {
    // Art. 8(2): the State does not recognise marriage between people of the same gender.
    expect(checkMarriage(marriage({ a: MAI, b: LAN }))).toEqual({
      field: "b.gender",
      message: expect.stringContaining("art. 8(2)"),
    });
  });

  test("refuses two men", () => {
    // The same rule applies to two men.
    expect(checkMarriage(marriage({ a: HUNG, b: MINH }))?.field).toBe("b.gender");
  });

  test("refuses a party who died before the wedding day", () => {
    // A marriage cannot be registered for a dead person.
    const dead = facts({ death: { diedOn: "2025-06-01" } });
    expect(checkMarriage(marriage({ factsB: dead }))).toEqual({
      field: "b.personalId",
      message: expect.stringContaining("died on 2025-06-01"),
    });
  });

  test("refuses a party who died on the wedding day", () => {
    // The hour of death is unknown and both must appear in person, so the day of death is refused.
    const dead = facts({ death: { diedOn: TODAY } });
    expect(checkMarriage(marriage({ factsA: dead }))?.field).toBe("a.personalId");
  });

  test("accepts a marriage before a death registered for a later day", () => {
    // A marriage checked for an earlier date is judged as the registers stood then.
    const later = facts({ death: { diedOn: TODAY } });
    const groom = person("001200000011", "MALE", "2000-01-01");
    const bride = person("001300000012", "FEMALE", "2000-01-01");
    expect(checkMarriage(marriage({ a: groom, b: bride, factsA: later, on: "2025-06-30" }))).toBeUndefined();
  });

  test("refuses a party who is married to someone else", () => {
    // Monogamy, art. 5(2)(c) and 8(1)(d): a marriage in force bars another.
    const married = facts({ marriages: [{ spouseId: "001300000013", registeredOn: "2020-01-01" }] });
    expect(checkMarriage(marriage({ a: HUNG, b: MAI, factsA: married }))).toEqual({
      field: "a.personalId",
      message: expect.stringContaining("is married (to 001300000013, registered on 2020-01-01)"),
    });
  });

  test("refuses a couple who are already married to each other", () => {
    // Registering the same marriage twice is refused with its own explanation.
    const toMai = facts({ marriages: [{ spouseId: MAI.personalId, registeredOn: "2020-01-01" }] });
    const toHung = facts({ marriages: [{ spouseId: HUNG.personalId, registeredOn: "2020-01-01" }] });
    expect(checkMarriage(marriage({ a: HUNG, b: MAI, factsA: toMai, factsB: toHung }))).toEqual({
      field: "a.personalId",
      message: expect.stringContaining("already married to each other"),
    });
  });

  test("accepts a widow remarrying", () => {
    // A marriage ends when the spouse dies (art. 65), so the widow is free to marry.
    const widow = facts({
      marriages: [
        { spouseId: "001085000014", registeredOn: "2012-01-01", endedOn: "2023-05-05", endReason: "DEATH_OF_SPOUSE" },
      ],
    });
    expect(checkMarriage(marriage({ a: HUNG, b: MAI, factsB: widow }))).toBeUndefined();
  });

  test("accepts a widower remarrying the day his wife died", () => {
    // The marriage ends with the death; the law sets no waiting period.
    const widower = facts({
      marriages: [
        { spouseId: "001188000015", registeredOn: "2012-01-01", endedOn: TODAY, endReason: "DEATH_OF_SPOUSE" },
      ],
    });
    expect(checkMarriage(marriage({ a: HUNG, b: MAI, factsA: widower }))).toBeUndefined();
  });

  test("accepts a divorced person remarrying", () => {
    // A marriage ends the day the divorce takes effect (art. 57(1)).
    const divorced = facts({
      marriages: [
        { spouseId: "001188000016", registeredOn: "2012-01-01", endedOn: "2024-12-01", endReason: "DIVORCE" },
      ],
    });
    expect(checkMarriage(marriage({ a: HUNG, b: MAI, factsA: divorced }))).toBeUndefined();
  });

  test("accepts a divorced couple marrying each other again", () => {
    // Nothing in the law bars former spouses from marrying again.
    const exMai = facts({
      marriages: [
        { spouseId: MAI.personalId, registeredOn: "2015-01-01", endedOn: "2020-01-01", endReason: "DIVORCE" },
      ],
    });
    const exHung = facts({
      marriages: [
        { spouseId: HUNG.personalId, registeredOn: "2015-01-01", endedOn: "2020-01-01", endReason: "DIVORCE" },
      ],
    });
    expect(checkMarriage(marriage({ a: HUNG, b: MAI, factsA: exMai, factsB: exHung }))).toBeUndefined();
  });

  test("refuses a person the day before the divorce takes effect", () => {
    // Until the judgment takes effect the first marriage is still in force.
    const divorcing = facts({
      marriages: [
        { spouseId: "001188000017", registeredOn: "2012-01-01", endedOn: "2025-07-02", endReason: "DIVORCE" },
      ],
    });
    expect(checkMarriage(marriage({ a: HUNG, b: MAI, factsA: divorcing }))?.field).toBe("a.personalId");
  });

  test("refuses a parent and child", () => {
    // Art. 5(2)(d): no marriage between relatives in the direct line, when the birth registration shows it.
    const child = facts({ birth: { registeredOn: "2000-01-01", fatherId: HUNG.personalId, motherId: null } });
    const daughter = person("001300000018", "FEMALE", "2000-01-01");
    expect(checkMarriage(marriage({ a: HUNG, b: daughter, factsB: child }))).toEqual({
      field: "b.personalId",
      message: expect.stringContaining("direct line"),
    });
  });

  test("refuses a half-brother and half-sister", () => {
    // Sharing one parent is being related within three generations (art. 5(2)(d)).
    const brother = facts({
      birth: { registeredOn: "1990-04-01", fatherId: "001060000019", motherId: "001162000020" },
    });
    const sister = facts({ birth: { registeredOn: "1992-06-01", fatherId: "001060000019", motherId: "001165000021" } });
    expect(checkMarriage(marriage({ a: HUNG, b: MAI, factsA: brother, factsB: sister }))).toEqual({
      field: "b.personalId",
      message: expect.stringContaining("a parent in common"),
    });
  });

  test("concludes nothing about relatives when the parents are not recorded", () => {
    // Without parents in the birth registrations the officer relies on the parties' declaration.
    const unknown = facts({ birth: { registeredOn: "1990-04-01", fatherId: null, motherId: null } });
    expect(
      checkMarriage(marriage({ a: HUNG, b: MAI, factsA: unknown, factsB: facts({ birth: null }) })),
    ).toBeUndefined();
  });

  test("accepts unrelated parties whose parents are recorded", () => {
    // Different parents on both sides: nothing in the registers bars the marriage.
    const his = facts({ birth: { registeredOn: "1990-04-01", fatherId: "001060000022", motherId: "001162000023" } });
    const hers = facts({ birth: { registeredOn: "1992-06-01", fatherId: "001061000024", motherId: "001163000025" } });
    expect(checkMarriage(marriage({ a: HUNG, b: MAI, factsA: his, factsB: hers }))).toBeUndefined();
  });

  test("refuses a marriage dated tomorrow", () => {
    // A marriage is registered with both parties present, never in advance.
    expect(checkMarriage(marriage({ on: "2025-07-02" }))).toEqual({
      field: "on",
      message: expect.stringContaining("in the future"),
    });
  });

  test("refuses an impossible marriage date", () => {
    // 31 June does not exist.
    expect(checkMarriage(marriage({ on: "2025-06-31" }))?.field).toBe("on");
  });

  test("refuses a party born in the future", () => {
    // The parties' own data are checked before the register facts.
    expect(checkMarriage(marriage({ b: { ...LAN, birthDate: "2025-07-02" } }))?.field).toBe("b.birthDate");
  });

  test("reports the first party's problem before the second's", () => {
    // With both parties under age the officer is told about the first one first.
    const boy = person("001207000026", "MALE", "2007-01-01");
    const girl = person("001310000027", "FEMALE", "2010-01-01");
    expect(checkMarriage(marriage({ a: boy, b: girl }))?.field).toBe("a.birthDate");
  });
});

describe("civil-status > rules > checkMaritalStatusCertificate", () => {
  test("certifies a living person", () => {
    // The usual case: a single person asks for a certificate to marry elsewhere.
    expect(checkMaritalStatusCertificate({ person: MAI, facts: facts(), today: TODAY })).toBeUndefined();
  });

  test("certifies a married person too", () => {
    // The certificate states the status, whatever it is.
    const married = facts({ marriages: [{ spouseId: HUNG.personalId, registeredOn: "2020-01-01" }] });
    expect(checkMaritalStatusCertificate({ person: MAI, facts: married, today: TODAY })).toBeUndefined();
  });

  test("refuses a person registered as dead", () => {
    // A certificate is issued only for a living person.
    const dead = facts({ death: { diedOn: "2025-01-01" } });
    expect(checkMaritalStatusCertificate({ person: MAI, facts: dead, today: TODAY })).toEqual({
      field: "person.personalId",
      message: expect.stringContaining("died on 2025-01-01"),
    });
  });

  test("refuses a person who died today", () => {
    // The day of death counts as dead: the applicant cannot be alive for the whole of it.
    const dead = facts({ death: { diedOn: TODAY } });
    expect(checkMaritalStatusCertificate({ person: MAI, facts: dead, today: TODAY })?.field).toBe("person.personalId");
  });

  test("refuses a person whose birth date is not a date", () => {
    // The person's own data must be sound before anything is certified about them.
    const person = { ...MAI, birthDate: "1992-13-01" };
    expect(checkMaritalStatusCertificate({ person, facts: facts(), today: TODAY })?.field).toBe("person.birthDate");
  });
});

describe("civil-status > rules > checkCorrection", () => {
  test("accepts a correction to a registered record", () => {
    // A misspelt name in a registered birth is corrected (art. 28).
    expect(
      checkCorrection({ person: MAI, facts: facts(), current: "Nguyễn Thi Mai", requested: "Nguyễn Thị Mai" }),
    ).toBeUndefined();
  });

  test("refuses a correction when no birth is registered", () => {
    // There is nothing to correct before the event is registered.
    expect(checkCorrection({ person: MAI, facts: facts({ birth: null }), current: "", requested: "Mai" })).toEqual({
      field: "person.personalId",
      message: expect.stringContaining("No birth registration"),
    });
  });

  test("refuses an empty corrected value", () => {
    // A correction must say what the record should hold.
    expect(checkCorrection({ person: MAI, facts: facts(), current: "Mai", requested: "   " })?.field).toBe("requested");
  });

  test("refuses a value that is already recorded, in any Unicode form", () => {
    // "Thị" typed with a combining dot below is the same name as the NFC form in the register.
    const decomposed = "Nguyễn Thị Mai".normalize("NFD");
    expect(
      checkCorrection({ person: MAI, facts: facts(), current: "Nguyễn Thị Mai", requested: ` ${decomposed} ` }),
    ).toEqual({ field: "requested", message: expect.stringContaining("already says") });
  });
});
