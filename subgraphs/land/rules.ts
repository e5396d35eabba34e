import { addMonths } from "../kit/calendar";
import { parsePersonalId } from "../kit/personal-id";
import { isCalendarDate, notADate, requireCalendarDate, type RuleProblem } from "../kit/rule-problem";
import { landUseCode, landUseCodeProblem, RESIDENTIAL_CODES } from "./land-use-codes";
import {
  MINIMUM_SPLIT_AREAS,
  type MinimumSplitArea,
  minimumSplitArea,
  provinceHasMinimumSplitAreas,
} from "./minimum-split-area";

/**
 * The checks a commune land officer (cán bộ địa chính) applies before registering a change,
 * issuing a certificate or a construction permit, as pure functions over plain objects: no
 * database, no GraphQL. The subgraph loads the facts, calls a check and turns a problem into
 * BAD_USER_INPUT naming the field (DESIGN §6); nothing is written when a check fails.
 *
 * Each check returns `undefined` when the request may go ahead, otherwise the first problem found.
 * `field` is a path into the check's own input (`parcel.uses[1].areaM2`, `transfereeIds[0]`), so
 * the subgraph's input types mirror these names. Conditions found in the register rather than in
 * the request (a pending dispute, an expired term) are reported on the record the request names:
 * `parcel`, `certificate.serial`, `permit.status`. Messages are written for the desk officer and
 * name the dates, areas and codes involved.
 *
 * Dates are civil dates in Vietnam, "YYYY-MM-DD". A date in the request that is not a real
 * calendar date is a problem on its field; a malformed date in the register facts or in `today` is
 * a programming error and throws a RangeError, since the officer can do nothing about it.
 *
 * Areas are in m². Certificates print them rounded to one decimal place, so sums of areas are
 * compared with a tolerance of AREA_TOLERANCE_M2, half a unit of the last printed decimal.
 */

/** Half of 0.1 m², the last decimal a certificate prints: rounding alone can explain a smaller gap. */
export const AREA_TOLERANCE_M2 = 0.05;

/** A parcel's key: the cadastral map unit (usually the pre-merger commune), the sheet and the parcel number. */
export interface ParcelKey {
  /** The 5-digit code of the commune whose cadastral map numbers the sheet (often a pre-2025 commune). */
  mapUnitCode: string;
  /** Số tờ bản đồ. */
  mapSheet: number;
  /** Số thửa. */
  parcelNumber: number;
}

/** Ổn định lâu dài (stable long-term), or a term ending on a date ("YYYY-MM-DD", the last day of use). */
export type LandUseTerm = "STABLE_LONG_TERM" | { until: string };

/** One use on a parcel: a parcel may carry several, e.g. ONT 200 m² + CLN 150 m². */
export interface LandUseFacts {
  landUseCode: string;
  areaM2: number;
  term: LandUseTerm;
}

export interface ParcelFacts {
  key: ParcelKey;
  areaM2: number;
  uses: readonly LandUseFacts[];
}

/**
 * The certificate forms found in the register: the pre-2009 land-use certificate ("sổ đỏ") and
 * house-ownership certificate ("sổ hồng"), the 2009 form (TT 17/2009, later TT 23/2014), and the
 * form of TT 10/2024/TT-BTNMT in use since 1 Aug 2024.
 */
export type CertificateForm = "LEGACY_GCN_QSDD" | "LEGACY_GCN_QSHNO" | "GCN_2009" | "GCN_2024";

/** REPLACED by an exchange or re-issue; CANCELLED (e.g. a lost one after re-issue); REVOKED by a decision. */
export type CertificateStatus = "VALID" | "REPLACED" | "CANCELLED" | "REVOKED";

/** Cá nhân, Chủ hộ, Chồng, Vợ, Người đại diện, Thành viên. */
export type HolderRole = "INDIVIDUAL" | "HOUSEHOLD_HEAD" | "HUSBAND" | "WIFE" | "REPRESENTATIVE" | "MEMBER";

export interface CertificateHolder {
  personalId: string;
  role: HolderRole;
}

export interface CertificateFacts {
  /** Số phát hành (số seri). */
  serial: string;
  form: CertificateForm;
  status: CertificateStatus;
  holders: readonly CertificateHolder[];
}

/**
 * Thế chấp, tranh chấp, kê biên, biện pháp khẩn cấp tạm thời, thu hồi đất, ghi nợ tiền sử dụng đất:
 * mortgage, pending dispute, seizure for the enforcement of a judgment, court interim measure,
 * land-recovery decision or plan, land-use-fee debt.
 */
export type EncumbranceKind = "MORTGAGE" | "DISPUTE" | "SEIZURE" | "COURT_MEASURE" | "RECOVERY" | "FEE_DEBT";

export interface EncumbranceFacts {
  kind: EncumbranceKind;
  /** The first day it applies. */
  from: string;
  /** The day it stops applying (deregistered, resolved, lifted), or null while it applies. */
  until: string | null;
  /** Whether the register records it as blocking transfers. */
  blocksTransfer: boolean;
}

/** Cấp mới, sửa chữa cải tạo, di dời, có thời hạn (NĐ 217/2026 arts. 49, 52). */
export type PermitKind = "NEW" | "REPAIR_RENOVATION" | "RELOCATION" | "TEMPORARY";

/** EXPIRED: the work did not start by the start deadline. */
export type PermitStatus = "VALID" | "STARTED" | "EXPIRED" | "REVOKED" | "CANCELLED";

export interface PermitFacts {
  kind: PermitKind;
  status: PermitStatus;
  issuedOn: string;
  /** How many times the start deadline has been extended. */
  extensions: number;
  /** The day by which work must start, see `permitStartDeadline`. */
  startDeadline: string;
}

export type { RuleProblem };

// ---------------------------------------------------------------------------------------------
// Dates, numbers and names

/** The request's own date: a real date, not after today. */
const checkRequestDate = (value: string, field: string, what: string, today: string): RuleProblem | undefined => {
  if (!isCalendarDate(value)) return notADate(field, value, what);
  if (value > today) return { field, message: `The ${what} ${value} is in the future (today is ${today}).` };
  return undefined;
};

const isPositiveNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && value > 0;

const isPositiveInteger = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1;

/** Areas as a certificate prints them, but without hiding a difference the sum check reports. */
const m2 = (value: number): string => `${Number(value.toFixed(2))} m²`;

/** "parcel 345, sheet 12 of map unit 10369 (thửa 345, tờ bản đồ 12)". */
const describeParcel = (key: ParcelKey): string =>
  `parcel ${key.parcelNumber}, sheet ${key.mapSheet} of map unit ${key.mapUnitCode} (thửa ${key.parcelNumber}, tờ bản đồ ${key.mapSheet})`;

const sameParcel = (a: ParcelKey, b: ParcelKey): boolean =>
  a.mapUnitCode === b.mapUnitCode && a.mapSheet === b.mapSheet && a.parcelNumber === b.parcelNumber;

/** A date at noon UTC, whose UTC year is the civil year, for the kit's `parsePersonalId`. */
const asInstant = (date: string): Date => new Date(`${date}T12:00:00Z`);

/** Serials compare without spaces and case: "CS 123456" and "cs123456" are one certificate. */
const serialKey = (serial: string): string => serial.replace(/\s+/g, "").toUpperCase();

// ---------------------------------------------------------------------------------------------
// Land-use terms

/** Years of the term of agricultural land allocated to an individual (Luật Đất đai 2024 art. 172(1)(a)). */
export const AGRICULTURAL_TERM_YEARS = 50;

/**
 * Whether a use's term has ended on a date. A stable long-term use never ends; a use "until" a
 * date may still be used on that day, and has expired from the next.
 */
export const landUseExpired = (use: Pick<LandUseFacts, "term">, onDate: string): boolean => {
  requireCalendarDate(onDate, "date");
  if (use.term === "STABLE_LONG_TERM") return false;
  return onDate > requireCalendarDate(use.term.until, "end of the land-use term");
};

/**
 * Agricultural codes whose term is not the 50 years of art. 172(1)(a): special-use and protection
 * forest (RDD, RPH) are allocated for management and protection, and may be stable long-term
 * (art. 171); the allocating decision says which, so no default is offered.
 */
const NO_DEFAULT_AGRICULTURAL = new Set(["RDD", "RPH"]);

/**
 * The term a use gets by default when land is allocated or recognised for an individual on
 * `allocatedOn`, or undefined when the law leaves it to the allocating decision:
 * - residential land (ONT, ODT) is used stably and long-term (Luật Đất đai 2024 art. 171);
 * - agricultural land allocated to an individual is allocated for 50 years (art. 172(1)(a)),
 *   ending on the corresponding day 50 years later (Civil Code 2015 art. 148: 29 February ends on
 *   28 February in a common year);
 * - other land (non-agricultural, unused, and the forests above) depends on how it is allocated
 *   or leased.
 * An unknown code throws a RangeError naming the table version: callers check codes first.
 */
export const defaultTermFor = (code: string, allocatedOn: string): LandUseTerm | undefined => {
  requireCalendarDate(allocatedOn, "allocation date");
  const entry = landUseCode(code);
  if (!entry) throw new RangeError(landUseCodeProblem(code));
  if (entry.group === "RESIDENTIAL") return "STABLE_LONG_TERM";
  if (entry.group === "AGRICULTURAL" && !NO_DEFAULT_AGRICULTURAL.has(entry.code)) {
    return { until: addMonths(allocatedOn, AGRICULTURAL_TERM_YEARS * 12) };
  }
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// Certificate serials

const LEGACY_FORMS: readonly CertificateForm[] = ["LEGACY_GCN_QSDD", "LEGACY_GCN_QSHNO", "GCN_2009"];
const CERTIFICATE_FORMS: readonly CertificateForm[] = [...LEGACY_FORMS, "GCN_2024"];

/** Two Vietnamese capital letters and six digits, e.g. "CS 123456" (đ is a letter of its own, not D). */
export const LEGACY_SERIAL_PATTERN = /^[A-ZĐ]{2} ?\d{6}$/;

/** The longest serial stored for the 2024 form, whose exact format was not found. */
export const MAX_SERIAL_LENGTH = 30;

/**
 * A certificate's serial (số phát hành). The 2009–2024 forms print two capital letters and six
 * digits; the pre-2009 forms are checked the same way, as the register records them. The format of
 * the TT 10/2024 form's serial was not found, so it is stored as given, only required to say
 * something and to fit the column.
 */
export const checkCertificateSerial = (
  form: CertificateForm,
  serial: string,
  prefix = "certificate",
): RuleProblem | undefined => {
  if (!CERTIFICATE_FORMS.includes(form)) {
    return {
      field: `${prefix}.form`,
      message: `The certificate form must be one of ${CERTIFICATE_FORMS.join(", ")}, got ${String(form)}.`,
    };
  }
  const field = `${prefix}.serial`;
  if (typeof serial !== "string" || serial.trim() === "") {
    return { field, message: "The certificate serial (số phát hành) is empty." };
  }
  if (LEGACY_FORMS.includes(form)) {
    if (LEGACY_SERIAL_PATTERN.test(serial.normalize("NFC"))) return undefined;
    return {
      field,
      message: `The serial ${JSON.stringify(serial)} does not fit a ${form} certificate: it must be two capital letters and six digits, e.g. "CS 123456".`,
    };
  }
  if (serial.length > MAX_SERIAL_LENGTH) {
    return {
      field,
      message: `The serial has ${serial.length} characters; a certificate serial has at most ${MAX_SERIAL_LENGTH}.`,
    };
  }
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// Parcels

const checkParcelKey = (key: ParcelKey, prefix: string): RuleProblem | undefined => {
  if (typeof key.mapUnitCode !== "string" || !/^\d{5}$/.test(key.mapUnitCode)) {
    return {
      field: `${prefix}.mapUnitCode`,
      message: `The map unit must be a 5-digit commune code (the commune whose cadastral map numbers the sheet), got ${JSON.stringify(key.mapUnitCode)}.`,
    };
  }
  if (!isPositiveInteger(key.mapSheet)) {
    return {
      field: `${prefix}.mapSheet`,
      message: `The map sheet number (số tờ bản đồ) must be a whole number ≥ 1, got ${String(key.mapSheet)}.`,
    };
  }
  if (!isPositiveInteger(key.parcelNumber)) {
    return {
      field: `${prefix}.parcelNumber`,
      message: `The parcel number (số thửa) must be a whole number ≥ 1, got ${String(key.parcelNumber)}.`,
    };
  }
  return undefined;
};

const checkUse = (use: LandUseFacts, prefix: string): RuleProblem | undefined => {
  const codeProblem = landUseCodeProblem(use.landUseCode);
  if (codeProblem) return { field: `${prefix}.landUseCode`, message: codeProblem };
  if (!isPositiveNumber(use.areaM2)) {
    return {
      field: `${prefix}.areaM2`,
      message: `The area of the ${use.landUseCode} use must be more than 0 m², got ${String(use.areaM2)}.`,
    };
  }
  if (use.term === "STABLE_LONG_TERM") return undefined;
  if (typeof use.term !== "object" || use.term === null) {
    return {
      field: `${prefix}.term`,
      message: `The term of the ${use.landUseCode} use must be STABLE_LONG_TERM (ổn định lâu dài) or an end date.`,
    };
  }
  if (!isCalendarDate(use.term.until)) return notADate(`${prefix}.term.until`, use.term.until, "end of the term");
  return undefined;
};

export interface ParcelInput {
  parcel: ParcelFacts;
}

/**
 * A parcel as it is entered for a first registration (Luật Đất đai 2024 arts. 131–133; the parcel
 * data of TT 10/2024/TT-BTNMT):
 * - its key: a 5-digit map unit, sheet and parcel numbers ≥ 1;
 * - an area greater than 0, and at least one use, each with a known code (TT08/2024), an area
 *   greater than 0 and a stable long-term term or a real end date;
 * - the uses together cover no more than the parcel: their sum may exceed it only by
 *   AREA_TOLERANCE_M2, the rounding of one printed decimal. They may cover less, since part of a
 *   parcel can stay unregistered for a use (a disputed strip, a safety corridor).
 */
export const checkParcel = ({ parcel }: ParcelInput): RuleProblem | undefined => {
  const keyProblem = checkParcelKey(parcel.key, "parcel.key");
  if (keyProblem) return keyProblem;
  if (!isPositiveNumber(parcel.areaM2)) {
    return {
      field: "parcel.areaM2",
      message: `The parcel area must be more than 0 m², got ${String(parcel.areaM2)}.`,
    };
  }
  if (parcel.uses.length === 0) {
    return { field: "parcel.uses", message: "The parcel has no land use; give at least one land-use code and area." };
  }
  for (const [index, use] of parcel.uses.entries()) {
    const problem = checkUse(use, `parcel.uses[${index}]`);
    if (problem) return problem;
  }
  const total = parcel.uses.reduce((sum, use) => sum + use.areaM2, 0);
  if (total - parcel.areaM2 > AREA_TOLERANCE_M2 + 1e-9) {
    return {
      field: "parcel.uses",
      message: `The uses cover ${m2(total)}, more than the parcel's ${m2(parcel.areaM2)}; their areas must add up to at most the parcel area.`,
    };
  }
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// Encumbrances

const ENCUMBRANCE_NAMES: Readonly<Record<EncumbranceKind, string>> = Object.freeze({
  MORTGAGE: "a mortgage (thế chấp)",
  DISPUTE: "a pending dispute (tranh chấp)",
  SEIZURE: "a seizure for the enforcement of a judgment (kê biên)",
  COURT_MEASURE: "a court interim measure (biện pháp khẩn cấp tạm thời)",
  RECOVERY: "a land-recovery decision (thu hồi đất)",
  FEE_DEBT: "a land-use-fee debt (ghi nợ tiền sử dụng đất)",
});

/**
 * The kinds the Land Law itself names as bars to transferring and splitting (art. 45(1)(b), (c),
 * (đ); art. 220): a dispute not yet resolved, a seizure, a court interim measure. They block
 * whatever the register's flag says; the other kinds block transfers when the register says so.
 */
const LEGAL_BARS: readonly EncumbranceKind[] = ["DISPUTE", "SEIZURE", "COURT_MEASURE"];

const checkEncumbranceRecord = (record: EncumbranceFacts, index: number): void => {
  requireCalendarDate(record.from, `start of encumbrance ${index}`);
  if (record.until !== null) {
    requireCalendarDate(record.until, `end of encumbrance ${index}`);
    if (record.until < record.from) {
      throw new RangeError(
        `Encumbrance ${index} (${record.kind}) ends on ${record.until}, before it began on ${record.from}`,
      );
    }
  }
};

/** In force on a date: begun by then, and not yet ended (it no longer applies on its `until` day). */
const activeOn = (record: EncumbranceFacts, onDate: string): boolean =>
  record.from <= onDate && (record.until === null || onDate < record.until);

const firstActive = (
  encumbrances: readonly EncumbranceFacts[],
  onDate: string,
  blocks: (record: EncumbranceFacts) => boolean,
): EncumbranceFacts | undefined => {
  encumbrances.forEach(checkEncumbranceRecord);
  return encumbrances.find((record) => activeOn(record, onDate) && blocks(record));
};

const blockedBy = (record: EncumbranceFacts, parcel: ParcelFacts, what: string, rule: string): RuleProblem => ({
  field: "parcel",
  message: `The register shows ${ENCUMBRANCE_NAMES[record.kind]} on ${describeParcel(parcel.key)} since ${record.from}; it bars ${what} (${rule}).`,
});

const expiredUse = (parcel: ParcelFacts, onDate: string, what: string, rule: string): RuleProblem | undefined => {
  const use = parcel.uses.find((candidate) => landUseExpired(candidate, onDate));
  if (!use || use.term === "STABLE_LONG_TERM") return undefined;
  return {
    field: "parcel",
    message: `The term of the ${use.landUseCode} land (${m2(use.areaM2)}) on ${describeParcel(parcel.key)} ended on ${use.term.until}; ${what} needs land within its term (${rule}); extend the term first.`,
  };
};

/** The certificate the request relies on must be the parcel's valid one. */
const checkValidCertificate = (certificate: CertificateFacts, what: string): RuleProblem | undefined => {
  if (certificate.status === "VALID") return undefined;
  return {
    field: "certificate.serial",
    message: `The certificate ${certificate.serial} is ${certificate.status}; ${what} needs the parcel's valid certificate.`,
  };
};

// ---------------------------------------------------------------------------------------------
// Transfers

/** Chuyển nhượng, tặng cho, thừa kế, góp vốn. */
export type TransferKind = "SALE" | "GIFT" | "INHERITANCE" | "CAPITAL_CONTRIBUTION";

const TRANSFER_WORDS: Readonly<Record<TransferKind, string>> = Object.freeze({
  SALE: "a sale (chuyển nhượng)",
  GIFT: "a gift (tặng cho)",
  INHERITANCE: "an inheritance (thừa kế)",
  CAPITAL_CONTRIBUTION: "a capital contribution (góp vốn)",
});

export interface TransferInput {
  kind: TransferKind;
  parcel: ParcelFacts;
  /** The certificate presented (the register's record of it), or null when the parcel has none. */
  certificate: CertificateFacts | null;
  /** Every encumbrance the register holds for the parcel, past ones included. */
  encumbrances: readonly EncumbranceFacts[];
  /** The holders giving up the right (for an inheritance, the deceased). */
  transferorIds: readonly string[];
  /** The people receiving it, by personal identification number. */
  transfereeIds: readonly string[];
  /** The day the change is registered. */
  onDate: string;
  today: string;
}

const checkIdList = (ids: readonly string[], field: string, who: string): RuleProblem | undefined => {
  if (ids.length === 0) return { field, message: `Name at least one ${who}.` };
  const seen = new Set<string>();
  for (const [index, id] of ids.entries()) {
    if (seen.has(id)) {
      return { field: `${field}[${index}]`, message: `${id} is named twice among the ${who}s.` };
    }
    seen.add(id);
  }
  return undefined;
};

/**
 * Change registration for a sale, gift, inheritance or capital contribution (procedure 1.013831;
 * Luật Đất đai 2024 art. 45(1)), on the day it is registered:
 * - (a) the parcel has a certificate, except for an inheritance, which heirs may register without
 *   one; a certificate presented must be the valid one, not one already replaced or cancelled;
 * - (b), (c), (đ) no dispute, seizure or court interim measure in force, nor any other
 *   encumbrance the register marks as blocking transfers (a mortgage, unless the creditor agrees);
 * - (d) every use on the parcel is within its term;
 * - the transferors hold the certificate (when there is one), and the transferees are people with
 *   a well-formed personal identification number (DESIGN §6) who are not simply the transferors
 *   again: a transfer from a group to the very same group changes nothing. A co-holder may still
 *   be among the transferees, as when spouses transfer to one of them.
 * Registering later than the 30 days of art. 133(3) is still a registration (it can be fined), so
 * lateness is not a problem here. Whether every co-holder has to sign is a matter of the contract
 * the officer reads, not of the register.
 */
export const checkTransfer = ({
  kind,
  parcel,
  certificate,
  encumbrances,
  transferorIds,
  transfereeIds,
  onDate,
  today,
}: TransferInput): RuleProblem | undefined => {
  requireCalendarDate(today, "current date");
  const dateProblem = checkRequestDate(onDate, "onDate", "registration date", today);
  if (dateProblem) return dateProblem;
  const what = TRANSFER_WORDS[kind];
  if (!what) {
    return {
      field: "kind",
      message: `The kind of transfer must be one of ${Object.keys(TRANSFER_WORDS).join(", ")}, got ${String(kind)}.`,
    };
  }

  const listProblem =
    checkIdList(transferorIds, "transferorIds", "transferor") ??
    checkIdList(transfereeIds, "transfereeIds", "transferee");
  if (listProblem) return listProblem;
  for (const [index, id] of transfereeIds.entries()) {
    const parsed = parsePersonalId(id, asInstant(today));
    if (!parsed.ok) return { field: `transfereeIds[${index}]`, message: parsed.reason };
  }
  const giving = new Set(transferorIds);
  if (transfereeIds.length === giving.size && transfereeIds.every((id) => giving.has(id))) {
    return {
      field: "transfereeIds",
      message: `The transferees are the transferors themselves (${[...giving].join(", ")}); ${what} must pass the right to someone else.`,
    };
  }

  if (certificate === null) {
    if (kind !== "INHERITANCE") {
      return {
        field: "certificate.serial",
        message: `${describeParcel(parcel.key)} has no certificate; ${what} needs one (Luật Đất đai 2024 art. 45(1)(a)); only an inheritance may be registered without it.`,
      };
    }
  } else {
    const invalid = checkValidCertificate(certificate, what);
    if (invalid) return invalid;
    const holders = new Set(certificate.holders.map((holder) => holder.personalId));
    for (const [index, id] of transferorIds.entries()) {
      if (!holders.has(id)) {
        return {
          field: `transferorIds[${index}]`,
          message: `${id} does not hold the certificate ${certificate.serial} (its holders: ${[...holders].join(", ") || "none"}); only a holder can transfer the right.`,
        };
      }
    }
  }

  const barring = firstActive(
    encumbrances,
    onDate,
    (record) => record.blocksTransfer || LEGAL_BARS.includes(record.kind),
  );
  if (barring) return blockedBy(barring, parcel, what, "Luật Đất đai 2024 art. 45(1)");
  return expiredUse(parcel, onDate, what, "Luật Đất đai 2024 art. 45(1)(d)");
};

// ---------------------------------------------------------------------------------------------
// Certificates

/** Why a certificate is issued: the first one, or one replacing the parcel's valid certificate. */
export type CertificateIssueReason = "FIRST" | "EXCHANGE" | "REISSUE" | "CHANGE";

const REASON_WORDS: Readonly<Record<CertificateIssueReason, string>> = Object.freeze({
  FIRST: "a first certificate (1.013978)",
  EXCHANGE: "an exchange (cấp đổi, 1.012783)",
  REISSUE: "a re-issue of a lost certificate (cấp lại, 1.012786)",
  CHANGE: "a new certificate after a change (đăng ký biến động, 1.013831)",
});

const HOLDER_ROLES: readonly HolderRole[] = [
  "INDIVIDUAL",
  "HOUSEHOLD_HEAD",
  "HUSBAND",
  "WIFE",
  "REPRESENTATIVE",
  "MEMBER",
];

export interface NewCertificate {
  serial: string;
  form: CertificateForm;
  holders: readonly CertificateHolder[];
}

export interface CertificateIssueInput {
  reason: CertificateIssueReason;
  /** Every certificate the register holds for the parcel, whatever its status. */
  existing: readonly CertificateFacts[];
  /**
   * The serial of the parcel's valid certificate, which the same step marks REPLACED (exchange,
   * change) or CANCELLED (a lost one); null for a first certificate.
   */
  replacesSerial: string | null;
  certificate: NewCertificate;
  /** Whether the population register knows this personal identification number. */
  isKnownPerson: (personalId: string) => boolean;
}

/**
 * Issuing a certificate for a parcel. The register must never show two valid certificates for one
 * parcel (land-and-social.md §A5, item 5): a first certificate is issued only where none is valid,
 * and every other issue replaces the valid one in the same step, which the caller names in
 * `replacesSerial` and marks REPLACED or CANCELLED in the same transaction. Its holders are at least
 * one person, each known to the population register and named once; the serial fits the form
 * and is not the serial of a certificate the parcel already had.
 *
 * A register already showing two valid certificates for the parcel is corrupt and throws a
 * RangeError: the officer cannot choose between them, the register must be corrected first.
 */
export const checkCertificateIssue = ({
  reason,
  existing,
  replacesSerial,
  certificate,
  isKnownPerson,
}: CertificateIssueInput): RuleProblem | undefined => {
  const valid = existing.filter((record) => record.status === "VALID");
  if (valid.length > 1) {
    throw new RangeError(
      `The register shows ${valid.length} valid certificates for one parcel (${valid.map((record) => record.serial).join(", ")}); correct it first`,
    );
  }
  const what = REASON_WORDS[reason];
  if (!what) {
    return {
      field: "reason",
      message: `The reason must be one of ${Object.keys(REASON_WORDS).join(", ")}, got ${String(reason)}.`,
    };
  }
  const current = valid[0];
  if (reason === "FIRST") {
    if (current) {
      return {
        field: "reason",
        message: `The parcel already has the valid certificate ${current.serial}; a parcel has only one valid certificate, so ask for an exchange (1.012783) or a re-issue (1.012786) instead of a first certificate.`,
      };
    }
    if (replacesSerial !== null && replacesSerial !== undefined && replacesSerial.trim() !== "") {
      return {
        field: "replacesSerial",
        message: `A first certificate replaces none, but ${JSON.stringify(replacesSerial)} was named.`,
      };
    }
  } else {
    if (!current) {
      return {
        field: "replacesSerial",
        message: `The parcel has no valid certificate; ${what} replaces the valid one, so the register must show it first.`,
      };
    }
    if (replacesSerial === null || replacesSerial === undefined || replacesSerial.trim() === "") {
      return {
        field: "replacesSerial",
        message: `Name the certificate this one replaces: the parcel's valid certificate is ${current.serial}.`,
      };
    }
    if (serialKey(replacesSerial) !== serialKey(current.serial)) {
      const other = existing.find((record) => serialKey(record.serial) === serialKey(replacesSerial));
      return {
        field: "replacesSerial",
        message: other
          ? `The certificate ${other.serial} is already ${other.status}; the one to replace is the valid certificate ${current.serial}.`
          : `${JSON.stringify(replacesSerial)} is not a certificate of this parcel; the one to replace is the valid certificate ${current.serial}.`,
      };
    }
  }

  const serialProblem = checkCertificateSerial(certificate.form, certificate.serial, "certificate");
  if (serialProblem) return serialProblem;
  const reused = existing.find((record) => serialKey(record.serial) === serialKey(certificate.serial));
  if (reused) {
    return {
      field: "certificate.serial",
      message: `The serial ${certificate.serial} is already used by this parcel's ${reused.status} certificate; each certificate has its own serial.`,
    };
  }

  if (certificate.holders.length === 0) {
    return { field: "certificate.holders", message: "A certificate names at least one holder." };
  }
  const seen = new Set<string>();
  for (const [index, holder] of certificate.holders.entries()) {
    const field = `certificate.holders[${index}]`;
    if (!HOLDER_ROLES.includes(holder.role)) {
      return {
        field: `${field}.role`,
        message: `The holder's role must be one of ${HOLDER_ROLES.join(", ")}, got ${String(holder.role)}.`,
      };
    }
    if (seen.has(holder.personalId)) {
      return { field: `${field}.personalId`, message: `${holder.personalId} is named twice among the holders.` };
    }
    seen.add(holder.personalId);
    if (!isKnownPerson(holder.personalId)) {
      return {
        field: `${field}.personalId`,
        message: `${holder.personalId} is not a person known to the population register; a certificate names identified holders only.`,
      };
    }
  }
  return undefined;
};

export interface FirstCertificateInput {
  parcel: ParcelFacts;
  /** Every certificate the register holds for the parcel, whatever its status. */
  existing: readonly CertificateFacts[];
  certificate: NewCertificate;
  isKnownPerson: (personalId: string) => boolean;
}

/**
 * First registration and first certificate (procedure 1.013978; Luật Đất đai 2024 arts. 131–136):
 * the parcel as entered passes `checkParcel`, and the certificate passes `checkCertificateIssue`
 * as a FIRST issue: no valid certificate exists for the parcel, and the holders are known people.
 */
export const checkFirstCertificate = ({
  parcel,
  existing,
  certificate,
  isKnownPerson,
}: FirstCertificateInput): RuleProblem | undefined =>
  checkParcel({ parcel }) ??
  checkCertificateIssue({ reason: "FIRST", existing, replacesSerial: null, certificate, isKnownPerson });

// ---------------------------------------------------------------------------------------------
// Splits

/** One parcel resulting from a split. */
export interface SplitPart {
  areaM2: number;
  /**
   * The use whose minimum applies: one of the parent's uses (a split does not change the use;
   * that is procedure 1.013949). For a part with residential land and garden, its residential code.
   */
  landUseCode: string;
  /** The width of the part's side on the road, in metres, where the province sets a minimum. */
  frontageM?: number;
  /** The depth of the part, in metres, where the province sets a minimum. */
  depthM?: number;
  /** The adjacent parcel the part is merged into in the same step, when it is below the minimum. */
  mergesWithNeighbour?: ParcelKey;
}

export interface SplitInput {
  parcel: ParcelFacts;
  /** The certificate presented (the register's record of it), or null when the parcel has none. */
  certificate: CertificateFacts | null;
  encumbrances: readonly EncumbranceFacts[];
  /** The province whose decision sets the minimum, and its zone for the parcel (see MinimumSplitArea). */
  provinceCode: string;
  zone: string;
  parts: readonly SplitPart[];
  /** The day the split is registered. */
  onDate: string;
  today: string;
  /** The minimum table to apply; the table in force when omitted. */
  minimumSplitAreas?: readonly MinimumSplitArea[];
}

const SPLIT = "a split (tách thửa)";
const ART_220 = "Luật Đất đai 2024 art. 220";

/** Measures the province sets beside the area: each missing or short one is refused. */
const checkPartMeasures = (
  part: SplitPart,
  row: MinimumSplitArea,
  prefix: string,
  provinceCode: string,
): RuleProblem | undefined => {
  const measures = [
    ["frontageM", "frontage (mặt tiền)", row.minFrontageM, part.frontageM],
    ["depthM", "depth (chiều sâu)", row.minDepthM, part.depthM],
  ] as const;
  for (const [name, words, minimum, value] of measures) {
    if (minimum === undefined) continue;
    if (!isPositiveNumber(value)) {
      return {
        field: `${prefix}.${name}`,
        message: `Province ${provinceCode} sets a minimum ${words} of ${minimum} m for ${part.landUseCode} land in zone ${row.zone}; give the part's ${words}.`,
      };
    }
    if (value < minimum) {
      return {
        field: `${prefix}.${name}`,
        message: `The part's ${words} of ${value} m is below the minimum of ${minimum} m set for ${part.landUseCode} land in zone ${row.zone} (${row.source}).`,
      };
    }
  }
  return undefined;
};

/**
 * Splitting a parcel (procedure 1.012784; Luật Đất đai 2024 art. 220), on the day it is registered:
 * - the parcel has its valid certificate and every use on it is within its term;
 * - no dispute, seizure or court interim measure is in force on it (the law lets a disputed part
 *   be left out of the split; that is a decision for the officer and is not modelled, so any
 *   dispute refuses);
 * - the split gives at least two parts, each of more than 0 m² and of a use the parcel has, and
 *   together they make up the parcel: their sum equals its area within AREA_TOLERANCE_M2;
 * - each part reaches the minimum area (and frontage, depth) the province sets for its zone and
 *   use, unless it is merged with an adjacent parcel in the same step. When the province has no
 *   minimum in the table, or none for that zone and use, the split is refused and the message says
 *   the minimum is not configured: the hub never guesses a province's numbers.
 * Access to a road and to utilities for each part is for the officer to see on the plan.
 */
export const checkSplit = ({
  parcel,
  certificate,
  encumbrances,
  provinceCode,
  zone,
  parts,
  onDate,
  today,
  minimumSplitAreas = MINIMUM_SPLIT_AREAS,
}: SplitInput): RuleProblem | undefined => {
  requireCalendarDate(today, "current date");
  const dateProblem = checkRequestDate(onDate, "onDate", "registration date", today);
  if (dateProblem) return dateProblem;

  if (certificate === null) {
    return {
      field: "certificate.serial",
      message: `${describeParcel(parcel.key)} has no certificate; ${SPLIT} needs the parcel's valid certificate (${ART_220}).`,
    };
  }
  const invalid = checkValidCertificate(certificate, SPLIT);
  if (invalid) return invalid;
  const expired = expiredUse(parcel, onDate, SPLIT, ART_220);
  if (expired) return expired;
  const barring = firstActive(encumbrances, onDate, (record) => LEGAL_BARS.includes(record.kind));
  if (barring) return blockedBy(barring, parcel, SPLIT, ART_220);

  if (parts.length < 2) {
    return {
      field: "parts",
      message: `A split gives at least two parcels; ${parts.length === 0 ? "no part was" : "one part was"} given.`,
    };
  }
  const parentUses = new Set(parcel.uses.map((use) => use.landUseCode));
  for (const [index, part] of parts.entries()) {
    const prefix = `parts[${index}]`;
    if (!isPositiveNumber(part.areaM2)) {
      return {
        field: `${prefix}.areaM2`,
        message: `Each part must have an area of more than 0 m², got ${String(part.areaM2)}.`,
      };
    }
    const codeProblem = landUseCodeProblem(part.landUseCode);
    if (codeProblem) return { field: `${prefix}.landUseCode`, message: codeProblem };
    if (!parentUses.has(part.landUseCode)) {
      return {
        field: `${prefix}.landUseCode`,
        message: `The parcel has no ${part.landUseCode} land (it has ${[...parentUses].join(", ")}); a split keeps the parcel's uses, and a change of use is procedure 1.013949.`,
      };
    }
    if (part.mergesWithNeighbour && sameParcel(part.mergesWithNeighbour, parcel.key)) {
      return {
        field: `${prefix}.mergesWithNeighbour`,
        message: "A part cannot be merged back into the parcel being split; name the adjacent parcel.",
      };
    }
  }
  const total = parts.reduce((sum, part) => sum + part.areaM2, 0);
  if (Math.abs(total - parcel.areaM2) > AREA_TOLERANCE_M2 + 1e-9) {
    return {
      field: "parts",
      message: `The parts add up to ${m2(total)}, but the parcel has ${m2(parcel.areaM2)}; the parts of a split must make up the whole parcel.`,
    };
  }

  if (!/^\d{2}$/.test(provinceCode)) {
    return {
      field: "provinceCode",
      message: `The province code must have 2 digits, got ${JSON.stringify(provinceCode)}.`,
    };
  }
  for (const [index, part] of parts.entries()) {
    // A part below the minimum may be split off when it is merged with a neighbour at the same time.
    if (part.mergesWithNeighbour) continue;
    const prefix = `parts[${index}]`;
    if (!provinceHasMinimumSplitAreas(provinceCode, minimumSplitAreas)) {
      return {
        field: "provinceCode",
        message: `The minimum split area is not configured for province ${provinceCode}: its People's Committee's decision has not been entered, so no split can be checked there (the hub does not guess a minimum).`,
      };
    }
    const row = minimumSplitArea(provinceCode, zone, part.landUseCode, minimumSplitAreas);
    if (!row) {
      return {
        field: `${prefix}.landUseCode`,
        message: `The minimum split area is not configured for ${part.landUseCode} land in zone ${JSON.stringify(zone)} of province ${provinceCode}; enter it from the province's decision before splitting (the hub does not guess a minimum).`,
      };
    }
    if (part.areaM2 < row.minAreaM2) {
      return {
        field: `${prefix}.areaM2`,
        message: `The part of ${m2(part.areaM2)} is below the minimum of ${m2(row.minAreaM2)} for ${part.landUseCode} land in zone ${row.zone} (${row.source}); a smaller part can only be split off if it is merged with an adjacent parcel at the same time (${ART_220}).`,
      };
    }
    const measureProblem = checkPartMeasures(part, row, prefix, provinceCode);
    if (measureProblem) return measureProblem;
  }
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// Construction permits

/** Nhà ở riêng lẻ, or another work of grade III or IV, the two the commune issues permits for. */
export type WorkType = "INDIVIDUAL_HOUSE" | "OTHER_WORKS";

const PERMIT_KINDS: readonly PermitKind[] = ["NEW", "REPAIR_RENOVATION", "RELOCATION", "TEMPORARY"];
const WORK_TYPES: readonly WorkType[] = ["INDIVIDUAL_HOUSE", "OTHER_WORKS"];

export interface ConstructionPermitInput {
  kind: PermitKind;
  workType: WorkType;
  /** The parcel the work stands on, as the register holds it. */
  parcel: ParcelFacts;
  /** All floors, counting basements, mezzanines, technical floors and the roof structure (tum). */
  floors: number;
  groundFloorAreaM2: number;
  /** Tổng diện tích sàn, all floors together. */
  grossFloorAreaM2: number;
}

/**
 * A construction permit (procedure 1.013225; NĐ 217/2026/NĐ-CP):
 * - a new individual house needs residential land (ONT or ODT) on its parcel: the land use on the
 *   land papers must fit the work (art. 50(1));
 * - the permit states the floors and floor areas (art. 49): at least one floor, areas above 0 m²,
 *   and the gross floor area, which includes the ground floor, at least the ground floor area;
 * - the ground floor stands on the parcel, so it cannot exceed the parcel's area.
 * Whether the work needs a permit at all (the exemptions of Luật Xây dựng 135/2025) and whether the
 * design fits the detailed plan are not checked here.
 */
export const checkConstructionPermit = ({
  kind,
  workType,
  parcel,
  floors,
  groundFloorAreaM2,
  grossFloorAreaM2,
}: ConstructionPermitInput): RuleProblem | undefined => {
  if (!PERMIT_KINDS.includes(kind)) {
    return {
      field: "kind",
      message: `The permit kind must be one of ${PERMIT_KINDS.join(", ")}, got ${String(kind)}.`,
    };
  }
  if (!WORK_TYPES.includes(workType)) {
    return {
      field: "workType",
      message: `The work type must be one of ${WORK_TYPES.join(", ")}, got ${String(workType)}.`,
    };
  }
  if (!isPositiveInteger(floors)) {
    return { field: "floors", message: `The number of floors must be a whole number ≥ 1, got ${String(floors)}.` };
  }
  if (!isPositiveNumber(groundFloorAreaM2)) {
    return {
      field: "groundFloorAreaM2",
      message: `The ground floor area must be more than 0 m², got ${String(groundFloorAreaM2)}.`,
    };
  }
  if (!isPositiveNumber(grossFloorAreaM2)) {
    return {
      field: "grossFloorAreaM2",
      message: `The gross floor area must be more than 0 m², got ${String(grossFloorAreaM2)}.`,
    };
  }
  if (grossFloorAreaM2 < groundFloorAreaM2) {
    return {
      field: "grossFloorAreaM2",
      message: `The gross floor area ${m2(grossFloorAreaM2)} is less than the ground floor's ${m2(groundFloorAreaM2)}; the gross area counts every floor, the ground floor included.`,
    };
  }
  if (groundFloorAreaM2 > parcel.areaM2) {
    return {
      field: "groundFloorAreaM2",
      message: `The ground floor area ${m2(groundFloorAreaM2)} is larger than ${describeParcel(parcel.key)}, which has ${m2(parcel.areaM2)}.`,
    };
  }
  if (kind === "NEW" && workType === "INDIVIDUAL_HOUSE") {
    const residential = parcel.uses.some((use) => RESIDENTIAL_CODES.includes(use.landUseCode));
    if (!residential) {
      const uses = parcel.uses.map((use) => use.landUseCode).join(", ") || "no registered use";
      return {
        field: "parcel",
        message: `A new individual house needs residential land (ONT or ODT) on its parcel, but ${describeParcel(parcel.key)} has ${uses} (NĐ 217/2026 art. 50(1)); change the land use first (procedure 1.013949).`,
      };
    }
  }
  return undefined;
};

/** Months within which work must start after issue or after each extension (NĐ 217/2026 art. 49(10)). */
export const PERMIT_START_MONTHS = 12;

/** Extensions of the start deadline a permit may have (NĐ 217/2026 art. 63(3)(a)). */
export const MAX_PERMIT_EXTENSIONS = 2;

/**
 * The day by which work must start: 12 months after issue (art. 49(10)), and 12 more for each
 * extension (art. 63(3)(a)), i.e. issuedOn + 12 × (1 + extensions) months, counted in one step to
 * the corresponding day (or the month's last day when it has none, Civil Code 2015 art. 148).
 * A number of extensions that is not a whole number from 0 to MAX_PERMIT_EXTENSIONS throws.
 */
export const permitStartDeadline = (issuedOn: string, extensions: number): string => {
  requireCalendarDate(issuedOn, "permit issue date");
  if (!Number.isInteger(extensions) || extensions < 0 || extensions > MAX_PERMIT_EXTENSIONS) {
    throw new RangeError(
      `A permit has from 0 to ${MAX_PERMIT_EXTENSIONS} extensions (NĐ 217/2026 art. 63(3)(a)), got ${extensions}`,
    );
  }
  return addMonths(issuedOn, PERMIT_START_MONTHS * (1 + extensions));
};

export interface PermitExtensionInput {
  permit: PermitFacts;
}

/**
 * Extending a construction permit's start deadline (procedure 1.013227; NĐ 217/2026 art. 63(3)(a)):
 * - a permit revoked (thu hồi) or cancelled (hủy) no longer exists and cannot be extended;
 * - one whose work has started has no start deadline left to extend;
 * - at most two extensions of 12 months each: a third is refused.
 * Whether a request made after the start deadline may still be granted is not settled by the
 * research, so an EXPIRED permit is not refused here on that ground alone.
 */
export const checkPermitExtension = ({ permit }: PermitExtensionInput): RuleProblem | undefined => {
  requireCalendarDate(permit.issuedOn, "permit issue date");
  if (!Number.isInteger(permit.extensions) || permit.extensions < 0) {
    throw new RangeError(`A permit's extension count must be a whole number ≥ 0, got ${permit.extensions}`);
  }
  if (permit.status === "REVOKED" || permit.status === "CANCELLED") {
    return {
      field: "permit.status",
      message: `The permit is ${permit.status}; a revoked or cancelled permit cannot be extended.`,
    };
  }
  if (permit.status === "STARTED") {
    return {
      field: "permit.status",
      message:
        "Work under this permit has started; an extension moves only the start deadline, so there is nothing to extend.",
    };
  }
  if (permit.extensions >= MAX_PERMIT_EXTENSIONS) {
    return {
      field: "permit.extensions",
      message: `The permit has already been extended ${permit.extensions} times; a permit may be extended at most ${MAX_PERMIT_EXTENSIONS} times, by 12 months each (NĐ 217/2026 art. 63(3)(a)).`,
    };
  }
  return undefined;
};
