import { BIRTH_PROVINCES, centuryGenderDigit, parsePersonalId, personalIdMismatch } from "./personal-id";

/** A fixed "today" so that the future-year rule does not depend on when the tests run. */
const TODAY = new Date("2026-07-01T00:00:00Z");

describe("kit > personal-id > BIRTH_PROVINCES", () => {
  test("lists exactly the 63 pre-2025 province codes", () => {
    // The table is the closed list of codes a birth could have been registered under before the 2025 reform.
    const codes = Object.keys(BIRTH_PROVINCES);
    expect(codes).toHaveLength(63);
    expect(new Set(Object.values(BIRTH_PROVINCES)).size).toBe(63);
    for (const code of codes) expect(code).toMatch(/^0[0-9]{2}$/);
    expect([...codes].sort()).toEqual(codes);
  });

  test("names the well-known anchors", () => {
    // A desk officer reading a rejection expects the familiar names behind the codes.
    expect(BIRTH_PROVINCES["001"]).toBe("Hà Nội");
    expect(BIRTH_PROVINCES["002"]).toBe("Hà Giang");
    expect(BIRTH_PROVINCES["004"]).toBe("Cao Bằng");
    expect(BIRTH_PROVINCES["031"]).toBe("Hải Phòng");
    expect(BIRTH_PROVINCES["048"]).toBe("Đà Nẵng");
    expect(BIRTH_PROVINCES["079"]).toBe("Hồ Chí Minh");
    expect(BIRTH_PROVINCES["096"]).toBe("Cà Mau");
  });

  test("stores every name in NFC", () => {
    // Names are compared and displayed in NFC across the hub.
    for (const name of Object.values(BIRTH_PROVINCES)) expect(name).toBe(name.normalize("NFC"));
  });

  test("leaves out the gaps in the numbering", () => {
    // The old province codes skip numbers (003, 005, …); those never start a valid ID.
    for (const code of ["000", "003", "005", "007", "009", "013", "097", "098", "099", "100"]) {
      expect(BIRTH_PROVINCES[code]).toBeUndefined();
    }
  });

  test("cannot be modified at run time", () => {
    // A shared table of legal codes must not drift because one caller wrote into it.
    expect(Object.isFrozen(BIRTH_PROVINCES)).toBe(true);
  });
});

describe("kit > personal-id > parsePersonalId", () => {
  test("reads a Hà Nội man born in 1991", () => {
    // The first three digits name the birth province, the 4th the century and gender, the next two the year.
    expect(parsePersonalId("001091123456", TODAY)).toEqual({
      ok: true,
      provinceCode: "001",
      gender: "MALE",
      birthYear: 1991,
    });
  });

  test("reads a Cà Mau woman born in 2004", () => {
    // Digit 3 means a woman born in the 2000s.
    expect(parsePersonalId("096304000001", TODAY)).toEqual({
      ok: true,
      provinceCode: "096",
      gender: "FEMALE",
      birthYear: 2004,
    });
  });

  test.each([
    ["0", "MALE", 1900],
    ["1", "FEMALE", 1900],
    ["2", "MALE", 2000],
    ["3", "FEMALE", 2000],
  ])("maps century/gender digit %s to %s born from %i", (digit, gender, firstYear) => {
    // Each pair of digits covers one century, even for men and odd for women.
    const parsed = parsePersonalId(`001${digit}00000000`, TODAY);
    expect(parsed).toEqual({ ok: true, provinceCode: "001", gender, birthYear: firstYear });
  });

  test.each([
    ["4", "MALE", 2100],
    ["5", "FEMALE", 2100],
    ["6", "MALE", 2200],
    ["7", "FEMALE", 2200],
    ["8", "MALE", 2300],
    ["9", "FEMALE", 2300],
  ])("maps century/gender digit %s to %s born from %i once that year has come", (digit, gender, firstYear) => {
    // Later centuries are part of the scheme; they are only rejected while they lie in the future.
    const farFuture = new Date(Date.UTC(2400, 0, 1));
    expect(parsePersonalId(`001${digit}00000000`, farFuture)).toEqual({
      ok: true,
      provinceCode: "001",
      gender,
      birthYear: firstYear,
    });
  });

  test("covers both ends of a century", () => {
    // Year digits 00 and 99 are the first and last years of the century the 4th digit names.
    expect(parsePersonalId("001000000000", TODAY)).toMatchObject({ ok: true, birthYear: 1900 });
    expect(parsePersonalId("001199999999", TODAY)).toMatchObject({ ok: true, birthYear: 1999, gender: "FEMALE" });
    expect(parsePersonalId("001200000000", TODAY)).toMatchObject({ ok: true, birthYear: 2000, gender: "MALE" });
  });

  test("accepts every one of the 63 province codes", () => {
    // Any pre-2025 province may have registered the birth, whatever the person's residence today.
    for (const code of Object.keys(BIRTH_PROVINCES)) {
      expect(parsePersonalId(`${code}085000123`, TODAY)).toMatchObject({ ok: true, provinceCode: code });
    }
  });

  test("rejects every three-digit prefix outside the table", () => {
    // 937 of the 1,000 possible prefixes are not province codes and must be refused.
    let rejected = 0;
    for (let n = 0; n < 1000; n += 1) {
      const code = String(n).padStart(3, "0");
      const parsed = parsePersonalId(`${code}085000123`, TODAY);
      if (code in BIRTH_PROVINCES) continue;
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toContain(`starts with ${code}, which is not a province code`);
      rejected += 1;
    }
    expect(rejected).toBe(937);
  });

  test("accepts a birth this year and rejects one next year", () => {
    // A birth year after today's year cannot be real.
    expect(parsePersonalId("001226000001", TODAY)).toMatchObject({ ok: true, birthYear: 2026 });
    const next = parsePersonalId("001227000001", TODAY);
    expect(next).toEqual({
      ok: false,
      reason:
        "The personal identification number encodes the birth year 2027, which is in the future; check the 4th to 6th digits.",
    });
  });

  test("rejects the next century while it is in the future", () => {
    // Digits 4–9 are valid in form but name years that have not come yet.
    for (const digit of ["4", "5", "6", "7", "8", "9"]) {
      const parsed = parsePersonalId(`001${digit}00000001`, TODAY);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toMatch(/is in the future/);
    }
  });

  test("judges the future by the UTC calendar year of today", () => {
    // The last second of 2026 still rejects 2027; the first second of 2027 accepts it.
    expect(parsePersonalId("001227000001", new Date("2026-12-31T23:59:59Z")).ok).toBe(false);
    expect(parsePersonalId("001227000001", new Date("2027-01-01T00:00:00Z")).ok).toBe(true);
  });

  test("uses the current date when no today is given", () => {
    // A number born in 1990 is always in the past; one born in 2399 always in the future.
    expect(parsePersonalId("001090000001").ok).toBe(true);
    expect(parsePersonalId("001999000001").ok).toBe(false);
  });

  test.each([
    ["", "The personal identification number is empty; it must have exactly 12 digits."],
    ["00109112345", "The personal identification number must have exactly 12 digits; this one has 11."],
    ["0010911234567", "The personal identification number must have exactly 12 digits; this one has 13."],
    ["1", "The personal identification number must have exactly 12 digits; this one has 1."],
  ])("rejects %j for its length", (id, reason) => {
    // Anything but exactly 12 digits is refused with the count the officer typed.
    expect(parsePersonalId(id, TODAY)).toEqual({ ok: false, reason });
  });

  test.each([
    ["001 091 123 456"],
    [" 001091123456"],
    ["001091123456 "],
    ["00109112345a"],
    ["001-091-123456"],
    ["-01091123456"],
    ["00109112345.6"],
    ["１２３４５６７８９０１２"],
    ["٠٠١٠٩١١٢٣٤٥٦"],
  ])("rejects %j because it holds something other than ASCII digits", (id) => {
    // Spaces, letters, punctuation and non-ASCII digits are not part of the number.
    expect(parsePersonalId(id, TODAY)).toEqual({
      ok: false,
      reason: "The personal identification number must contain digits only (no spaces, letters or punctuation).",
    });
  });

  test("refuses a value that is not a string at all", () => {
    // Untyped callers (JSON, scripts) may hand over null or a number.
    expect(parsePersonalId(null as unknown as string, TODAY).ok).toBe(false);
    expect(parsePersonalId(1091123456 as unknown as string, TODAY).ok).toBe(false);
  });

  test("gives reasons a desk officer can act on", () => {
    // Every rejection is one English sentence that says what is wrong.
    for (const id of ["", "12", "abcdefghijkl", "003091123456", "001999123456"]) {
      const parsed = parsePersonalId(id, TODAY);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toMatch(/^The personal identification number .+\.$/);
    }
  });
});

describe("kit > personal-id > centuryGenderDigit", () => {
  test("round-trips every birth year from 1900 to 2399 for both genders", () => {
    // The digit a generator writes must read back as the same gender and year.
    const farFuture = new Date(Date.UTC(2400, 0, 1));
    for (let year = 1900; year <= 2399; year += 1) {
      for (const gender of ["MALE", "FEMALE"] as const) {
        const id = `001${centuryGenderDigit(year, gender)}${String(year % 100).padStart(2, "0")}000000`;
        expect(parsePersonalId(id, farFuture)).toEqual({ ok: true, provinceCode: "001", gender, birthYear: year });
      }
    }
  });

  test("refuses years the scheme cannot encode", () => {
    // Births before 1900 or after 2399, and fractional years, have no digit.
    expect(() => centuryGenderDigit(1899, "MALE")).toThrow(RangeError);
    expect(() => centuryGenderDigit(2400, "FEMALE")).toThrow(RangeError);
    expect(() => centuryGenderDigit(1990.5, "MALE")).toThrow(RangeError);
  });
});

describe("kit > personal-id > personalIdMismatch", () => {
  test("accepts an ID that agrees with gender and birth year", () => {
    // A man born on 3 March 1991 in Hà Nội holds 001091…
    expect(personalIdMismatch("001091123456", "MALE", "1991-03-03", TODAY)).toBeUndefined();
    expect(personalIdMismatch("096304000001", "FEMALE", "2004-12-31", TODAY)).toBeUndefined();
  });

  test("rejects an ID of the other gender", () => {
    // A woman cannot hold an ID whose 4th digit is even.
    expect(personalIdMismatch("001091123456", "FEMALE", "1991-03-03", TODAY)).toBe(
      "The personal identification number does not match the person: it is the number of a male person, but the gender given is female.",
    );
    expect(personalIdMismatch("001191123456", "MALE", "1991-03-03", TODAY)).toBe(
      "The personal identification number does not match the person: it is the number of a female person, but the gender given is male.",
    );
  });

  test("rejects an ID of another birth year", () => {
    // The year digits must equal the year of the birth date.
    expect(personalIdMismatch("001091123456", "MALE", "1992-01-01", TODAY)).toBe(
      "The personal identification number does not match the person: it encodes the birth year 1991, but the birth date given is in 1992.",
    );
  });

  test("rejects an ID of the right two year digits in the wrong century", () => {
    // 1905 and 2005 share the digits 05; only the century digit tells them apart.
    expect(personalIdMismatch("001005123456", "MALE", "2005-06-01", TODAY)).toMatch(/birth year 1905/);
    expect(personalIdMismatch("001205123456", "MALE", "1905-06-01", TODAY)).toMatch(/birth year 2005/);
  });

  test("distinguishes the last day of 1999 from the first of 2000", () => {
    // The century boundary falls between 31 December 1999 and 1 January 2000.
    expect(personalIdMismatch("001099000001", "MALE", "1999-12-31", TODAY)).toBeUndefined();
    expect(personalIdMismatch("001099000001", "MALE", "2000-01-01", TODAY)).toMatch(/birth year 1999/);
    expect(personalIdMismatch("001200000001", "MALE", "2000-01-01", TODAY)).toBeUndefined();
  });

  test("names both problems when gender and year disagree", () => {
    // The officer sees every reason at once instead of fixing one and hitting the next.
    expect(personalIdMismatch("001091123456", "FEMALE", "1990-01-01", TODAY)).toBe(
      "The personal identification number does not match the person: it is the number of a male person, but the gender given is female; and it encodes the birth year 1991, but the birth date given is in 1990.",
    );
  });

  test("reports a malformed ID by its own reason", () => {
    // A number that cannot be read at all cannot match anyone.
    expect(personalIdMismatch("12345", "MALE", "1991-03-03", TODAY)).toBe(
      "The personal identification number must have exactly 12 digits; this one has 5.",
    );
    expect(personalIdMismatch("003091123456", "MALE", "1991-03-03", TODAY)).toMatch(/not a province code/);
    expect(personalIdMismatch("001227000001", "MALE", "2027-01-01", TODAY)).toMatch(/in the future/);
  });

  test("reports a birth date that is not YYYY-MM-DD", () => {
    // Only ISO calendar dates carry a year the check can compare.
    for (const date of ["1991-3-3", "03/03/1991", "", "1991-03-03T00:00:00Z"]) {
      expect(personalIdMismatch("001091123456", "MALE", date, TODAY)).toBe(
        `The birth date ${date} is not a date in the form YYYY-MM-DD.`,
      );
    }
  });
});
