import { addMonths, type ProcedureLimit } from "../kit/calendar";

/**
 * The civil-status (hộ tịch) procedures a commune's one-stop desk handles, with their statutory
 * processing limits (DESIGN §5). Limits are data so that the dossier workflow computes due dates
 * from one place (`dueAt` in the kit calendar) rather than from constants scattered in resolvers.
 *
 * "Same day" follows the Law on Civil Status 2014 (Luật Hộ tịch, 60/2014/QH13), whose procedures
 * say the officer records the event "ngay sau khi nhận đủ giấy tờ" (as soon as the papers are
 * complete), and its art. 5(3): matters without a stated limit are settled the same day, and a
 * dossier received after 15:00 that cannot be settled at once is returned the next working day,
 * which the kit calendar applies to every SAME_DAY limit.
 *
 * `legalBasis` names the article of the law and the implementing decree or circular; `note` says
 * what could not be confirmed against the published text, so that a reviewer knows what to check.
 */

/** The kind of paper a procedure issues. */
export type CivilStatusResult =
  | "BIRTH_CERTIFICATE"
  | "MARRIAGE_CERTIFICATE"
  | "DEATH_CERTIFICATE"
  | "MARITAL_STATUS_CERTIFICATE"
  | "EXTRACT_COPY"
  | "CORRECTION";

export interface CivilStatusProcedure {
  /** The procedure's code in the national database of administrative procedures. */
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  /** The limit when the papers are complete and nothing needs checking with another office. */
  readonly limit: ProcedureLimit;
  /** The longer limit the law allows when the officer must verify facts first, where it allows one. */
  readonly limitWithVerification?: ProcedureLimit;
  /** The shorter limit when the request only completes missing information (bổ sung), where there is one. */
  readonly limitForCompletion?: ProcedureLimit;
  readonly result: CivilStatusResult;
  /** The article of the law and the implementing instruments, most specific first. */
  readonly legalBasis: readonly string[];
  /** What could not be confirmed about the entry, if anything. */
  readonly note?: string;
}

const SAME_DAY: ProcedureLimit = Object.freeze({ kind: "SAME_DAY" });
const workingDays = (days: number): ProcedureLimit => Object.freeze({ kind: "WORKING_DAYS", days });

const freezeProcedure = (procedure: CivilStatusProcedure): CivilStatusProcedure =>
  Object.freeze({ ...procedure, legalBasis: Object.freeze([...procedure.legalBasis]) });

/** Every civil-status procedure of the commune desk, in the order of DESIGN §5. */
export const CIVIL_STATUS_PROCEDURES: readonly CivilStatusProcedure[] = Object.freeze(
  (
    [
      {
        code: "1.001193",
        nameVi: "Đăng ký khai sinh",
        nameEn: "Birth registration",
        limit: SAME_DAY,
        result: "BIRTH_CERTIFICATE",
        legalBasis: [
          "Luật Hộ tịch 2014 (60/2014/QH13), art. 16 (procedure: recorded as soon as the papers are complete)",
          "Luật Hộ tịch 2014, art. 13 (competence of the commune) and art. 15 (parents register within 60 days of birth)",
          "Nghị định 123/2015/NĐ-CP (implementing the Law on Civil Status)",
          "Thông tư 04/2020/TT-BTP (forms and registers)",
        ],
        note:
          "Articles 13, 15 and 16 confirmed by their titles in the law's table of contents; the wording of art. 16(2) " +
          "and the 60-day period are as commonly cited, not checked against the gazette.",
      },
      {
        code: "1.000894",
        nameVi: "Đăng ký kết hôn",
        nameEn: "Marriage registration",
        limit: SAME_DAY,
        limitWithVerification: workingDays(5),
        result: "MARRIAGE_CERTIFICATE",
        legalBasis: [
          "Luật Hộ tịch 2014, art. 18(2) (recorded as soon as the papers are complete; up to 5 working days when the conditions need verifying)",
          "Luật Hộ tịch 2014, art. 17 (competence of the commune)",
          "Luật Hôn nhân và gia đình 2014 (52/2014/QH13), art. 5 and 8 (conditions of marriage)",
          "Nghị định 123/2015/NĐ-CP, art. 10 (papers to submit)",
        ],
      },
      {
        code: "1.000656",
        nameVi: "Đăng ký khai tử",
        nameEn: "Death registration",
        limit: SAME_DAY,
        // The 2026 national record lists three cases, 1 day, 2 days and 5 working days; the longest,
        // for a death that needs verifying, bounds the due date when the officer must verify.
        limitWithVerification: workingDays(5),
        // The paper issued is the death extract (trích lục khai tử, KQ.G15.000034): since 2016 the Law
        // on Civil Status no longer issues a separate death certificate, but the desk reports it as one.
        result: "DEATH_CERTIFICATE",
        legalBasis: [
          "Luật Hộ tịch 2014, art. 34 (recorded as soon as the papers are received; the record of the dead person is locked)",
          "Luật Hộ tịch 2014, art. 32 (competence) and art. 33 (relatives register within 15 days of death)",
          "National procedure record 1.000656 (2026, under QĐ 163/QĐ-BTP): cases of 1 day, 2 days and 5 working days",
          "Nghị định 123/2015/NĐ-CP as amended by Nghị định 07/2025/NĐ-CP; Nghị định 120/2025/NĐ-CP (two-tier competence)",
        ],
        note:
          "Art. 34 has no verification period: the earlier 3 working days came from QĐ 1872/QĐ-BTP (2020), since " +
          "replaced. Which of the 2026 record's cases is the 5-working-day one was not stated; confirm against the " +
          "full text of QĐ 163/QĐ-BTP.",
      },
      {
        code: "1.004873",
        nameVi: "Cấp Giấy xác nhận tình trạng hôn nhân",
        nameEn: "Marital-status certificate",
        limit: workingDays(3),
        result: "MARITAL_STATUS_CERTIFICATE",
        legalBasis: [
          "Nghị định 123/2015/NĐ-CP, art. 22 (procedure: 3 working days from complete papers)",
          "Nghị định 123/2015/NĐ-CP, art. 21 (competence: the commune of permanent, failing that temporary, residence)",
          "Nghị định 123/2015/NĐ-CP, art. 23 (validity of the certificate)",
        ],
        note:
          "Art. 21 is confirmed; the 3-working-day limit of art. 22 and the validity rule of art. 23 are as commonly " +
          "cited. No longer limit for verification is recorded: where art. 22 provides one it could not be confirmed.",
      },
      {
        code: "2.000635",
        nameVi: "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh",
        nameEn: "Copy of a civil-status extract or of a birth certificate",
        limit: SAME_DAY,
        result: "EXTRACT_COPY",
        legalBasis: [
          "Luật Hộ tịch 2014, art. 63 and 64 (copies of extracts issued from the civil-status database, as soon as asked)",
          "National procedure record 2.000635 (2026): same-day cases; a 15-working-day case (2.000635.01) not handled at the desk",
          "Thông tư 281/2016/TT-BTC (fee: 8,000 VND a copy)",
        ],
        note:
          "Any office holding the electronic civil-status database may issue the copy. The 15-working-day case of the " +
          "national record (copies the database cannot produce at once) is not received at the commune desk.",
      },
      {
        code: "1.004859",
        nameVi: "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc",
        nameEn: "Change, correction or completion of civil-status records; re-determination of ethnicity",
        limit: workingDays(3),
        // Art. 28(2): "nếu cần phải xác minh thì thời hạn được kéo dài thêm không quá 03 ngày làm việc",
        // an extension of the 3 working days, hence 6 in all.
        limitWithVerification: workingDays(6),
        // Completion alone (art. 29: "ngay sau khi nhận đủ giấy tờ"); the 2026 national record's case .01.
        limitForCompletion: workingDays(1),
        result: "CORRECTION",
        legalBasis: [
          "Luật Hộ tịch 2014, art. 28 (change and correction: 3 working days, extended by at most 3 when verification is needed)",
          "Luật Hộ tịch 2014, art. 29 (completion of records), art. 26 (scope) and art. 27 (competence)",
          "Nghị định 120/2025/NĐ-CP, art. 4 (since 1 July 2025 the commune also handles people aged 14 and over, and re-determination of ethnicity)",
          "National procedure record 1.004859 (2026): cases of 1 working day (completion) and 3 working days",
          "Nghị định 123/2015/NĐ-CP as amended by Nghị định 07/2025/NĐ-CP",
        ],
        note:
          "Art. 28(2) is confirmed for change and correction. Completion alone (bổ sung, art. 29) is settled as soon " +
          "as the papers are complete: the desk marks such a receipt completionOnly and counts 1 working day, as " +
          "the 2026 national record does.",
      },
    ] satisfies CivilStatusProcedure[]
  ).map(freezeProcedure),
);

const BY_CODE: ReadonlyMap<string, CivilStatusProcedure> = new Map(
  CIVIL_STATUS_PROCEDURES.map((procedure) => [procedure.code, procedure]),
);

/** The procedure with this national code, or undefined when the desk does not handle it. */
export const procedureByCode = (code: string): CivilStatusProcedure | undefined => BY_CODE.get(code);

/**
 * The limit that fixes a dossier's due date. Verification lengthens it only where the law says so;
 * for the other procedures the officer must verify within the ordinary limit.
 */
export const limitFor = (
  procedure: CivilStatusProcedure,
  { verificationNeeded, completionOnly = false }: { verificationNeeded: boolean; completionOnly?: boolean },
): ProcedureLimit => {
  if (verificationNeeded && procedure.limitWithVerification) return procedure.limitWithVerification;
  if (completionOnly && procedure.limitForCompletion) return procedure.limitForCompletion;
  return procedure.limit;
};

/**
 * The last day a marital-status certificate issued on `issuedOn` is valid: "có giá trị 6 tháng kể
 * từ ngày cấp" (Decree 123/2015/NĐ-CP, art. 23), counted as the Civil Code 2015 counts periods: the
 * day of issue is not counted (art. 147(1)), and a period in months ends with the corresponding day
 * of its last month, or that month's last day when it has none (art. 148(3)). So one issued on
 * 1 July 2026 is valid until 1 January 2027, and one issued on 31 August until the end of February.
 */
export const certificateValidUntil = (issuedOn: string): string => addMonths(issuedOn, 6);
