import { addCalendarDays, type ProcedureLimit, toLocalDate } from "../kit/calendar";

/**
 * The social-affairs (văn hóa – xã hội) procedures a commune's one-stop desk handles, with their
 * statutory processing limits (research and confidence in shared/domain/land-and-social.md §B4).
 * Limits are data so that the dossier workflow computes due dates from one place (`dueAt` in the
 * kit calendar), as for civil status and land.
 *
 * Since 1 Jul 2025 the commune chair decides all of them (NĐ 147/2025, NĐ 176/2025): the old
 * two-level limits (commune, then district) no longer apply, and where the new limit could not be
 * confirmed the entry says so in `note` and has low confidence.
 *
 * Poverty recognition during the year (1.011607) has no per-dossier limit: the commune review
 * board meets once a month from the 15th and decides within 15 days of that start, so the limit of
 * a dossier depends on when it was accepted (`limitFor`).
 *
 * `legalBasis` names the instruments, most specific first; `note` says what could not be
 * confirmed, so that a reviewer knows what to check.
 */

/** The kind of result a procedure issues. */
export type SocialResult =
  | "ALLOWANCE_DECISION"
  | "PENSION_DECISION"
  | "FUNERAL_SUPPORT"
  | "DISABILITY_CERTIFICATE"
  | "DISABILITY_CERTIFICATE_REISSUE"
  | "POVERTY_RECOGNITION";

/** A monthly review: it starts on `dayOfMonth` and decides within `daysFromReviewStart` calendar days. */
export interface ReviewCycle {
  readonly dayOfMonth: 15;
  readonly daysFromReviewStart: 15;
}

export interface SocialProcedure {
  /** The procedure's code in the national database of administrative procedures. */
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  /** The limit; for a procedure with a review cycle, the part after the review starts. */
  readonly limit: ProcedureLimit;
  readonly result: SocialResult;
  /** The article of the law and the implementing instruments, most specific first. */
  readonly legalBasis: readonly string[];
  /** What could not be confirmed about the entry, if anything. */
  readonly note?: string;
  readonly confidence: "high" | "medium" | "low";
  /** Present where dossiers wait for a monthly review (see limitFor). */
  readonly reviewCycle?: ReviewCycle;
}

const workingDays = (days: number): ProcedureLimit => Object.freeze({ kind: "WORKING_DAYS", days });
const calendarDays = (days: number): ProcedureLimit => Object.freeze({ kind: "CALENDAR_DAYS", days });

const ND_20 = "Nghị định 20/2021/NĐ-CP";
const ND_147 = "Nghị định 147/2025/NĐ-CP, art. 5 (the commune chair decides; 10 working days)";
const ND_176 = "Nghị định 176/2025/NĐ-CP";
const TT_01_2019 = "Thông tư 01/2019/TT-BLĐTBXH";

const freezeProcedure = (procedure: SocialProcedure): SocialProcedure =>
  Object.freeze({
    ...procedure,
    nameVi: procedure.nameVi.normalize("NFC"),
    legalBasis: Object.freeze([...procedure.legalBasis]),
    ...(procedure.reviewCycle ? { reviewCycle: Object.freeze({ ...procedure.reviewCycle }) } : {}),
  });

/** Every social-affairs procedure of the commune desk. */
export const SOCIAL_PROCEDURES: readonly SocialProcedure[] = Object.freeze(
  (
    [
      {
        code: "1.001776",
        nameVi:
          "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng",
        nameEn: "Grant, adjust or stop the monthly social allowance or care support",
        limit: workingDays(10),
        result: "ALLOWANCE_DECISION",
        legalBasis: [
          ND_147,
          `${ND_20}, arts. 5–8 (groups, coefficients, procedure, start and stop)`,
          "Thông tư 02/2021/TT-BLĐTBXH, art. 2 (stop and suspension)",
        ],
        note: "NĐ 147/2025 art. 5 was read in two press reports quoting it, not in the gazette (medium–high).",
        confidence: "medium",
      },
      {
        code: "1.014027",
        nameVi: "Thực hiện, điều chỉnh, thôi hưởng trợ cấp hưu trí xã hội",
        nameEn: "Grant, adjust or stop the social pension",
        limit: workingDays(10),
        result: "PENSION_DECISION",
        legalBasis: [`${ND_176}, art. 4(1)(b) (10 working days)`, "Luật Bảo hiểm xã hội 2024 (41/2024/QH15), art. 21"],
        note: "Đồng Nai (QĐ 2816/QĐ-UBND 2025) confirms 10 working days and proposes 9 locally.",
        confidence: "high",
      },
      {
        code: "1.014028",
        nameVi: "Hỗ trợ chi phí mai táng đối với đối tượng hưởng trợ cấp hưu trí xã hội",
        nameEn: "Funeral support for a social pensioner",
        limit: workingDays(3),
        result: "FUNERAL_SUPPORT",
        legalBasis: [
          `${ND_176}, art. 5(3)(b) (3 working days from a complete file, Mẫu 02)`,
          `${ND_176}, art. 5(1) (who qualifies)`,
          `${ND_20}, art. 11(2) (the amount)`,
        ],
        confidence: "medium",
      },
      {
        code: "1.001731",
        nameVi: "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
        nameEn: "Funeral support for a social-protection beneficiary",
        // Unconfirmed: see the note. 3 working days is the shortest plausible limit.
        limit: workingDays(3),
        result: "FUNERAL_SUPPORT",
        legalBasis: [
          `${ND_20}, art. 11 (who qualifies; at least 20 × the base level)`,
          "Nghị định 147/2025/NĐ-CP (the commune chair decides since 1 Jul 2025)",
        ],
        note:
          "Unconfirmed: the limit after 1 Jul 2025 was not found. Before the reform it was 2 working days at the " +
          "commune plus 3 at the district; the linked e-procedure (NĐ 63/2024) allows 5. 3 working days is encoded as " +
          "the conservative choice, by analogy with 1.014028 (funeral support for social pensioners, 3 working days), " +
          "so that the desk never reports as on time a dossier the law may count as late. Low confidence.",
        confidence: "low",
      },
      {
        code: "1.001699",
        nameVi: "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật",
        nameEn: "Disability assessment or reassessment and certificate",
        limit: workingDays(25),
        result: "DISABILITY_CERTIFICATE",
        legalBasis: [
          `${TT_01_2019}, art. 5(2) (25 working days)`,
          "The commune disability assessment council assesses; the commune chair issues the certificate",
        ],
        note: "Đồng Nai proposes 23 working days locally.",
        confidence: "medium",
      },
      {
        code: "1.001653",
        nameVi: "Đổi, cấp lại Giấy xác nhận khuyết tật",
        nameEn: "Exchange or re-issue a disability certificate",
        limit: workingDays(5),
        result: "DISABILITY_CERTIFICATE_REISSUE",
        legalBasis: [`${TT_01_2019}, art. 9(2) (5 working days)`],
        confidence: "medium",
      },
      {
        code: "1.011607",
        nameVi: "Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm",
        nameEn: "Recognition of a poor or near-poor household during the year",
        limit: calendarDays(15),
        result: "POVERTY_RECOGNITION",
        legalBasis: [
          "Quyết định 967/QĐ-BNNMT (2025) (reviews once a month from the 15th; 15 days from the review start)",
          "Quyết định 24/2021/QĐ-TTg (poverty review procedure; Mẫu 02 decision, Mẫu 03 certificate)",
          "Nghị định 07/2021/NĐ-CP, art. 3 (poverty standard)",
        ],
        note:
          'The 15 "ngày" are read as calendar days, counted from the start of the monthly review, not from acceptance ' +
          "(medium confidence, QĐ 967/QĐ-BNNMT quoted in a secondary source).",
        confidence: "medium",
        reviewCycle: { dayOfMonth: 15, daysFromReviewStart: 15 },
      },
    ] satisfies SocialProcedure[]
  ).map(freezeProcedure),
);

const BY_CODE: ReadonlyMap<string, SocialProcedure> = new Map(
  SOCIAL_PROCEDURES.map((procedure) => [procedure.code, procedure]),
);

/** The procedure with this national code, or undefined when the social desk does not handle it. */
export const procedureByCode = (code: string): SocialProcedure | undefined => BY_CODE.get(code);

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole calendar days from one date to a later one. */
const daysFrom = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / DAY_MS;

/**
 * The limit that fixes a dossier's due date, for a dossier accepted at `at`. For a procedure
 * decided in a monthly review, CALENDAR_DAYS: the days from the acceptance's civil date in Vietnam
 * (UTC+7) to the next review start (the `dayOfMonth` of that month when the date is on or before
 * it, otherwise of the next month), plus the days the review has to decide. Accepted on 10 March:
 * 5 + 15 = 20; on 20 March: 26 (to 15 April) + 15 = 41. For every other procedure, its limit.
 *
 * The kit's `dueAt` counts calendar days from the effective acceptance day, which is the next
 * working day after 15:00 or on a day off. When that differs from the civil date, pass the start of
 * the effective day (`localDateTime(calendar.effectiveAcceptanceDay(at))`) as `at`, so that the
 * count and the due date start from the same day.
 */
export const limitFor = (procedure: SocialProcedure, at: Date): ProcedureLimit => {
  const cycle = procedure.reviewCycle;
  if (!cycle) return procedure.limit;
  const day = toLocalDate(at);
  const dayOfMonth = String(cycle.dayOfMonth).padStart(2, "0");
  let reviewStart = `${day.slice(0, 7)}-${dayOfMonth}`;
  if (day > reviewStart) {
    // Four days after the 28th is always early in the next month.
    const nextMonth = addCalendarDays(`${day.slice(0, 7)}-28`, 4).slice(0, 7);
    reviewStart = `${nextMonth}-${dayOfMonth}`;
  }
  return calendarDays(daysFrom(day, reviewStart) + cycle.daysFromReviewStart);
};
