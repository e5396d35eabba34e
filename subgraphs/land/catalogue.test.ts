import { type ProcedureLimit } from "../kit/calendar";
import { LAND_PROCEDURES, type LandProcedure, type LandResult, limitFor, procedureByCode } from "./catalogue";

const workingDays = (days: number): ProcedureLimit => ({ kind: "WORKING_DAYS", days });
const calendarDays = (days: number): ProcedureLimit => ({ kind: "CALENDAR_DAYS", days });

const procedure = (code: string): LandProcedure => {
  const found = procedureByCode(code);
  if (!found) throw new Error(`missing procedure ${code}`);
  return found;
};

const PERMIT_CODES = ["1.013225", "1.013226", "1.013227", "1.013228"];

describe("land > catalogue > LAND_PROCEDURES", () => {
  test("lists the eleven land and construction procedures of DESIGN §5 in order", () => {
    // The land desk handles exactly these procedures, in the order the design lists them.
    expect(LAND_PROCEDURES.map((entry) => entry.code)).toEqual([
      "1.013978",
      "1.013831",
      "1.012784",
      "1.012783",
      "1.012786",
      "1.013949",
      "1.013967",
      "1.013225",
      "1.013226",
      "1.013227",
      "1.013228",
    ]);
  });

  test.each<[string, string, ProcedureLimit, LandResult]>([
    [
      "1.013978",
      "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận lần đầu",
      workingDays(20),
      "FIRST_CERTIFICATE",
    ],
    [
      "1.013831",
      "Đăng ký biến động do chuyển nhượng, thừa kế, tặng cho, góp vốn bằng quyền sử dụng đất",
      workingDays(8),
      "TRANSFER_REGISTRATION",
    ],
    ["1.012784", "Tách thửa hoặc hợp thửa đất", workingDays(12), "SPLIT_OR_MERGE"],
    ["1.012783", "Cấp đổi Giấy chứng nhận", workingDays(5), "CERTIFICATE_EXCHANGE"],
    ["1.012786", "Cấp lại Giấy chứng nhận do bị mất", workingDays(10), "CERTIFICATE_REISSUE"],
    [
      "1.013949",
      "Giao đất, cho thuê đất, chuyển mục đích sử dụng đất (không đấu giá)",
      calendarDays(15),
      "LAND_DECISION",
    ],
    [
      "1.013967",
      "Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp xã",
      calendarDays(45),
      "DISPUTE_DECISION",
    ],
    [
      "1.013225",
      "Cấp giấy phép xây dựng mới (công trình cấp III, cấp IV, nhà ở riêng lẻ)",
      workingDays(7),
      "CONSTRUCTION_PERMIT",
    ],
    ["1.013226", "Điều chỉnh giấy phép xây dựng", workingDays(7), "PERMIT_ADJUSTMENT"],
    ["1.013227", "Gia hạn giấy phép xây dựng", workingDays(5), "PERMIT_EXTENSION"],
    ["1.013228", "Cấp lại giấy phép xây dựng", workingDays(5), "PERMIT_REISSUE"],
  ])("%s (%s) has its statutory limit and result", (code, nameVi, limit, result) => {
    // Each procedure carries the national maximum limit and the kind of result it issues.
    const entry = procedure(code);
    expect(entry.nameVi).toBe(nameVi);
    expect(entry.limit).toEqual(limit);
    expect(entry.result).toBe(result);
  });

  test("gives every procedure a unique code, both names and a legal basis", () => {
    // An entry without a name or a legal source cannot be shown to a citizen or defended in review.
    expect(new Set(LAND_PROCEDURES.map((entry) => entry.code)).size).toBe(LAND_PROCEDURES.length);
    for (const entry of LAND_PROCEDURES) {
      expect(entry.code).toMatch(/^1\.\d{6}$/);
      expect(entry.nameVi.trim()).not.toBe("");
      expect(entry.nameEn.trim()).not.toBe("");
      expect(entry.legalBasis.length).toBeGreaterThan(0);
      for (const basis of entry.legalBasis) expect(basis.trim()).not.toBe("");
      if (entry.note !== undefined) expect(entry.note.trim()).not.toBe("");
    }
  });

  test("gives every procedure a distinct result", () => {
    // The result kind tells the subgraph what to issue, so two procedures never share one.
    expect(new Set(LAND_PROCEDURES.map((entry) => entry.result)).size).toBe(LAND_PROCEDURES.length);
  });

  test("cites NĐ 151/2025 for the land procedures and NĐ 217/2026 for the permits", () => {
    // Land time limits come from NĐ 151/2025 (or the provincial records citing it); permits from NĐ 217/2026.
    for (const entry of LAND_PROCEDURES) {
      const basis = entry.legalBasis.join(" ");
      if (PERMIT_CODES.includes(entry.code)) expect(basis).toMatch(/Nghị định 217\/2026\/NĐ-CP, art\. 54/);
      else expect(basis).toMatch(/Nghị định 151\/2025\/NĐ-CP|Provincial procedure records/);
    }
  });

  test("stores Vietnamese names, cases and sources in NFC", () => {
    // Names are compared and displayed in NFC across the hub.
    for (const entry of LAND_PROCEDURES) {
      expect(entry.nameVi).toBe(entry.nameVi.normalize("NFC"));
      for (const basis of entry.legalBasis) expect(basis).toBe(basis.normalize("NFC"));
      if (entry.note) expect(entry.note).toBe(entry.note.normalize("NFC"));
      for (const entryCase of entry.limitsByCase ?? []) {
        expect(entryCase.descriptionVi).toBe(entryCase.descriptionVi.normalize("NFC"));
      }
    }
  });

  test("counts the dispute and the allocation in calendar days, everything else in working days", () => {
    // "Không quá 45 ngày" for disputes is days; "15 ngày" for allocation is read as days; no land limit is same-day.
    const calendar = LAND_PROCEDURES.filter((entry) => entry.limit.kind === "CALENDAR_DAYS").map((entry) => entry.code);
    expect(calendar).toEqual(["1.013949", "1.013967"]);
    for (const entry of LAND_PROCEDURES) expect(entry.limit.kind).not.toBe("SAME_DAY");
  });

  test("says in its note that the allocation limit's unit is uncertain and why calendar days were chosen", () => {
    // Low confidence must be visible to a reviewer: the records say "15 ngày" without the unit.
    const note = procedure("1.013949").note ?? "";
    expect(note).toMatch(/Low/);
    expect(note).toContain("15 ngày");
    expect(note).toMatch(/conservative/);
    expect(note).toMatch(/calendar days/);
  });

  test("gives the difficult-area extra to land procedures only, in the unit of their limit", () => {
    // NĐ 151/2025: +10 working days for land procedures, +10 days for disputes; permits have no such extra.
    for (const entry of LAND_PROCEDURES) {
      if (PERMIT_CODES.includes(entry.code)) {
        expect(entry.difficultAreaExtra).toBeUndefined();
        continue;
      }
      expect(entry.difficultAreaExtra?.days).toBe(10);
      expect(entry.difficultAreaExtra?.kind).toBe(entry.limit.kind);
    }
    expect(procedure("1.013967").difficultAreaExtra).toEqual({ kind: "CALENDAR_DAYS", days: 10 });
    expect(procedure("1.013978").difficultAreaExtra).toEqual({ kind: "WORKING_DAYS", days: 10 });
  });

  test.each<[string, [string, ProcedureLimit][]]>([
    [
      "1.013225",
      [
        ["INDIVIDUAL_HOUSE", workingDays(7)],
        ["OTHER_WORKS", workingDays(10)],
      ],
    ],
    [
      "1.013226",
      [
        ["INDIVIDUAL_HOUSE", workingDays(7)],
        ["OTHER_WORKS", workingDays(9)],
      ],
    ],
    [
      "1.012783",
      [
        ["CASES_A_TO_G", workingDays(5)],
        ["CASE_H", workingDays(10)],
      ],
    ],
  ])("%s has a limit per case", (code, cases) => {
    // NĐ 217/2026 art. 54 and the exchange record set different limits per kind of work or case.
    expect(procedure(code).limitsByCase?.map((entry) => [entry.key, entry.limit])).toEqual(cases);
  });

  test("takes the shortest case's limit as the limit of a procedure with cases", () => {
    // Without a case the due date must never be later than the law allows in any case.
    for (const entry of LAND_PROCEDURES) {
      if (!entry.limitsByCase) continue;
      const days = entry.limitsByCase.map((entryCase) =>
        entryCase.limit.kind === "SAME_DAY" ? 0 : entryCase.limit.days,
      );
      expect(entry.limit.kind === "SAME_DAY" ? 0 : entry.limit.days).toBe(Math.min(...days));
      expect(entry.limitsByCase.some((entryCase) => entryCase.limit.kind === entry.limit.kind)).toBe(true);
    }
  });

  test("has cases only where the limit depends on one", () => {
    // The other procedures have a single limit.
    const withCases = LAND_PROCEDURES.filter((entry) => entry.limitsByCase).map((entry) => entry.code);
    expect(withCases).toEqual(["1.012783", "1.013225", "1.013226"]);
  });

  test("cannot be modified at run time", () => {
    // A shared table of statutory limits must not drift because one caller wrote into it.
    expect(Object.isFrozen(LAND_PROCEDURES)).toBe(true);
    for (const entry of LAND_PROCEDURES) {
      expect(Object.isFrozen(entry)).toBe(true);
      expect(Object.isFrozen(entry.legalBasis)).toBe(true);
      expect(Object.isFrozen(entry.limit)).toBe(true);
      if (entry.difficultAreaExtra) expect(Object.isFrozen(entry.difficultAreaExtra)).toBe(true);
      if (entry.limitsByCase) {
        expect(Object.isFrozen(entry.limitsByCase)).toBe(true);
        for (const entryCase of entry.limitsByCase) {
          expect(Object.isFrozen(entryCase)).toBe(true);
          expect(Object.isFrozen(entryCase.limit)).toBe(true);
        }
      }
    }
  });
});

describe("land > catalogue > procedureByCode", () => {
  test("finds a procedure by its national code", () => {
    // The dossier stores the national code; the subgraph looks the procedure up by it.
    expect(procedureByCode("1.012784")?.nameEn).toBe("Split or merge parcels");
  });

  test.each(["", "1.001193", "1.013229", "1.01378", "1.0139780", " 1.013978", "1.013978 ", "DD"])(
    "returns undefined for %j",
    (code) => {
      // Codes of other fields, procedures not in the catalogue, near misses and padded codes are not found.
      expect(procedureByCode(code)).toBeUndefined();
    },
  );
});

describe("land > catalogue > limitFor", () => {
  test("gives the plain limit in an ordinary commune", () => {
    // A transfer in a commune not flagged as a difficult area has 8 working days.
    expect(limitFor(procedure("1.013831"), { difficultArea: false })).toEqual(workingDays(8));
  });

  test("adds 10 working days to a land procedure in a difficult area", () => {
    // NĐ 151/2025 Phụ lục I: first registration takes 20 + 10 working days in a remote commune.
    expect(limitFor(procedure("1.013978"), { difficultArea: true })).toEqual(workingDays(30));
    expect(limitFor(procedure("1.012784"), { difficultArea: true })).toEqual(workingDays(22));
  });

  test("adds 10 calendar days to a dispute in a difficult area", () => {
    // NĐ 151/2025 Phụ lục II Phần 8 Mục 1: 45 days, and 10 more days in difficult areas.
    expect(limitFor(procedure("1.013967"), { difficultArea: true })).toEqual(calendarDays(55));
    expect(limitFor(procedure("1.013967"), { difficultArea: false })).toEqual(calendarDays(45));
  });

  test("gives the allocation 25 calendar days in a difficult area, as the provincial records say", () => {
    // Đắk Lắk and Lạng Sơn: 15 days, 25 in difficult areas; read as calendar days.
    expect(limitFor(procedure("1.013949"), { difficultArea: true })).toEqual(calendarDays(25));
  });

  test.each(PERMIT_CODES)("adds nothing to the permit procedure %s in a difficult area", (code) => {
    // NĐ 217/2026 gives construction permits no difficult-area extra.
    const entry = procedure(code);
    expect(limitFor(entry, { difficultArea: true })).toEqual(entry.limit);
  });

  test.each<[string, string, boolean, ProcedureLimit]>([
    ["1.013225", "INDIVIDUAL_HOUSE", false, workingDays(7)],
    ["1.013225", "OTHER_WORKS", false, workingDays(10)],
    ["1.013225", "OTHER_WORKS", true, workingDays(10)],
    ["1.013226", "INDIVIDUAL_HOUSE", false, workingDays(7)],
    ["1.013226", "OTHER_WORKS", false, workingDays(9)],
    ["1.012783", "CASES_A_TO_G", false, workingDays(5)],
    ["1.012783", "CASE_H", false, workingDays(10)],
    ["1.012783", "CASES_A_TO_G", true, workingDays(15)],
    ["1.012783", "CASE_H", true, workingDays(20)],
  ])("%s in case %s (difficult area: %s) gives %j", (code, caseKey, difficultArea, expected) => {
    // The case picks the limit; the difficult-area extra, where there is one, is added on top.
    expect(limitFor(procedure(code), { difficultArea, caseKey })).toEqual(expected);
  });

  test("gives the shortest case's limit when no case is given", () => {
    // A permit dossier whose kind of work is unknown is due no later than the house limit.
    expect(limitFor(procedure("1.013225"), { difficultArea: false })).toEqual(workingDays(7));
    expect(limitFor(procedure("1.012783"), { difficultArea: true })).toEqual(workingDays(15));
  });

  test("refuses a case the procedure does not have, naming its cases", () => {
    // The API offers only the catalogue's cases, so another one is a programming error.
    expect(() => limitFor(procedure("1.013225"), { difficultArea: false, caseKey: "CASE_H" })).toThrow(
      /1\.013225 has no case "CASE_H"; its cases are INDIVIDUAL_HOUSE, OTHER_WORKS/,
    );
  });

  test("refuses a case for a procedure whose limit has none", () => {
    // A transfer has one limit; a case key there means the caller confused procedures.
    expect(() => limitFor(procedure("1.013831"), { difficultArea: false, caseKey: "INDIVIDUAL_HOUSE" })).toThrow(
      /does not depend on a case/,
    );
  });

  test("refuses to add an extra counted in another unit than the limit", () => {
    // Working days cannot be added to calendar days in one ProcedureLimit; such data is a mistake.
    const broken: LandProcedure = {
      ...procedure("1.013967"),
      difficultAreaExtra: { kind: "WORKING_DAYS", days: 10 },
    };
    expect(() => limitFor(broken, { difficultArea: true })).toThrow(RangeError);
    expect(limitFor(broken, { difficultArea: false })).toEqual(calendarDays(45));
  });

  test("returns a limit that cannot be modified", () => {
    // The returned limit may be shared; writing into it must not change later due dates.
    expect(Object.isFrozen(limitFor(procedure("1.013978"), { difficultArea: true }))).toBe(true);
    expect(Object.isFrozen(limitFor(procedure("1.013978"), { difficultArea: false }))).toBe(true);
  });

  test("does not change the catalogue when adding the extra", () => {
    // Adding 10 days builds a new limit rather than writing into the stored one.
    limitFor(procedure("1.013831"), { difficultArea: true });
    expect(procedure("1.013831").limit).toEqual(workingDays(8));
  });
});
