import { type ProcedureLimit } from "../kit/calendar";

/**
 * The land and construction (địa chính – xây dựng) procedures a commune's one-stop desk handles,
 * with their statutory processing limits (DESIGN §5; research and confidence in
 * shared/domain/land-and-social.md §A2). Limits are data so that the dossier workflow computes due
 * dates from one place (`dueAt` in the kit calendar), as for civil status.
 *
 * What the land limits leave out. The limits of NĐ 151/2025/NĐ-CP Phụ lục I Phần V do not count
 * the time to determine financial obligations and for the citizen to pay them, posting (niêm yết)
 * and media notices, cadastral measurement, expert assessment, handling land-law violations, and
 * consulting other bodies in some cases. In the workflow the citizen's part of this is the time
 * the dossier spends in SUPPLEMENT_REQUESTED (5) and FINANCIAL_OBLIGATION (6): the clock stops in
 * both, and the due date moves on by that time (DESIGN §4). The limits below are the national
 * maxima; a province may set shorter ones in its own procedure decisions, never longer.
 *
 * Difficult areas. In "xã miền núi, hải đảo, vùng sâu, vùng xa, vùng có điều kiện kinh tế – xã hội
 * khó khăn / đặc biệt khó khăn" land procedures get 10 more working days, and land disputes 10
 * more days (NĐ 151/2025 Phụ lục I, II). Which communes qualify is a per-commune flag kept by the
 * registry; `limitFor` adds the extra when it is set. Construction permits (NĐ 217/2026) have no
 * such extra.
 *
 * `legalBasis` names the instruments, most specific first; `note` says what could not be
 * confirmed, so that a reviewer knows what to check.
 */

/** The kind of result a procedure issues. */
export type LandResult =
  | "FIRST_CERTIFICATE"
  | "TRANSFER_REGISTRATION"
  | "SPLIT_OR_MERGE"
  | "CERTIFICATE_EXCHANGE"
  | "CERTIFICATE_REISSUE"
  | "LAND_DECISION"
  | "DISPUTE_DECISION"
  | "CONSTRUCTION_PERMIT"
  | "PERMIT_ADJUSTMENT"
  | "PERMIT_EXTENSION"
  | "PERMIT_REISSUE";

/** The cases that change a procedure's limit. */
export type LandCaseKey = "INDIVIDUAL_HOUSE" | "OTHER_WORKS" | "CASES_A_TO_G" | "CASE_H";

/** A limit that applies in one case of a procedure only. */
export interface LandProcedureCase {
  readonly key: LandCaseKey;
  readonly descriptionVi: string;
  readonly descriptionEn: string;
  readonly limit: ProcedureLimit;
}

/** A number of days counted like the limit it lengthens. */
export type DayCount = { readonly kind: "WORKING_DAYS" | "CALENDAR_DAYS"; readonly days: number };

export interface LandProcedure {
  /** The procedure's code in the national database of administrative procedures. */
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  /**
   * The limit when no case is given. Where the limit depends on the case this is the shortest
   * case's, so that a due date is never later than the law allows.
   */
  readonly limit: ProcedureLimit;
  /** The limit of each case, where the limit depends on one; absent otherwise. */
  readonly limitsByCase?: readonly LandProcedureCase[];
  /** What a commune flagged as a difficult area adds; absent where nothing is added. */
  readonly difficultAreaExtra?: DayCount;
  readonly result: LandResult;
  /** The article of the law and the implementing instruments, most specific first. */
  readonly legalBasis: readonly string[];
  /** What could not be confirmed about the entry, if anything. */
  readonly note?: string;
}

const workingDays = (days: number): ProcedureLimit => Object.freeze({ kind: "WORKING_DAYS", days });
const calendarDays = (days: number): ProcedureLimit => Object.freeze({ kind: "CALENDAR_DAYS", days });

/** NĐ 151/2025 Phụ lục I: "được tăng thêm 10 ngày làm việc" in difficult areas. */
const TEN_WORKING_DAYS: DayCount = Object.freeze({ kind: "WORKING_DAYS", days: 10 });
/** NĐ 151/2025 Phụ lục II Phần 8 Mục 1: disputes count "ngày", and so does their extra. */
const TEN_CALENDAR_DAYS: DayCount = Object.freeze({ kind: "CALENDAR_DAYS", days: 10 });

const houseOrWorks = (house: number, works: number): readonly LandProcedureCase[] => [
  {
    key: "INDIVIDUAL_HOUSE",
    descriptionVi: "Nhà ở riêng lẻ",
    descriptionEn: "Individual house",
    limit: workingDays(house),
  },
  {
    key: "OTHER_WORKS",
    descriptionVi: "Công trình cấp III, cấp IV khác",
    descriptionEn: "Other works of grade III or IV",
    limit: workingDays(works),
  },
];

const ND_151 = "Nghị định 151/2025/NĐ-CP (two-tier land authority), Phụ lục I Phần V (time limits)";
const ND_217_LIMITS = "Nghị định 217/2026/NĐ-CP, art. 54 (procedure and time limits for permits)";
const ND_217_AUTHORITY = "Nghị định 217/2026/NĐ-CP, art. 53(1) (the commune People's Committee issues the permit)";

const freezeProcedure = (procedure: LandProcedure): LandProcedure =>
  Object.freeze({
    ...procedure,
    legalBasis: Object.freeze([...procedure.legalBasis]),
    ...(procedure.limitsByCase
      ? { limitsByCase: Object.freeze(procedure.limitsByCase.map((entry) => Object.freeze({ ...entry }))) }
      : {}),
  });

/** Every land and construction procedure of the commune desk, in the order of DESIGN §5. */
export const LAND_PROCEDURES: readonly LandProcedure[] = Object.freeze(
  (
    [
      {
        code: "1.013978",
        nameVi: "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận lần đầu",
        nameEn: "First registration of land and attached assets, and first certificate",
        // 17 working days for the registration at the land registration office's branch, then 3 for
        // the commune People's Committee to issue the certificate: one procedure, one due date.
        limit: workingDays(20),
        difficultAreaExtra: TEN_WORKING_DAYS,
        result: "FIRST_CERTIFICATE",
        legalBasis: [
          ND_151,
          "Luật Đất đai 2024 (31/2024/QH15), arts. 131–133 (registration) and 135–136 (certificates)",
          "Nghị định 101/2024/NĐ-CP (registration and certificates; arts. 21, 22, 28–49 replaced by NĐ 151/2025)",
          "Thông tư 10/2024/TT-BTNMT (certificate form)",
        ],
        note:
          "The 17 + 3 split of the 20 working days is medium–high confidence; that the commune, not the land " +
          "registration office, signs the certificate since 1 Jul 2025 is medium.",
      },
      {
        code: "1.013831",
        nameVi: "Đăng ký biến động do chuyển nhượng, thừa kế, tặng cho, góp vốn bằng quyền sử dụng đất",
        nameEn: "Change registration: sale, inheritance, gift or capital contribution of land-use rights",
        limit: workingDays(8),
        difficultAreaExtra: TEN_WORKING_DAYS,
        result: "TRANSFER_REGISTRATION",
        legalBasis: [
          ND_151,
          "Luật Đất đai 2024, art. 45(1) (conditions for transfer, gift, mortgage and capital contribution)",
          "Luật Đất đai 2024, art. 133 (change registration within 30 days of the change)",
          "Nghị định 101/2024/NĐ-CP, art. 24(2) (longer limits in special cases)",
        ],
        note:
          "The longer limits of 10 and 20 working days for the special cases of NĐ 101/2024 art. 24(2)(a)–(c) are " +
          "not encoded: which case takes which limit was not confirmed. The name is shortened: the national record " +
          "also lists the exchange of agricultural land and other changes under this code.",
      },
      {
        code: "1.012784",
        nameVi: "Tách thửa hoặc hợp thửa đất",
        nameEn: "Split or merge parcels",
        limit: workingDays(12),
        difficultAreaExtra: TEN_WORKING_DAYS,
        result: "SPLIT_OR_MERGE",
        legalBasis: [
          ND_151,
          "Luật Đất đai 2024, art. 220 (conditions for splitting and merging parcels)",
          "The provincial People's Committee's decision on minimum split areas",
        ],
      },
      {
        code: "1.012783",
        nameVi: "Cấp đổi Giấy chứng nhận",
        nameEn: "Exchange a certificate",
        limit: workingDays(5),
        limitsByCase: [
          {
            key: "CASES_A_TO_G",
            descriptionVi: "Các trường hợp a đến g",
            descriptionEn: "Cases a to g (old form, damaged, re-measured, …)",
            limit: workingDays(5),
          },
          {
            key: "CASE_H",
            descriptionVi: "Trường hợp h",
            descriptionEn: "Case h",
            limit: workingDays(10),
          },
        ],
        difficultAreaExtra: TEN_WORKING_DAYS,
        result: "CERTIFICATE_EXCHANGE",
        legalBasis: [ND_151, "Nghị định 101/2024/NĐ-CP (certificate exchange)"],
        note:
          "Medium confidence. The limits of 5 working days (cases a–g) and 10 (case h) are from the procedure " +
          "record; what case h covers, and the article listing the cases, were not confirmed.",
      },
      {
        code: "1.012786",
        nameVi: "Cấp lại Giấy chứng nhận do bị mất",
        nameEn: "Re-issue a lost certificate",
        limit: workingDays(10),
        difficultAreaExtra: TEN_WORKING_DAYS,
        result: "CERTIFICATE_REISSUE",
        legalBasis: [ND_151, "Nghị định 101/2024/NĐ-CP (re-issue of a lost certificate)"],
        note:
          "The 10 working days exclude the posting (niêm yết) of the loss, as every land limit excludes posting. " +
          "The lost certificate is cancelled when the new one is issued. Medium confidence.",
      },
      {
        code: "1.013949",
        nameVi: "Giao đất, cho thuê đất, chuyển mục đích sử dụng đất (không đấu giá)",
        nameEn: "Allocation, lease or change of use of land needing permission, without auction",
        // "không quá 15 ngày": calendar days, the shorter reading; see the note.
        limit: calendarDays(15),
        difficultAreaExtra: TEN_CALENDAR_DAYS,
        result: "LAND_DECISION",
        legalBasis: [
          'Provincial procedure records (Đắk Lắk, Lạng Sơn): "không quá 15 ngày", 25 in difficult areas',
          "Nghị định 151/2025/NĐ-CP (the commune chair decides since 1 Jul 2025)",
          "Luật Đất đai 2024, art. 121 (change of land use)",
        ],
        note:
          'Low–medium confidence. The records say "15 ngày" without saying whether these are working or calendar ' +
          "days. The conservative reading is taken: 15 calendar days (and 10 more calendar days in difficult areas), " +
          "the shorter of the two, so that the desk never reports as on time a dossier the law may count as late. " +
          "Revisit when NĐ 151/2025 Phụ lục I is read for this procedure.",
      },
      {
        code: "1.013967",
        nameVi: "Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp xã",
        nameEn: "Land dispute decided by the commune chair",
        // "không quá 45 ngày" from acceptance, in days, not working days; acceptance must be notified
        // within 5 working days.
        limit: calendarDays(45),
        difficultAreaExtra: TEN_CALENDAR_DAYS,
        result: "DISPUTE_DECISION",
        legalBasis: [
          "Nghị định 151/2025/NĐ-CP, Phụ lục II Phần 8 Mục 1 (45 days from acceptance; 10 more days in difficult areas)",
          "Luật Đất đai 2024, arts. 235–236 (mediation and settlement of land disputes)",
        ],
      },
      {
        code: "1.013225",
        nameVi: "Cấp giấy phép xây dựng mới (công trình cấp III, cấp IV, nhà ở riêng lẻ)",
        nameEn: "New construction permit (works of grade III or IV, individual houses)",
        limit: workingDays(7),
        limitsByCase: houseOrWorks(7, 10),
        result: "CONSTRUCTION_PERMIT",
        legalBasis: [
          ND_217_LIMITS,
          ND_217_AUTHORITY,
          "Nghị định 217/2026/NĐ-CP, arts. 49–50 (content of the permit; land-use conditions)",
          "Luật Xây dựng 2025 (135/2025/QH15)",
        ],
      },
      {
        code: "1.013226",
        nameVi: "Điều chỉnh giấy phép xây dựng",
        nameEn: "Adjust a construction permit",
        limit: workingDays(7),
        limitsByCase: houseOrWorks(7, 9),
        result: "PERMIT_ADJUSTMENT",
        legalBasis: [
          ND_217_LIMITS,
          "Nghị định 217/2026/NĐ-CP, art. 63 (adjustment, extension and re-issue of permits)",
          ND_217_AUTHORITY,
        ],
      },
      {
        code: "1.013227",
        nameVi: "Gia hạn giấy phép xây dựng",
        nameEn: "Extend a construction permit",
        limit: workingDays(5),
        result: "PERMIT_EXTENSION",
        legalBasis: [
          ND_217_LIMITS,
          "Nghị định 217/2026/NĐ-CP, art. 63(3)(a) (at most two extensions of 12 months each)",
          ND_217_AUTHORITY,
        ],
      },
      {
        code: "1.013228",
        nameVi: "Cấp lại giấy phép xây dựng",
        nameEn: "Re-issue a construction permit",
        limit: workingDays(5),
        result: "PERMIT_REISSUE",
        legalBasis: [
          ND_217_LIMITS,
          "Nghị định 217/2026/NĐ-CP, art. 63 (adjustment, extension and re-issue of permits)",
          ND_217_AUTHORITY,
        ],
      },
    ] satisfies LandProcedure[]
  ).map(freezeProcedure),
);

const BY_CODE: ReadonlyMap<string, LandProcedure> = new Map(
  LAND_PROCEDURES.map((procedure) => [procedure.code, procedure]),
);

/** The procedure with this national code, or undefined when the land desk does not handle it. */
export const procedureByCode = (code: string): LandProcedure | undefined => BY_CODE.get(code);

/**
 * The limit that fixes a dossier's due date: the case's limit where the procedure has cases (the
 * procedure's own limit, the shortest, when no case is given), plus the difficult-area extra in
 * the same unit when the commune is flagged and the procedure has one. The result still excludes
 * the time spent in SUPPLEMENT_REQUESTED and FINANCIAL_OBLIGATION, which the workflow adds on top.
 *
 * A case the procedure does not have is a programming error (the API offers only the cases of the
 * catalogue) and throws a RangeError naming the valid ones.
 */
export const limitFor = (
  procedure: LandProcedure,
  { difficultArea, caseKey }: { difficultArea: boolean; caseKey?: string },
): ProcedureLimit => {
  let limit = procedure.limit;
  if (caseKey !== undefined) {
    const found = procedure.limitsByCase?.find((entry) => entry.key === caseKey);
    if (!found) {
      const cases = procedure.limitsByCase?.map((entry) => entry.key).join(", ");
      throw new RangeError(
        `Procedure ${procedure.code} has no case ${JSON.stringify(caseKey)}; ` +
          (cases ? `its cases are ${cases}` : "its limit does not depend on a case"),
      );
    }
    limit = found.limit;
  }
  const extra = procedure.difficultAreaExtra;
  if (!difficultArea || !extra) return limit;
  if (limit.kind === "SAME_DAY" || limit.kind !== extra.kind) {
    throw new RangeError(
      `Procedure ${procedure.code} counts its limit in ${limit.kind} but its difficult-area extra in ${extra.kind}`,
    );
  }
  return Object.freeze({ kind: extra.kind, days: limit.days + extra.days });
};
