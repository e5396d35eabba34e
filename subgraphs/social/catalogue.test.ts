import { type ProcedureLimit } from "../kit/calendar";
import { limitFor, procedureByCode, SOCIAL_PROCEDURES, type SocialProcedure, type SocialResult } from "./catalogue";

const workingDays = (days: number): ProcedureLimit => ({ kind: "WORKING_DAYS", days });
const calendarDays = (days: number): ProcedureLimit => ({ kind: "CALENDAR_DAYS", days });

const procedure = (code: string): SocialProcedure => {
  const found = procedureByCode(code);
  if (!found) throw new Error(`missing procedure ${code}`);
  return found;
};

/** An instant at a Vietnam-local date and time (UTC+7). */
const vietnam = (date: string, time = "09:00"): Date => new Date(`${date}T${time}:00+07:00`);

describe("social > catalogue > SOCIAL_PROCEDURES", () => {
  test("lists the seven social procedures of the commune desk in order", () => {
    // §B4: allowance, pension, two funeral supports, two disability certificates, poverty recognition.
    expect(SOCIAL_PROCEDURES.map((entry) => entry.code)).toEqual([
      "1.001776",
      "1.014027",
      "1.014028",
      "1.001731",
      "1.001699",
      "1.001653",
      "1.011607",
    ]);
  });

  test.each<[string, string, ProcedureLimit, SocialResult, SocialProcedure["confidence"]]>([
    [
      "1.001776",
      "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng",
      workingDays(10),
      "ALLOWANCE_DECISION",
      "medium",
    ],
    [
      "1.014027",
      "Thực hiện, điều chỉnh, thôi hưởng trợ cấp hưu trí xã hội",
      workingDays(10),
      "PENSION_DECISION",
      "high",
    ],
    [
      "1.014028",
      "Hỗ trợ chi phí mai táng đối với đối tượng hưởng trợ cấp hưu trí xã hội",
      workingDays(3),
      "FUNERAL_SUPPORT",
      "medium",
    ],
    ["1.001731", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", workingDays(3), "FUNERAL_SUPPORT", "low"],
    [
      "1.001699",
      "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật",
      workingDays(25),
      "DISABILITY_CERTIFICATE",
      "medium",
    ],
    ["1.001653", "Đổi, cấp lại Giấy xác nhận khuyết tật", workingDays(5), "DISABILITY_CERTIFICATE_REISSUE", "medium"],
    [
      "1.011607",
      "Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm",
      calendarDays(15),
      "POVERTY_RECOGNITION",
      "medium",
    ],
  ])("%s (%s) has its limit, result and confidence", (code, nameVi, limit, result, confidence) => {
    // Each procedure carries the limit of §B4 and how sure the research is of it.
    const entry = procedure(code);
    expect(entry.nameVi).toBe(nameVi);
    expect(entry.limit).toEqual(limit);
    expect(entry.result).toBe(result);
    expect(entry.confidence).toBe(confidence);
  });

  test("gives every procedure a unique code, both names and a legal basis, in NFC", () => {
    // An entry without a name or a legal source cannot be shown to a citizen or defended in review.
    expect(new Set(SOCIAL_PROCEDURES.map((entry) => entry.code)).size).toBe(SOCIAL_PROCEDURES.length);
    for (const entry of SOCIAL_PROCEDURES) {
      expect(entry.code).toMatch(/^1\.\d{6}$/);
      expect(entry.nameVi.trim()).not.toBe("");
      expect(entry.nameVi).toBe(entry.nameVi.normalize("NFC"));
      expect(entry.nameEn.trim()).not.toBe("");
      expect(entry.legalBasis.length).toBeGreaterThan(0);
      for (const basis of entry.legalBasis) {
        expect(basis.trim()).not.toBe("");
        expect(basis).toBe(basis.normalize("NFC"));
      }
      if (entry.note !== undefined) expect(entry.note).toBe(entry.note.normalize("NFC"));
    }
  });

  test("says plainly that the 1.001731 limit is unconfirmed, and why 3 working days", () => {
    // §B4: not confirmed after 1 Jul 2025; 3 wd by analogy with 1.014028, the conservative choice.
    const note = procedure("1.001731").note ?? "";
    expect(note).toMatch(/Unconfirmed/);
    expect(note).toMatch(/conservative/);
    expect(note).toContain("1.014028");
    expect(note).toMatch(/Low confidence/);
  });

  test("gives the review cycle to poverty recognition only", () => {
    // QĐ 967/QĐ-BNNMT: monthly reviews from the 15th, 15 days from the start.
    expect(SOCIAL_PROCEDURES.filter((entry) => entry.reviewCycle).map((entry) => entry.code)).toEqual(["1.011607"]);
    expect(procedure("1.011607").reviewCycle).toEqual({ dayOfMonth: 15, daysFromReviewStart: 15 });
  });

  test("cannot be modified at run time", () => {
    // A shared table of statutory limits must not drift because one caller wrote into it.
    expect(Object.isFrozen(SOCIAL_PROCEDURES)).toBe(true);
    for (const entry of SOCIAL_PROCEDURES) {
      expect(Object.isFrozen(entry)).toBe(true);
      expect(Object.isFrozen(entry.legalBasis)).toBe(true);
      expect(Object.isFrozen(entry.limit)).toBe(true);
      if (entry.reviewCycle) expect(Object.isFrozen(entry.reviewCycle)).toBe(true);
    }
  });
});

describe("social > catalogue > procedureByCode", () => {
  test("finds a procedure by its national code", () => {
    // The dossier stores the national code.
    expect(procedureByCode("1.014027")?.result).toBe("PENSION_DECISION");
  });

  test.each(["", "1.011608", "1.013978", " 1.001776", "1.00177"])("returns undefined for %j", (code) => {
    // Procedures not in the catalogue, other fields' codes and near misses are not found.
    expect(procedureByCode(code)).toBeUndefined();
  });
});

describe("social > catalogue > limitFor", () => {
  const poverty = () => procedure("1.011607");

  test("gives 5 + 15 = 20 calendar days for a dossier accepted on 10 March", () => {
    // The review starts on 15 March and decides within 15 days.
    expect(limitFor(poverty(), vietnam("2026-03-10"))).toEqual(calendarDays(20));
  });

  test("gives 26 + 15 = 41 calendar days for a dossier accepted on 20 March", () => {
    // After the 15th the dossier waits for the review of 15 April.
    expect(limitFor(poverty(), vietnam("2026-03-20"))).toEqual(calendarDays(41));
  });

  test("counts a dossier accepted on the 15th into that day's review", () => {
    // On the 15th: 0 days to wait, 15 to decide.
    expect(limitFor(poverty(), vietnam("2026-03-15", "16:59"))).toEqual(calendarDays(15));
  });

  test("takes the date in Vietnam, not in UTC", () => {
    // 18:00 UTC on 15 March is 01:00 on 16 March in Vietnam: the next review, 15 April (30 + 15).
    expect(limitFor(poverty(), new Date("2026-03-15T18:00:00Z"))).toEqual(calendarDays(45));
    // 16:59 UTC on 14 March is 23:59 on the 14th in Vietnam: tomorrow's review (1 + 15).
    expect(limitFor(poverty(), new Date("2026-03-14T16:59:00Z"))).toEqual(calendarDays(16));
  });

  test.each<[string, number]>([
    ["2026-12-20", 26 + 15], // to 15 January 2027
    ["2026-01-31", 15 + 15], // to 15 February
    ["2026-02-16", 27 + 15], // to 15 March, February having 28 days
    ["2028-02-16", 28 + 15], // in a leap year
    ["2026-03-01", 14 + 15],
  ])("accepted on %s gives %d calendar days", (date, days) => {
    // Month and year ends and February.
    expect(limitFor(poverty(), vietnam(date))).toEqual(calendarDays(days));
  });

  test("gives every other procedure its own limit", () => {
    // Only poverty recognition waits for a review.
    for (const entry of SOCIAL_PROCEDURES) {
      if (entry.reviewCycle) continue;
      expect(limitFor(entry, vietnam("2026-03-20"))).toBe(entry.limit);
    }
  });

  test("returns a limit that cannot be modified", () => {
    // The returned limit may be shared; writing into it must not change later due dates.
    expect(Object.isFrozen(limitFor(poverty(), vietnam("2026-03-20")))).toBe(true);
  });

  test("throws on an invalid date", () => {
    // The acceptance time comes from the workflow; an invalid one is a programming error.
    expect(() => limitFor(poverty(), new Date(Number.NaN))).toThrow(RangeError);
  });
});
