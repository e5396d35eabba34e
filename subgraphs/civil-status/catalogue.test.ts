import { type ProcedureLimit } from "../kit/calendar";
import {
  certificateValidUntil,
  CIVIL_STATUS_PROCEDURES,
  type CivilStatusResult,
  limitFor,
  procedureByCode,
} from "./catalogue";

const SAME_DAY: ProcedureLimit = { kind: "SAME_DAY" };
const workingDays = (days: number): ProcedureLimit => ({ kind: "WORKING_DAYS", days });

describe("civil-status > catalogue > CIVIL_STATUS_PROCEDURES", () => {
  test("lists the six procedures of DESIGN §5 in order", () => {
    // The desk handles exactly these civil-status procedures, in the order the design lists them.
    expect(CIVIL_STATUS_PROCEDURES.map((procedure) => procedure.code)).toEqual([
      "1.001193",
      "1.000894",
      "1.000656",
      "1.004873",
      "2.000635",
      "1.004859",
    ]);
  });

  test.each<[string, string, ProcedureLimit, ProcedureLimit | undefined, CivilStatusResult]>([
    ["1.001193", "Đăng ký khai sinh", SAME_DAY, undefined, "BIRTH_CERTIFICATE"],
    ["1.000894", "Đăng ký kết hôn", SAME_DAY, workingDays(5), "MARRIAGE_CERTIFICATE"],
    ["1.000656", "Đăng ký khai tử", SAME_DAY, workingDays(5), "DEATH_CERTIFICATE"],
    ["1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", workingDays(3), undefined, "MARITAL_STATUS_CERTIFICATE"],
    ["2.000635", "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh", SAME_DAY, undefined, "EXTRACT_COPY"],
    [
      "1.004859",
      "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc",
      workingDays(3),
      workingDays(6),
      "CORRECTION",
    ],
  ])("%s (%s) has its statutory limits and result", (code, nameVi, limit, withVerification, result) => {
    // Each procedure carries the limits the law sets for it and the kind of paper it issues.
    const procedure = procedureByCode(code);
    expect(procedure).toBeDefined();
    expect(procedure?.nameVi).toBe(nameVi);
    expect(procedure?.limit).toEqual(limit);
    expect(procedure?.limitWithVerification).toEqual(withVerification);
    expect(procedure?.result).toBe(result);
  });

  test("gives every procedure a unique code, both names and a legal basis", () => {
    // A catalogue entry without a name or a legal source cannot be shown to a citizen or defended in review.
    expect(new Set(CIVIL_STATUS_PROCEDURES.map((procedure) => procedure.code)).size).toBe(
      CIVIL_STATUS_PROCEDURES.length,
    );
    for (const procedure of CIVIL_STATUS_PROCEDURES) {
      expect(procedure.code).toMatch(/^[12]\.\d{6}$/);
      expect(procedure.nameVi.trim()).not.toBe("");
      expect(procedure.nameEn.trim()).not.toBe("");
      expect(procedure.legalBasis.length).toBeGreaterThan(0);
      for (const basis of procedure.legalBasis) expect(basis.trim()).not.toBe("");
      if (procedure.note !== undefined) expect(procedure.note.trim()).not.toBe("");
    }
  });

  test("cites the Law on Civil Status or its decree for every procedure", () => {
    // Every civil-status procedure rests on the 2014 law or on Decree 123/2015 implementing it.
    for (const procedure of CIVIL_STATUS_PROCEDURES) {
      expect(procedure.legalBasis.join(" ")).toMatch(/Luật Hộ tịch 2014|Nghị định 123\/2015\/NĐ-CP/);
    }
  });

  test("stores Vietnamese names in NFC", () => {
    // Names are compared and displayed in NFC across the hub.
    for (const procedure of CIVIL_STATUS_PROCEDURES) expect(procedure.nameVi).toBe(procedure.nameVi.normalize("NFC"));
  });

  test("only lengthens a limit for verification, never shortens it", () => {
    // The verification limit is an extension the law grants, so it is a number of working days beyond same day.
    for (const procedure of CIVIL_STATUS_PROCEDURES) {
      const extended = procedure.limitWithVerification;
      if (!extended) continue;
      expect(extended.kind).toBe("WORKING_DAYS");
      if (procedure.limit.kind === "WORKING_DAYS" && extended.kind === "WORKING_DAYS") {
        expect(extended.days).toBeGreaterThan(procedure.limit.days);
      }
    }
  });

  test("uses working days or same day only, never calendar days", () => {
    // The civil-status procedures are all set in working days; calendar days belong to construction permits.
    for (const procedure of CIVIL_STATUS_PROCEDURES) {
      expect(procedure.limit.kind).not.toBe("CALENDAR_DAYS");
    }
  });

  test("cannot be modified at run time", () => {
    // A shared table of statutory limits must not drift because one caller wrote into it.
    expect(Object.isFrozen(CIVIL_STATUS_PROCEDURES)).toBe(true);
    for (const procedure of CIVIL_STATUS_PROCEDURES) {
      expect(Object.isFrozen(procedure)).toBe(true);
      expect(Object.isFrozen(procedure.legalBasis)).toBe(true);
      expect(Object.isFrozen(procedure.limit)).toBe(true);
    }
  });
});

describe("civil-status > catalogue > procedureByCode", () => {
  test("finds a procedure by its national code", () => {
    // The dossier stores the national code; the subgraph looks the procedure up by it.
    expect(procedureByCode("1.000894")?.nameEn).toBe("Marriage registration");
  });

  test.each(["", "1.001776", "1.00119", "1.0011930", " 1.001193", "1.001193 ", "HT"])(
    "returns undefined for %j",
    (code) => {
      // Codes of other fields, near misses and padded codes are not civil-status procedures of this desk.
      expect(procedureByCode(code)).toBeUndefined();
    },
  );
});

describe("civil-status > catalogue > limitFor", () => {
  test("gives the ordinary limit when nothing needs verifying", () => {
    // A complete marriage dossier is settled the same day.
    expect(limitFor(procedureByCode("1.000894")!, { verificationNeeded: false })).toEqual(SAME_DAY);
  });

  test("gives 5 working days for a marriage that needs verification", () => {
    // Law on Civil Status 2014, art. 18(2): verifying the conditions of marriage may take up to 5 working days.
    expect(limitFor(procedureByCode("1.000894")!, { verificationNeeded: true })).toEqual(workingDays(5));
  });

  test("gives 3 working days for a death that needs verification", () => {
    // A death registration that needs checking may take up to 3 working days.
    expect(limitFor(procedureByCode("1.000656")!, { verificationNeeded: true })).toEqual(workingDays(5));
  });

  test("gives 3 plus 3 working days for a correction that needs verification", () => {
    // Art. 28(2): the 3 working days are extended by at most 3 more when verification is needed.
    expect(limitFor(procedureByCode("1.004859")!, { verificationNeeded: true })).toEqual(workingDays(6));
    // Completing missing information alone: 1 working day (art. 29; national record case .01).
    expect(limitFor(procedureByCode("1.004859")!, { verificationNeeded: false, completionOnly: true })).toEqual(
      workingDays(1),
    );
    // Other procedures have no shorter completion limit.
    expect(limitFor(procedureByCode("1.004873")!, { verificationNeeded: false, completionOnly: true })).toEqual(
      workingDays(3),
    );
  });

  test.each(["1.001193", "1.004873", "2.000635"])(
    "keeps the ordinary limit of %s even when verification is needed",
    (code) => {
      // Where the law grants no extension, the officer verifies within the ordinary limit.
      const procedure = procedureByCode(code)!;
      expect(limitFor(procedure, { verificationNeeded: true })).toEqual(procedure.limit);
      expect(limitFor(procedure, { verificationNeeded: false })).toEqual(procedure.limit);
    },
  );
});

describe("civil-status > catalogue > certificateValidUntil", () => {
  it.each([
    ["2026-07-01", "2027-01-01"],
    ["2026-08-31", "2027-02-28"],
    ["2027-08-31", "2028-02-29"],
    ["2026-02-28", "2026-08-28"],
    ["2026-12-15", "2027-06-15"],
  ])(
    "a certificate issued on %s is valid until %s (six months, Decree 123/2015 art. 23; Civil Code art. 147–148)",
    (issued, until) => {
      expect(certificateValidUntil(issued)).toBe(until);
    },
  );
});
