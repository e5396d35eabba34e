import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

import { LUNAR_HOLIDAYS } from "./lunar-holidays";

/**
 * The working-day calendar of the public sector, and the due dates and timeliness of dossiers that
 * follow from it (DESIGN §4). The rules, each with the text it comes from:
 *
 * Civil time. Vietnam keeps UTC+7 all year (no daylight saving), so local dates and times are
 * computed with a fixed +07:00 offset; instants stay JavaScript Dates (UTC). No time-zone database
 * is consulted, so the result never depends on the server's zone or ICU build.
 *
 * Working days. Monday to Friday are worked, Saturday and Sunday are the weekly rest days of
 * the public sector (the 40-hour week of Decision 188/1999/QĐ-TTg), and the days off and
 * make-up working days of each year come from infra/calendar/<year>.json (holidays of Labour Code
 * 2019 art. 112, compensatory days of art. 111(3), and the swaps the Prime Minister approves each
 * year). Treating Tết as working days would silently shorten every deadline that crosses it, so a
 * year without a file is never read as weekends only: it is either provisional (below) or refused.
 *
 * Provisional years (DESIGN §4: a year without an official calendar file never stops the desks).
 * Which Tết days, which day next to 2 September and which Saturday swaps apply is announced each
 * year (Labour Code art. 112(3)); the rest is computable. For a year with no file whose lunar dates
 * are in lunar-holidays.ts (2025–2040), the calendar computes the days off itself, choosing every
 * doubt on the side of a day off, so that the provisional due date is never earlier than the
 * official one will be (a set of days off that contains the official one can only push the n-th
 * working day later):
 * - the fixed days of art. 112(1): 1 January, Giỗ Tổ Hùng Vương (10/3 lunar), 30 April, 1 May,
 *   2 September; one on a Saturday or Sunday moves to the next working day (art. 111(3));
 * - the day adjacent to 2 September is the Prime Minister's choice of 1 or 3 September: the
 *   calendar takes the union of both arrangements, so both days are off when they are weekdays, and
 *   either one on a weekend is compensated as if it had been chosen;
 * - Tết: every weekday from three days before mùng 1 (27 or 28 tháng Chạp, as the twelfth month
 *   has 29 or 30 days) through mùng 7. The public-sector Tết breaks of 2017–2026, as reported, kept
 *   their weekdays off between the 2nd day before mùng 1 and mùng 6, whatever the swaps, so the
 *   window has a day of margin on each side; compensatory days for Tết days on a weekend fall in it;
 * - a single working weekday left between a day off and a weekend ("bridge day") is off: that is
 *   the day the yearly swaps give (2 May 2025, 2 January 2026, 31 August 2026), and it also extends
 *   the Tết window to whole weekends. The make-up Saturday a swap costs is not assumed: every
 *   Saturday of a provisional year stays off;
 * - 24 November (Ngày Văn hóa Việt Nam) is off too, with its weekend compensated: Resolution
 *   80-NQ/TW (2026) calls for it to become a paid holiday, and no amendment in force was found
 *   (infra/calendar/2026.json, note). Counting it costs a day if it stays a working day; not counting
 *   it would make due dates early if it is enacted.
 * Each such day is listed by `holidayOn` with a name and a source that ends "provisional: computed,
 * not announced". `isProvisional` tells a provisional date from an official one, and
 * `dueAtWithProvenance` marks a due date whose count touched a provisional year. When the year's
 * official file is added, a fresh `loadWorkingCalendar` reads it and the year is official from then
 * on; callers recompute the due dates they stored as provisional (`recomputeDueAt`). A year that
 * has neither a file nor lunar dates is refused (CalendarCoverageError).
 *
 * Reception after 15:00. A dossier received after 15:00 counts as received on the next working
 * day: Luật Hộ tịch 2014 art. 5(3) for same-day civil-status matters, repeated by the 2026 procedure
 * records ("nếu tiếp nhận hồ sơ sau 15 giờ thì … trả kết quả … trong ngày làm việc tiếp theo"), and
 * Decree 63/2024/NĐ-CP art. 7(2) for the linked e-procedures ("Nếu tiếp nhận hồ sơ sau 15 giờ thì
 * thời gian được tính bắt đầu từ ngày làm việc tiếp theo"). The one-stop mechanism itself is
 * governed since 1 July 2025 by Decree 118/2025/NĐ-CP (amended by Decree 367/2025/NĐ-CP), which
 * replaced Decrees 61/2018 and 107/2021; the civil-status procedures are those the Ministry of
 * Justice publishes (the 2026 records cite Decision 163/QĐ-BTP, replacing 1872/QĐ-BTP of 2020).
 * Applying the rule to multi-day limits as well is this module's reading, not a quoted text. By the same logic one accepted on a day off (an
 * online dossier accepted at the weekend or during Tết) counts from the next working day.
 * 15:00:00.000 itself is not after 15:00; 15:00:00.001 is.
 *
 * Counting. Civil Code 2015 art. 147(2): when a period is set in days, the day of the event is not
 * counted, so n working days end on the n-th working day after the effective reception day. Art.
 * 148(1) and (6): a period in days ends at the end of its last day, at 24:00; this module
 * represents that instant as 23:59:59.999 local time (so that the due date, shown in local time,
 * reads as the right day) and a dossier is on time when it ends at or before it. Office hours are
 * deliberately not used: they differ between provinces, and the law does not end a day at 17:00.
 *
 * Calendar days. A limit written in "ngày" rather than "ngày làm việc" counts calendar days: land
 * allocation, lease or change of use by the commune chair ("không quá 15 ngày") and land disputes
 * decided by the commune chair ("không quá 45 ngày", Decree 151/2025/NĐ-CP Phụ lục II). (Construction
 * permits, once 15 days, are 7 working days for an individual house since 1 July 2026: Decree
 * 217/2026/NĐ-CP art. 54(1)(b).) When the last day is a weekend or a holiday the period ends at the
 * end of the next working day (Civil Code 2015 art. 148(5)).
 *
 * Timeliness (indicator 2.1, processing on time, of the national set of Decision 766/QĐ-TTg (2022),
 * as DESIGN §4 states it). A dossier that has ended is ON_TIME when its end is at or before the due
 * date extended by the time it spent waiting for the citizen (SUPPLEMENT_REQUESTED), otherwise
 * LATE; a second supplement request makes it LATE whatever the dates, because the office must ask
 * for everything missing at once. An open dossier is OVERDUE once `now` is past the extended due
 * date, IN_PROGRESS before (with two requests it becomes LATE only when it ends).
 *
 * The extension is working time, not elapsed time: only the part of a supplement interval that
 * falls on working days counts, and it is added to the due date on the same working-day clock
 * (days off neither extend nor consume it). A request sent on the Friday before Tết and answered on
 * the first day back extends the due date by the working hours of those two days, not by the nine
 * days of the holiday, which would otherwise hand the office a week nobody spent waiting.
 */

/** The only time zone a data file may declare; the offset below is its (fixed) UTC offset. */
export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** Where the yearly data files live, from the compiled location dist/subgraphs/kit. */
export const DEFAULT_CALENDAR_DIR = resolve(__dirname, "../../../infra/calendar");

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const VIETNAM_OFFSET_MS = 7 * HOUR_MS;
/** Receipt after this local time of day counts from the next working day. */
const RECEPTION_CUTOFF_MS = 15 * HOUR_MS;

/** A problem in a calendar data file (or the directory), naming the file. */
export class CalendarDataError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = "CalendarDataError";
  }
}

/** A date in a year with neither a data file nor lunar dates to compute a provisional year from. */
export class CalendarCoverageError extends Error {
  constructor(
    readonly year: number,
    dir: string,
    years: readonly number[],
    provisionalYears: readonly number[] = [],
  ) {
    const provisional =
      provisionalYears.length === 0
        ? ""
        : `; provisional: ${provisionalYears[0]}–${provisionalYears[provisionalYears.length - 1]}`;
    super(
      `The working-day calendar has no data for ${year} (loaded: ${years.join(", ")}${provisional}): add ` +
        `${join(dir, `${year}.json`)} with that year's official days off, or its lunar dates to ` +
        `subgraphs/kit/lunar-holidays.ts, before computing dates in it`,
    );
    this.name = "CalendarCoverageError";
  }
}

/**
 * A day off: a weekday (Monday to Friday) the public sector does not work, listed in a data file or,
 * in a provisional year, computed (its source then ends "provisional: computed, not announced").
 */
export interface Holiday {
  date: string;
  /** Vietnamese name — English name. */
  name: string;
  /** The legal instrument that makes the day off. */
  source: string;
  /** What could not be confirmed about the entry, if anything. */
  note?: string;
}

/** A Saturday or Sunday worked in exchange for a weekday off (`replaces`). */
export interface MakeUpWorkingDay {
  date: string;
  replaces: string;
  source: string;
  note?: string;
}

/** Statutory processing limits, as the procedure catalogues state them. */
export type ProcedureLimit =
  | { kind: "SAME_DAY" }
  | { kind: "WORKING_DAYS"; days: number }
  | { kind: "CALENDAR_DAYS"; days: number };

/** A stay in SUPPLEMENT_REQUESTED; `to` is null while the office still waits for the citizen. */
export interface SupplementInterval {
  from: Date;
  to: Date | null;
}

export type Timeliness = "ON_TIME" | "LATE" | "OVERDUE" | "IN_PROGRESS";

export interface TimelinessInput {
  acceptedAt: Date;
  /** As computed by `dueAt` when the dossier was accepted. */
  dueAt: Date;
  /** The first of completed, returned, stopped or refused; null while the dossier is open. */
  endedAt: Date | null;
  supplementIntervals: readonly SupplementInterval[];
  now: Date;
}

export interface ExtendedDueInput {
  acceptedAt: Date;
  dueAt: Date;
  supplementIntervals: readonly SupplementInterval[];
  /** Where an open supplement interval stops counting: the end of the dossier, or now. */
  until: Date;
}

/** A due date and whether it rests on a provisional year. */
export interface DueAtWithProvenance {
  at: Date;
  /** True when a day from the acceptance day to the due day lies in a year without an official file. */
  provisional: boolean;
}

export interface WorkingCalendar {
  /** The years with an official data file, ascending. */
  readonly years: readonly number[];
  /** The years without a file that are computed provisionally (those with lunar dates), ascending. */
  readonly provisionalYears: readonly number[];
  /** Whether a date lies in a provisional year; throws CalendarCoverageError for a year not covered at all. */
  isProvisional(date: string): boolean;
  /** Whether a date ("YYYY-MM-DD") is worked by the public sector; throws for a year not covered. */
  isWorkingDay(date: string): boolean;
  /** The entry when the date is a weekday off: from the data file, or computed in a provisional year. */
  holidayOn(date: string): Holiday | undefined;
  /** The first working day strictly after the date. */
  nextWorkingDay(date: string): string;
  /** The n-th working day after the date, the date itself not counted (n = 0 gives the date). */
  addWorkingDays(date: string, days: number): string;
  /** The working day a dossier counts as received: the next one after 15:00 or on a day off. */
  effectiveAcceptanceDay(acceptedAt: Date): string;
  /** The last instant (23:59:59.999 local) on which the result is still on time. */
  dueAt(acceptedAt: Date, limit: ProcedureLimit): Date;
  /** `dueAt`, and whether it was counted (partly) on a provisional year and must be recomputed later. */
  dueAtWithProvenance(acceptedAt: Date, limit: ProcedureLimit): DueAtWithProvenance;
  /** The due date moved forward by the working time spent waiting for supplements. */
  extendedDueAt(input: ExtendedDueInput): Date;
  timeliness(input: TimelinessInput): Timeliness;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?$/;

/**
 * Dates already parsed and days already formatted. Due dates, receipts and seeds ask about the same
 * few thousand days over and over (a demo seed a million times), and the parse's round trip through
 * an ISO string is most of the cost. Both are pure, so the memos never go stale; each is emptied
 * when it reaches MEMO_LIMIT entries, which bounds memory whatever dates callers send.
 */
const MEMO_LIMIT = 50_000;
const parsedDates = new Map<string, number>();
const formattedDays = new Map<number, string>();

const remember = <K, V>(memo: Map<K, V>, key: K, value: V): V => {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
};

/** Milliseconds of UTC midnight for a valid "YYYY-MM-DD", or NaN; used for date arithmetic only. */
const dateValue = (date: string): number => {
  const known = parsedDates.get(date);
  if (known !== undefined) return known;
  const match = DATE_PATTERN.exec(date);
  if (!match) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const value = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2025-02-30 over to 2 March; a round trip catches dates that do not exist.
  return new Date(value).toISOString().slice(0, 10) === date ? remember(parsedDates, date, value) : Number.NaN;
};

const isDate = (value: unknown): value is string => typeof value === "string" && !Number.isNaN(dateValue(value));

const requireDate = (date: string, what = "date"): number => {
  const value = typeof date === "string" ? dateValue(date) : Number.NaN;
  if (Number.isNaN(value))
    throw new RangeError(`The ${what} must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return value;
};

const requireInstant = (instant: Date, what: string): number => {
  const value = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(value)) throw new RangeError(`The ${what} must be a valid Date, got ${String(instant)}`);
  return value;
};

/** The UTC date of a time value, "YYYY-MM-DD" (throws for an invalid one, as toISOString does). */
const formatDate = (value: number): string => {
  const day = Math.floor(value / DAY_MS);
  return formattedDays.get(day) ?? remember(formattedDays, day, new Date(value).toISOString().slice(0, 10));
};

/** The date `days` calendar days after (or before, if negative) a date. */
export const addCalendarDays = (date: string, days: number): string => formatDate(requireDate(date) + days * DAY_MS);

/** The same day `months` later, or that month's last day when it has no such day (31 August + 6 → 28 or 29 February). */
export const addMonths = (date: string, months: number): string => {
  requireDate(date);
  const [year, month, day] = date.split("-").map(Number);
  const total = year * 12 + (month - 1) + months;
  const lastDay = new Date(Date.UTC(Math.floor(total / 12), (total % 12) + 1, 0)).getUTCDate();
  return new Date(Date.UTC(Math.floor(total / 12), total % 12, Math.min(day, lastDay))).toISOString().slice(0, 10);
};

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
const weekday = (date: string): number => new Date(requireDate(date)).getUTCDay();

const isWeekend = (date: string): boolean => {
  const day = weekday(date);
  return day === 0 || day === 6;
};

/** The civil date in Vietnam of an instant, "YYYY-MM-DD". */
export const toLocalDate = (instant: Date): string =>
  formatDate(requireInstant(instant, "instant") + VIETNAM_OFFSET_MS);

/** Milliseconds since local midnight of an instant. */
const localTimeOfDay = (instant: Date): number =>
  (((requireInstant(instant, "instant") + VIETNAM_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;

/** The instant of a local date and time in Vietnam, e.g. localDateTime("2025-07-01", "15:01"). */
export const localDateTime = (date: string, time = "00:00"): Date => {
  const day = requireDate(date);
  const match = typeof time === "string" ? TIME_PATTERN.exec(time) : null;
  const [hours, minutes, seconds, millis] = match
    ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0), Number(match[4] ?? 0)]
    : [Number.NaN, 0, 0, 0];
  if (!(hours <= 23 && minutes <= 59 && seconds <= 59)) {
    throw new RangeError(
      `The time must be written HH:mm, HH:mm:ss or HH:mm:ss.SSS (00:00–23:59), got ${JSON.stringify(time)}`,
    );
  }
  return new Date(day + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis - VIETNAM_OFFSET_MS);
};

/** Local midnight at the start of a date. */
export const startOfLocalDay = (date: string): Date => localDateTime(date);

/** The last millisecond of a local date: the instant that stands for 24:00 (Civil Code art. 148(6)). */
export const endOfLocalDay = (date: string): Date => new Date(startOfLocalDay(addCalendarDays(date, 1)).getTime() - 1);

interface CalendarYear {
  year: number;
  file: string;
  holidays: Holiday[];
  makeUpWorkingDays: MakeUpWorkingDay[];
}

const FILE_KEYS = new Set(["$comment", "note", "year", "timeZone", "holidays", "makeUpWorkingDays"]);
const HOLIDAY_KEYS = new Set(["date", "name", "source", "note"]);
const MAKE_UP_KEYS = new Set(["date", "replaces", "source", "note"]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isText = (value: unknown): value is string => typeof value === "string" && value.trim().length > 0;

/** Checks one year file's shape and dates; every problem names the file and the entry. */
const parseYearFile = (file: string, yearFromName: number, text: string): CalendarYear => {
  const fail = (problem: string): never => {
    throw new CalendarDataError(file, problem);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(data)) return fail("must hold a JSON object with year, timeZone, holidays and makeUpWorkingDays");
  for (const key of Object.keys(data)) if (!FILE_KEYS.has(key)) fail(`unknown key "${key}"`);
  if (data.year !== yearFromName)
    fail(`"year" must be ${yearFromName}, as in the file name, got ${JSON.stringify(data.year)}`);
  if (data.timeZone !== VIETNAM_TIME_ZONE) {
    fail(`"timeZone" must be "${VIETNAM_TIME_ZONE}", got ${JSON.stringify(data.timeZone)}`);
  }
  for (const key of ["$comment", "note"]) {
    if (data[key] !== undefined && !isText(data[key])) fail(`"${key}" must be a non-empty string`);
  }
  if (!Array.isArray(data.holidays)) return fail(`"holidays" must be an array`);
  if (!Array.isArray(data.makeUpWorkingDays)) return fail(`"makeUpWorkingDays" must be an array`);

  const checkEntry = (entry: unknown, where: string, keys: Set<string>): Record<string, unknown> => {
    if (!isRecord(entry)) return fail(`${where} must be an object`);
    for (const key of Object.keys(entry)) if (!keys.has(key)) fail(`${where} has an unknown key "${key}"`);
    if (!isDate(entry.date)) fail(`${where} has no valid "date" (YYYY-MM-DD): ${JSON.stringify(entry.date)}`);
    if (Number((entry.date as string).slice(0, 4)) !== yearFromName)
      fail(`${where} (${entry.date}) is not in ${yearFromName}`);
    if (!isText(entry.source)) fail(`${where} (${entry.date}) must name its legal "source"`);
    if (entry.note !== undefined && !isText(entry.note)) fail(`${where} (${entry.date}) has an empty "note"`);
    return entry;
  };

  const holidays: Holiday[] = [];
  const holidayDates = new Set<string>();
  data.holidays.forEach((raw, index) => {
    const entry = checkEntry(raw, `holidays[${index}]`, HOLIDAY_KEYS);
    const date = entry.date as string;
    if (!isText(entry.name)) fail(`holidays[${index}] (${date}) must have a "name"`);
    // Weekends are off anyway: listing them would make the file ambiguous about what was announced.
    if (isWeekend(date)) fail(`holidays[${index}] (${date}) is a Saturday or Sunday; list only weekdays off`);
    if (holidayDates.has(date)) fail(`holidays[${index}] repeats ${date}`);
    holidayDates.add(date);
    holidays.push({ date, name: entry.name as string, source: entry.source as string, ...optionalNote(entry) });
  });

  const makeUpWorkingDays: MakeUpWorkingDay[] = [];
  const makeUpDates = new Set<string>();
  data.makeUpWorkingDays.forEach((raw, index) => {
    const entry = checkEntry(raw, `makeUpWorkingDays[${index}]`, MAKE_UP_KEYS);
    const date = entry.date as string;
    if (!isWeekend(date)) fail(`makeUpWorkingDays[${index}] (${date}) is a weekday, which is worked anyway`);
    if (!isDate(entry.replaces)) {
      fail(
        `makeUpWorkingDays[${index}] (${date}) has no valid "replaces" (YYYY-MM-DD): ${JSON.stringify(entry.replaces)}`,
      );
    }
    if (makeUpDates.has(date)) fail(`makeUpWorkingDays[${index}] repeats ${date}`);
    makeUpDates.add(date);
    makeUpWorkingDays.push({
      date,
      replaces: entry.replaces as string,
      source: entry.source as string,
      ...optionalNote(entry),
    });
  });

  holidays.sort((a, b) => a.date.localeCompare(b.date));
  makeUpWorkingDays.sort((a, b) => a.date.localeCompare(b.date));
  return { year: yearFromName, file, holidays, makeUpWorkingDays };
};

const optionalNote = (entry: Record<string, unknown>): { note?: string } =>
  entry.note === undefined ? {} : { note: entry.note as string };

const PROVISIONAL = "provisional: computed, not announced";
const LABOUR_CODE = "Bộ luật Lao động 2019 (45/2019/QH14)";
/** The provisional Tết window runs from this many days before mùng 1 (27 or 28 tháng Chạp)… */
const TET_DAYS_BEFORE = 3;
/** …to this many days after it (mùng 7). */
const TET_DAYS_AFTER = 6;

/** A day off by law, before weekend compensation: the two halves of a bilingual name and its source. */
interface StatutoryDay {
  date: string;
  vi: string;
  en: string;
  source: string;
  note?: string;
}

const provisionalHoliday = ({ date, vi, en, source, note }: StatutoryDay): Holiday => ({
  date,
  name: `${vi} — ${en}`,
  source: `${source} — ${PROVISIONAL}`,
  ...(note === undefined ? {} : { note }),
});

const tetName = (offset: number): Pick<StatutoryDay, "vi" | "en"> => {
  if (offset >= 0) {
    return {
      vi: `Tết Nguyên đán, mùng ${offset + 1} tháng Giêng`,
      en: offset === 0 ? "Lunar New Year's Day" : `Lunar New Year, day ${offset + 1}`,
    };
  }
  if (offset === -1) return { vi: "Tết Nguyên đán, ngày cuối tháng Chạp (giao thừa)", en: "Lunar New Year's Eve" };
  return {
    vi: `Tết Nguyên đán, ${-offset} ngày trước mùng 1 (khung nghỉ Tết tạm tính)`,
    en: `Lunar New Year break, ${-offset} days before New Year's Day (conservative window)`,
  };
};

/**
 * The weekdays off that a list of statutory days gives: each on a weekday as it is, each on a
 * Saturday or Sunday moved to the next working day that is not itself a day off (Labour Code art.
 * 111(3)); `alsoOff` holds other weekdays off (the Tết window) that a compensatory day skips.
 */
const compensate = (days: readonly StatutoryDay[], alsoOff: ReadonlySet<string>): Map<string, Holiday> => {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const statutory = new Set(sorted.map((day) => day.date));
  const off = new Map<string, Holiday>();
  for (const day of sorted) if (!isWeekend(day.date)) off.set(day.date, provisionalHoliday(day));
  for (const day of sorted) {
    if (!isWeekend(day.date)) continue;
    let date = addCalendarDays(day.date, 1);
    while (isWeekend(date) || statutory.has(date) || off.has(date) || alsoOff.has(date)) {
      date = addCalendarDays(date, 1);
    }
    const [vi, en] = weekday(day.date) === 6 ? ["thứ Bảy", "Saturday"] : ["Chủ nhật", "Sunday"];
    const [, month, dayOfMonth] = day.date.split("-").map(Number);
    const article = day.source.startsWith(`${LABOUR_CODE}, `) ? day.source.slice(LABOUR_CODE.length + 2) : day.source;
    off.set(
      date,
      provisionalHoliday({
        date,
        vi: `Nghỉ bù ${day.vi} (${vi} ${dayOfMonth}/${month})`,
        en: `compensatory day for ${day.en} (${en} ${day.date})`,
        source: `${LABOUR_CODE}, Điều 111 khoản 3 (nghỉ bù vào ngày làm việc kế tiếp) và ${article}`,
      }),
    );
  }
  return off;
};

/**
 * The weekdays off of a year computed without its official file (the rules are in the header,
 * "Provisional years"), ascending; undefined when lunar-holidays.ts has no lunar dates for the year.
 * Pure: the same year always gives the same list.
 */
export const provisionalHolidays = (year: number): Holiday[] | undefined => {
  const lunar = LUNAR_HOLIDAYS[year];
  if (lunar === undefined) return undefined;
  const on = (monthDay: string): string => `${year}-${monthDay}`;

  const tet = new Map<string, Holiday>();
  for (let offset = -TET_DAYS_BEFORE; offset <= TET_DAYS_AFTER; offset += 1) {
    const date = addCalendarDays(lunar.tet, offset);
    if (isWeekend(date)) continue;
    tet.set(
      date,
      provisionalHoliday({
        date,
        ...tetName(offset),
        source: `${LABOUR_CODE}, Điều 112 khoản 1 điểm b và khoản 3 (Thủ tướng Chính phủ quyết định cụ thể các ngày nghỉ Tết)`,
        note:
          `Conservative window from 3 days before mùng 1 (${lunar.tet}) through mùng 7; the announced break ` +
          "(five days of Tết, their compensatory days and any swap) lies inside it.",
      }),
    );
  }

  const fixed: StatutoryDay[] = [
    {
      date: on("01-01"),
      vi: "Tết Dương lịch",
      en: "New Year's Day",
      source: `${LABOUR_CODE}, Điều 112 khoản 1 điểm a`,
    },
    {
      date: lunar.hungKings,
      vi: "Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch)",
      en: "Hùng Kings' Commemoration",
      source: `${LABOUR_CODE}, Điều 112 khoản 1 điểm e`,
    },
    {
      date: on("04-30"),
      vi: "Ngày Chiến thắng",
      en: "Reunification Day",
      source: `${LABOUR_CODE}, Điều 112 khoản 1 điểm c`,
    },
    {
      date: on("05-01"),
      vi: "Ngày Quốc tế Lao động",
      en: "International Workers' Day",
      source: `${LABOUR_CODE}, Điều 112 khoản 1 điểm d`,
    },
    { date: on("09-02"), vi: "Quốc khánh", en: "National Day", source: `${LABOUR_CODE}, Điều 112 khoản 1 điểm đ` },
    {
      date: on("11-24"),
      vi: "Ngày Văn hóa Việt Nam (chưa là ngày nghỉ theo luật, tính thận trọng)",
      en: "Vietnamese Culture Day (not yet a legal day off, counted as off to stay conservative)",
      source:
        "Nghị quyết 80-NQ/TW ngày 07/01/2026 và Nghị quyết 30/NQ-CP (2026): đề nghị bổ sung vào Điều 112 khoản 1 " +
        `${LABOUR_CODE}; chưa thấy văn bản sửa đổi có hiệu lực`,
      note: "Not a day off unless the Labour Code is amended; remove it from the rules once that is settled either way.",
    },
  ];
  // The Prime Minister picks 1 or 3 September (art. 112(3)): either arrangement, compensation included.
  const adjacentDays: StatutoryDay[] = ["09-01", "09-03"].map((monthDay) => ({
    date: on(monthDay),
    vi: "Quốc khánh, ngày liền kề (1/9 hoặc 3/9 do Thủ tướng quyết định; tính cả hai)",
    en: "National Day, adjacent day (1 or 3 September, decided yearly; both counted)",
    source: `${LABOUR_CODE}, Điều 112 khoản 1 điểm đ và khoản 3`,
  }));

  const tetDates = new Set(tet.keys());
  const off = new Map(tet);
  for (const adjacent of adjacentDays) {
    for (const [date, holiday] of compensate([...fixed, adjacent], tetDates)) {
      if (!off.has(date)) off.set(date, holiday);
    }
  }

  // Bridge days. 1 January of the next year is a day off whatever its calendar, so 31 December
  // before a Tuesday New Year is a bridge too.
  const nextNewYear = `${year + 1}-01-01`;
  const isOff = (date: string): boolean => isWeekend(date) || off.has(date) || date === nextNewYear;
  const bridges: Holiday[] = [];
  for (let date = on("01-01"); date <= on("12-31"); date = addCalendarDays(date, 1)) {
    if (isOff(date) || !isOff(addCalendarDays(date, -1)) || !isOff(addCalendarDays(date, 1))) continue;
    bridges.push(
      provisionalHoliday({
        date,
        vi: "Ngày làm việc kẹp giữa ngày nghỉ lễ và ngày nghỉ cuối tuần (thường được hoán đổi)",
        en: "bridge day between a holiday and a weekend (usually swapped for a Saturday)",
        source:
          "hoán đổi ngày làm việc của cán bộ, công chức, viên chức do Thủ tướng Chính phủ quyết định hằng năm " +
          "(tiền lệ: 02/5/2025, 02/01/2026, 31/8/2026)",
        note: "The make-up Saturday a swap would cost is not assumed: Saturdays of a provisional year stay off.",
      }),
    );
  }
  return [...off.values(), ...bridges].sort((a, b) => a.date.localeCompare(b.date));
};

/** A due date fixed earlier, checked against the calendar in force now. */
export interface DueAtRecomputation {
  /** The due date on the current calendar. */
  at: Date;
  /** Whether it still rests on a provisional year: recompute again when that year's file is added. */
  provisional: boolean;
  /** Whether it differs from the due date fixed earlier; if so the dossier stores `at`, with a history entry. */
  changed: boolean;
}

/**
 * Recomputes a due date that was fixed on a provisional year, after the official file was added and
 * the calendar reloaded. `dueAt` is the date the dossier holds; a caller that still has the calendar
 * that fixed it can pass `fixedBy.dueAt(acceptedAt, limit)`. Pure: it reads nothing but its arguments.
 * The new date is normally not later than the provisional one (the provisional rules only add days
 * off); it can be earlier, which may make an open dossier overdue at once.
 */
export const recomputeDueAt = (
  calendar: WorkingCalendar,
  fixed: { acceptedAt: Date; limit: ProcedureLimit; dueAt: Date },
): DueAtRecomputation => {
  const previous = requireInstant(fixed.dueAt, "due date fixed earlier");
  const { at, provisional } = calendar.dueAtWithProvenance(fixed.acceptedAt, fixed.limit);
  return { at, provisional, changed: at.getTime() !== previous };
};

/**
 * Reads every year file (YYYY.json) in `dir` and returns the calendar. Synchronous: it runs once at
 * start-up, and a service must not start with a calendar it could not read.
 */
export const loadWorkingCalendar = (dir: string = DEFAULT_CALENDAR_DIR): WorkingCalendar => {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new CalendarDataError(dir, `cannot read the calendar directory (${(error as Error).message})`);
  }
  const files = names.filter((name) => name.endsWith(".json")).sort();
  if (files.length === 0) throw new CalendarDataError(dir, "holds no year file (YYYY.json)");

  const years: CalendarYear[] = files.map((name) => {
    const file = join(dir, name);
    const match = /^(\d{4})\.json$/.exec(name);
    if (!match) throw new CalendarDataError(file, "a calendar file must be named after its year, e.g. 2025.json");
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new CalendarDataError(file, `cannot be read (${(error as Error).message})`);
    }
    return parseYearFile(file, Number(match[1]), text);
  });

  const holidays = new Map<string, Holiday>();
  for (const year of years) for (const holiday of year.holidays) holidays.set(holiday.date, holiday);
  const loadedYears = new Set(years.map((year) => year.year));
  const makeUpDays = new Set<string>();
  const replaced = new Map<string, string>();
  for (const year of years) {
    for (const makeUp of year.makeUpWorkingDays) {
      // A swap may cross a year boundary (a Saturday in January for 31 December), so the replaced
      // day is checked once every file is in; its year must be loaded to be checked at all.
      const replacedYear = Number(makeUp.replaces.slice(0, 4));
      if (!loadedYears.has(replacedYear)) {
        throw new CalendarDataError(
          year.file,
          `make-up day ${makeUp.date} replaces ${makeUp.replaces}, but ${replacedYear}.json is missing`,
        );
      }
      if (!holidays.has(makeUp.replaces)) {
        throw new CalendarDataError(
          year.file,
          `make-up day ${makeUp.date} replaces ${makeUp.replaces}, which is not a listed day off`,
        );
      }
      const earlier = replaced.get(makeUp.replaces);
      if (earlier !== undefined) {
        throw new CalendarDataError(
          year.file,
          `make-up days ${earlier} and ${makeUp.date} both replace ${makeUp.replaces}`,
        );
      }
      replaced.set(makeUp.replaces, makeUp.date);
      makeUpDays.add(makeUp.date);
    }
  }

  // Added after the checks above: a make-up day may only replace an announced day off.
  const provisionalYears: number[] = [];
  for (const year of Object.keys(LUNAR_HOLIDAYS).map(Number)) {
    if (loadedYears.has(year)) continue;
    provisionalYears.push(year);
    for (const holiday of provisionalHolidays(year) ?? []) holidays.set(holiday.date, holiday);
  }

  return createCalendar(
    dir,
    years.map((year) => year.year),
    provisionalYears,
    holidays,
    makeUpDays,
  );
};

const createCalendar = (
  dir: string,
  officialYears: readonly number[],
  provisionalYearList: readonly number[],
  holidays: ReadonlyMap<string, Holiday>,
  makeUpDays: ReadonlySet<string>,
): WorkingCalendar => {
  const years = [...officialYears].sort((a, b) => a - b);
  const provisionalYears = [...provisionalYearList].sort((a, b) => a - b);
  const provisional = new Set(provisionalYears);
  const covered = new Set([...years, ...provisionalYears]);

  /** The year of a date, once it is known to be covered (officially or provisionally). */
  const coveredYear = (date: string): number => {
    requireDate(date);
    const year = Number(date.slice(0, 4));
    if (!covered.has(year)) throw new CalendarCoverageError(year, dir, years, provisionalYears);
    return year;
  };

  const isProvisional = (date: string): boolean => provisional.has(coveredYear(date));

  /** Working days and due dates already counted: pure for this calendar's data, asked for again and again. */
  const workingDays = new Map<string, boolean>();
  const dueDates = new Map<string, number>();
  const provenances = new Map<string, Map<number, DueAtWithProvenance>>();

  const isWorkingDay = (date: string): boolean => {
    const known = workingDays.get(date);
    if (known !== undefined) return known;
    coveredYear(date);
    return remember(workingDays, date, makeUpDays.has(date) || (!holidays.has(date) && !isWeekend(date)));
  };

  const nextWorkingDay = (date: string): string => {
    // Terminates: each step either finds a working day or reaches a year not covered and throws.
    let day = addCalendarDays(date, 1);
    while (!isWorkingDay(day)) day = addCalendarDays(day, 1);
    return day;
  };

  const addWorkingDays = (date: string, days: number): string => {
    requireDate(date);
    if (!Number.isInteger(days) || days < 0)
      throw new RangeError(`The number of working days must be a whole number ≥ 0, got ${days}`);
    let day = date;
    for (let counted = 0; counted < days; counted += 1) day = nextWorkingDay(day);
    return day;
  };

  const effectiveAcceptanceDay = (acceptedAt: Date): string => {
    const day = toLocalDate(acceptedAt);
    if (!isWorkingDay(day) || localTimeOfDay(acceptedAt) > RECEPTION_CUTOFF_MS) return nextWorkingDay(day);
    return day;
  };

  const requireDays = (limit: { days: number }): number => {
    if (!Number.isInteger(limit.days) || limit.days < 1) {
      throw new RangeError(`A processing limit must be a whole number of days ≥ 1, got ${limit.days}`);
    }
    return limit.days;
  };

  const dueAt = (acceptedAt: Date, limit: ProcedureLimit): Date => {
    const day = effectiveAcceptanceDay(acceptedAt);
    const key = `${day} ${limit.kind} ${"days" in limit ? limit.days : ""}`;
    const known = dueDates.get(key);
    return new Date(known ?? remember(dueDates, key, countDueAt(day, limit).getTime()));
  };

  /** The due date of a dossier that counts as received on `day`. */
  const countDueAt = (day: string, limit: ProcedureLimit): Date => {
    switch (limit.kind) {
      case "SAME_DAY":
        return endOfLocalDay(day);
      case "WORKING_DAYS":
        return endOfLocalDay(addWorkingDays(day, requireDays(limit)));
      case "CALENDAR_DAYS": {
        const last = addCalendarDays(day, requireDays(limit));
        return endOfLocalDay(isWorkingDay(last) ? last : nextWorkingDay(last));
      }
      default:
        throw new RangeError(`Unknown processing limit ${JSON.stringify(limit satisfies never)}`);
    }
  };

  const dueAtWithProvenance = (acceptedAt: Date, limit: ProcedureLimit): DueAtWithProvenance => {
    // The answer depends only on the limit, the local day of acceptance and whether it came after
    // 15:00: a demo seed asks it for a million dossiers received over a few hundred days.
    const local = requireInstant(acceptedAt, "acceptance time") + VIETNAM_OFFSET_MS;
    const slot = 2 * Math.floor(local / DAY_MS) + (localTimeOfDay(acceptedAt) > RECEPTION_CUTOFF_MS ? 1 : 0);
    const limitKey = `${limit.kind} ${"days" in limit ? limit.days : ""}`;
    const bySlot = provenances.get(limitKey) ?? remember(provenances, limitKey, new Map<number, DueAtWithProvenance>());
    const known = bySlot.get(slot);
    if (known) return { at: new Date(known.at.getTime()), provisional: known.provisional };
    const at = dueAt(acceptedAt, limit);
    // Every day from the acceptance day to the due day was consulted (the acceptance day decides
    // whether the count starts the next working day), so one provisional year among them is enough.
    const [first, last] = [toLocalDate(acceptedAt), toLocalDate(at)].map((date) => Number(date.slice(0, 4)));
    let touchesProvisional = false;
    for (let year = first; year <= last; year += 1) if (provisional.has(year)) touchesProvisional = true;
    remember(bySlot, slot, { at: new Date(at.getTime()), provisional: touchesProvisional });
    return { at, provisional: touchesProvisional };
  };

  /** The part of [from, to) that falls on working days, in milliseconds. */
  const workingTimeBetween = (from: number, to: number): number => {
    let total = 0;
    let cursor = from;
    while (cursor < to) {
      const day = toLocalDate(new Date(cursor));
      const dayEnd = startOfLocalDay(addCalendarDays(day, 1)).getTime();
      const stop = Math.min(dayEnd, to);
      if (isWorkingDay(day)) total += stop - cursor;
      cursor = stop;
    }
    return total;
  };

  /** The earliest instant reached by spending `amount` ms of working time from `from`. */
  const addWorkingTime = (from: number, amount: number): number => {
    let cursor = from;
    let remaining = amount;
    while (remaining > 0) {
      const day = toLocalDate(new Date(cursor));
      const dayEnd = startOfLocalDay(addCalendarDays(day, 1)).getTime();
      if (isWorkingDay(day)) {
        if (remaining <= dayEnd - cursor) return cursor + remaining;
        remaining -= dayEnd - cursor;
      }
      cursor = dayEnd;
    }
    return cursor;
  };

  const extendedDueAt = ({ acceptedAt, dueAt: due, supplementIntervals, until }: ExtendedDueInput): Date => {
    const start = requireInstant(acceptedAt, "acceptance time");
    const end = requireInstant(until, "end of the count");
    let extension = 0;
    supplementIntervals.forEach((interval, index) => {
      const from = requireInstant(interval.from, `start of supplement request ${index + 1}`);
      const to = interval.to === null ? end : requireInstant(interval.to, `end of supplement request ${index + 1}`);
      if (to < from) throw new RangeError(`Supplement request ${index + 1} ends before it starts`);
      // The clock only runs between acceptance and the end (or now), so only that part can stop it.
      const clippedFrom = Math.max(from, start);
      const clippedTo = Math.min(to, end);
      if (clippedTo > clippedFrom) extension += workingTimeBetween(clippedFrom, clippedTo);
    });
    // The due date is the last millisecond of its day; extend from the boundary after it, so that a
    // whole working day of supplement moves the due date exactly one working day on.
    const boundary = requireInstant(due, "due date") + 1;
    return new Date(addWorkingTime(boundary, extension) - 1);
  };

  const timeliness = ({ acceptedAt, dueAt: due, endedAt, supplementIntervals, now }: TimelinessInput): Timeliness => {
    const until = endedAt ?? now;
    const extended = extendedDueAt({ acceptedAt, dueAt: due, supplementIntervals, until }).getTime();
    if (endedAt !== null) {
      if (supplementIntervals.length > 1) return "LATE";
      return requireInstant(endedAt, "end time") <= extended ? "ON_TIME" : "LATE";
    }
    return requireInstant(now, "current time") > extended ? "OVERDUE" : "IN_PROGRESS";
  };

  return {
    years,
    provisionalYears,
    isProvisional,
    isWorkingDay,
    holidayOn: (date) => {
      isWorkingDay(date);
      return holidays.get(date);
    },
    nextWorkingDay,
    addWorkingDays,
    effectiveAcceptanceDay,
    dueAt,
    dueAtWithProvenance,
    extendedDueAt,
    timeliness,
  };
};
