import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import {
  addCalendarDays,
  CalendarCoverageError,
  CalendarDataError,
  DEFAULT_CALENDAR_DIR,
  endOfLocalDay,
  loadWorkingCalendar,
  localDateTime,
  type ProcedureLimit,
  provisionalHolidays,
  recomputeDueAt,
  startOfLocalDay,
  toLocalDate,
} from "./calendar";
import { LUNAR_HOLIDAYS } from "./lunar-holidays";

const calendar = loadWorkingCalendar();

const at = (date: string, time: string): Date => localDateTime(date, time);
const SAME_DAY: ProcedureLimit = { kind: "SAME_DAY" };
const workingDays = (days: number): ProcedureLimit => ({ kind: "WORKING_DAYS", days });
const calendarDays = (days: number): ProcedureLimit => ({ kind: "CALENDAR_DAYS", days });

/** Every date from `from` to `to`, both included. */
const datesBetween = (from: string, to: string): string[] => {
  const dates: string[] = [];
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) dates.push(day);
  return dates;
};

describe("kit > calendar > local time", () => {
  test("reads the civil date in Vietnam (UTC+7) of an instant", () => {
    // 16:59:59.999Z is 23:59:59.999 in Hanoi; one millisecond later it is already the next day there.
    expect(toLocalDate(new Date("2025-07-01T16:59:59.999Z"))).toBe("2025-07-01");
    expect(toLocalDate(new Date("2025-07-01T17:00:00.000Z"))).toBe("2025-07-02");
    expect(toLocalDate(new Date("2025-06-30T17:00:00.000Z"))).toBe("2025-07-01");
  });

  test("turns a local date and time into the instant with a fixed +07:00 offset", () => {
    // A desk officer's 15:01 on 1 July is 08:01 UTC; Vietnam has no daylight saving, so January agrees.
    expect(localDateTime("2025-07-01", "15:01").toISOString()).toBe("2025-07-01T08:01:00.000Z");
    expect(localDateTime("2025-01-15", "15:01").toISOString()).toBe("2025-01-15T08:01:00.000Z");
    expect(localDateTime("2025-07-01", "00:00:30").toISOString()).toBe("2025-06-30T17:00:30.000Z");
    expect(localDateTime("2025-07-01", "23:59:59.999").toISOString()).toBe("2025-07-01T16:59:59.999Z");
    expect(localDateTime("2025-07-01").toISOString()).toBe("2025-06-30T17:00:00.000Z");
  });

  test("marks the start and the last millisecond of a local day", () => {
    // The end of a day is 24:00 (Civil Code art. 148(6)), held as its last millisecond.
    expect(startOfLocalDay("2025-07-01").toISOString()).toBe("2025-06-30T17:00:00.000Z");
    expect(endOfLocalDay("2025-07-01").toISOString()).toBe("2025-07-01T16:59:59.999Z");
    expect(endOfLocalDay("2025-12-31").toISOString()).toBe("2025-12-31T16:59:59.999Z");
  });

  test("adds calendar days across month and year ends", () => {
    // Plain date arithmetic, no working-day rules.
    expect(addCalendarDays("2025-01-31", 1)).toBe("2025-02-01");
    expect(addCalendarDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addCalendarDays("2024-03-01", -1)).toBe("2024-02-29");
  });

  test("rejects dates and times that are malformed or do not exist", () => {
    // Typed input must fail loudly rather than roll over to another day.
    expect(() => localDateTime("2025-02-30", "10:00")).toThrow(/YYYY-MM-DD.*2025-02-30/);
    expect(() => localDateTime("2025-7-1", "10:00")).toThrow(RangeError);
    expect(() => localDateTime("2025-07-01", "24:00")).toThrow(/HH:mm/);
    expect(() => localDateTime("2025-07-01", "15:1")).toThrow(/HH:mm/);
    expect(() => localDateTime("2025-07-01", "15:60")).toThrow(/HH:mm/);
    expect(() => toLocalDate(new Date("not a date"))).toThrow(/valid Date/);
    expect(() => calendar.isWorkingDay("2025-13-01")).toThrow(/YYYY-MM-DD/);
  });
});

describe("kit > calendar > data files", () => {
  test("loads every year file in infra/calendar", () => {
    // 2025 and 2026 are the years the hub serves now.
    expect(calendar.years).toEqual([2025, 2026]);
  });

  test.each([
    ["2025", "2025-01-25", "2025-02-02"],
    ["2026", "2026-02-14", "2026-02-22"],
  ])("Tết %s: nine days off in a row, worked on either side", (_year, first, last) => {
    // The public sector's Tết break runs Saturday to Sunday of the following week (DESIGN §4).
    const days = datesBetween(first, last);
    expect(days).toHaveLength(9);
    for (const day of days) expect(calendar.isWorkingDay(day)).toBe(false);
    expect(calendar.isWorkingDay(addCalendarDays(first, -1))).toBe(true);
    expect(calendar.isWorkingDay(addCalendarDays(last, 1))).toBe(true);
  });

  test.each([2025, 2026])("%s: the swaps cancel out, leaving the 11 statutory days off", (year) => {
    // Labour Code art. 112 grants 11 days; compensatory days replace ones that fall on a Sunday and
    // every swapped weekday off is paid back by a make-up Saturday.
    let weekdaysOff = 0;
    let weekendsWorked = 0;
    for (const day of datesBetween(`${year}-01-01`, `${year}-12-31`)) {
      const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
      const working = calendar.isWorkingDay(day);
      if (!weekend && !working) weekdaysOff += 1;
      if (weekend && working) weekendsWorked += 1;
    }
    expect(weekdaysOff - weekendsWorked).toBe(11);
  });

  test("2025: New Year, Hùng Kings, 30/4–1/5 with the make-up Saturday, National Day", () => {
    // Notice 6150/TB-BLĐTBXH: 2 May swapped with Saturday 26 April; National Day 30 Aug – 2 Sep.
    for (const day of [
      "2025-01-01",
      "2025-04-07",
      "2025-04-30",
      "2025-05-01",
      "2025-05-02",
      "2025-09-01",
      "2025-09-02",
    ]) {
      expect([day, calendar.isWorkingDay(day)]).toEqual([day, false]);
    }
    expect(calendar.isWorkingDay("2025-04-26")).toBe(true);
    expect(calendar.isWorkingDay("2025-05-03")).toBe(false);
    expect(calendar.isWorkingDay("2025-09-03")).toBe(true);
  });

  test("2026: New Year swap, Hùng Kings on a Sunday, National Day swap", () => {
    // 2 January swapped with Saturday 10 January; 10/3 lunar is Sunday 26 April, so Monday is off;
    // 31 August swapped with Saturday 22 August.
    for (const day of [
      "2026-01-01",
      "2026-01-02",
      "2026-04-27",
      "2026-04-30",
      "2026-05-01",
      "2026-08-31",
      "2026-09-01",
      "2026-09-02",
    ]) {
      expect([day, calendar.isWorkingDay(day)]).toEqual([day, false]);
    }
    expect(calendar.isWorkingDay("2026-01-10")).toBe(true);
    expect(calendar.isWorkingDay("2026-08-22")).toBe(true);
    expect(calendar.isWorkingDay("2026-04-28")).toBe(true);
    expect(calendar.isWorkingDay("2026-09-03")).toBe(true);
  });

  test("names each day off and its legal source", () => {
    // An officer asking why a due date jumped sees which holiday and which instrument moved it.
    expect(calendar.holidayOn("2025-01-29")).toMatchObject({ name: expect.stringContaining("Tết Nguyên đán") });
    expect(calendar.holidayOn("2025-01-29")?.source).toContain("Điều 112");
    expect(calendar.holidayOn("2025-05-02")?.source).toContain("6150");
    expect(calendar.holidayOn("2025-07-01")).toBeUndefined();
    expect(calendar.holidayOn("2025-07-05")).toBeUndefined();
  });

  test.each(["2025.json", "2026.json"])("%s: every entry is bilingual, sourced and a weekday off", (name) => {
    // The files are edited by hand each year; the data, not only the loader, must follow the key.
    const data = JSON.parse(readFileSync(join(DEFAULT_CALENDAR_DIR, name), "utf8")) as {
      holidays: { date: string; name: string; source: string }[];
      makeUpWorkingDays: { date: string; replaces: string; source: string }[];
    };
    for (const holiday of data.holidays) {
      expect(holiday.name).toMatch(/\S — \S/);
      expect(holiday.source.length).toBeGreaterThan(10);
      expect(calendar.isWorkingDay(holiday.date)).toBe(false);
    }
    for (const makeUp of data.makeUpWorkingDays) {
      expect(calendar.isWorkingDay(makeUp.date)).toBe(true);
      expect(calendar.holidayOn(makeUp.replaces)).toBeDefined();
    }
  });
});

describe("kit > calendar > working days", () => {
  test("weekdays are worked, weekends and holidays are not, a make-up Saturday is", () => {
    // Tuesday 1 July 2025 is ordinary; Saturday 26 April 2025 is worked in exchange for 2 May.
    expect(calendar.isWorkingDay("2025-07-01")).toBe(true);
    expect(calendar.isWorkingDay("2025-07-05")).toBe(false);
    expect(calendar.isWorkingDay("2025-07-06")).toBe(false);
    expect(calendar.isWorkingDay("2025-04-30")).toBe(false);
    expect(calendar.isWorkingDay("2025-04-26")).toBe(true);
  });

  test("the next working day skips weekends and Tết and stops on a make-up Saturday", () => {
    // The day before each Tết leads straight to the Monday after it.
    expect(calendar.nextWorkingDay("2025-07-04")).toBe("2025-07-07");
    expect(calendar.nextWorkingDay("2025-01-24")).toBe("2025-02-03");
    expect(calendar.nextWorkingDay("2026-02-13")).toBe("2026-02-23");
    expect(calendar.nextWorkingDay("2025-04-25")).toBe("2025-04-26");
    expect(calendar.nextWorkingDay("2025-04-26")).toBe("2025-04-28");
    expect(calendar.nextWorkingDay("2025-01-26")).toBe("2025-02-03");
  });

  test("adds working days across the year end and the New Year swap", () => {
    // From Wednesday 31 Dec 2025: 1-2 Jan off, weekend, then the week, then make-up Saturday 10 Jan.
    expect(calendar.addWorkingDays("2025-12-31", 0)).toBe("2025-12-31");
    expect(calendar.addWorkingDays("2025-12-31", 1)).toBe("2026-01-05");
    expect(calendar.addWorkingDays("2025-12-31", 5)).toBe("2026-01-09");
    expect(calendar.addWorkingDays("2025-12-31", 6)).toBe("2026-01-10");
    expect(calendar.addWorkingDays("2025-12-31", 7)).toBe("2026-01-12");
  });

  test("refuses a negative or fractional number of working days", () => {
    // A catalogue typo must not produce a due date in the past.
    expect(() => calendar.addWorkingDays("2025-07-01", -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays("2025-07-01", 1.5)).toThrow(RangeError);
  });

  test("a year with neither a data file nor lunar dates is a clear error, not a calendar of weekends only", () => {
    // 2024 has no file and is not in the lunar table: its Tết is unknown here, so no date in it can be judged.
    expect(() => calendar.isWorkingDay("2024-12-31")).toThrow(CalendarCoverageError);
    expect(() => calendar.isWorkingDay("2024-12-31")).toThrow(
      /no data for 2024 \(loaded: 2025, 2026; provisional: 2027–2040\).*2024\.json.*lunar-holidays\.ts/,
    );
  });

  test("a year without a data file but with lunar dates is provisional, not refused", () => {
    // Nobody has added 2027.json yet; the desks keep counting on the computed 2027 (DESIGN §4).
    expect(calendar.isWorkingDay("2027-01-04")).toBe(true);
    expect(calendar.addWorkingDays("2026-12-30", 5)).toBe("2027-01-07");
    expect(calendar.dueAt(at("2026-12-31", "10:00"), workingDays(3))).toEqual(endOfLocalDay("2027-01-06"));
  });
});

describe("kit > calendar > dueAt", () => {
  test("a same-day procedure accepted up to 15:00 is due at the end of that day", () => {
    // Birth registration on Tuesday 1 July 2025 at 14:59 and at 15:00 sharp.
    expect(calendar.dueAt(at("2025-07-01", "14:59"), SAME_DAY)).toEqual(endOfLocalDay("2025-07-01"));
    expect(calendar.dueAt(at("2025-07-01", "15:00"), SAME_DAY)).toEqual(endOfLocalDay("2025-07-01"));
  });

  test("a same-day procedure accepted after 15:00 is due at the end of the next working day", () => {
    // 15:01 on Tuesday moves to Wednesday; 15:01 on Friday moves over the weekend to Monday.
    expect(calendar.dueAt(at("2025-07-01", "15:01"), SAME_DAY)).toEqual(endOfLocalDay("2025-07-02"));
    expect(calendar.dueAt(at("2025-07-01", "15:00:00.001"), SAME_DAY)).toEqual(endOfLocalDay("2025-07-02"));
    expect(calendar.dueAt(at("2025-07-04", "15:01"), SAME_DAY)).toEqual(endOfLocalDay("2025-07-07"));
  });

  test("Friday 15:00 and Friday 15:01 with 3 working days are a day apart", () => {
    // Accepted Friday 4 July 2025: at 15:00 the count starts Monday (Mon, Tue, Wed); at 15:01 the
    // dossier counts as received on Monday, so the count runs Tue, Wed, Thu.
    expect(calendar.dueAt(at("2025-07-04", "15:00"), workingDays(3))).toEqual(endOfLocalDay("2025-07-09"));
    expect(calendar.dueAt(at("2025-07-04", "15:01"), workingDays(3))).toEqual(endOfLocalDay("2025-07-10"));
  });

  test("acceptance on a Saturday or Sunday counts from Monday", () => {
    // An online dossier accepted at the weekend is treated as received on the next working day.
    for (const accepted of [at("2025-07-05", "10:00"), at("2025-07-06", "09:00"), at("2025-07-06", "16:00")]) {
      expect(calendar.effectiveAcceptanceDay(accepted)).toBe("2025-07-07");
      expect(calendar.dueAt(accepted, SAME_DAY)).toEqual(endOfLocalDay("2025-07-07"));
      expect(calendar.dueAt(accepted, workingDays(3))).toEqual(endOfLocalDay("2025-07-10"));
    }
  });

  test("the day before Tết 2025 with 3 working days lands after the holiday", () => {
    // Friday 24 Jan 2025; Tết runs 25 Jan – 2 Feb, so the count is Mon 3, Tue 4, Wed 5 Feb.
    expect(calendar.dueAt(at("2025-01-24", "10:00"), workingDays(3))).toEqual(endOfLocalDay("2025-02-05"));
    expect(calendar.dueAt(at("2025-01-24", "15:01"), workingDays(3))).toEqual(endOfLocalDay("2025-02-06"));
    expect(calendar.dueAt(at("2025-01-24", "15:01"), SAME_DAY)).toEqual(endOfLocalDay("2025-02-03"));
  });

  test("the day before Tết 2026 with 3 working days lands after the holiday", () => {
    // Friday 13 Feb 2026; Tết runs 14 – 22 Feb, so the count is Mon 23, Tue 24, Wed 25 Feb.
    expect(calendar.dueAt(at("2026-02-13", "10:00"), workingDays(3))).toEqual(endOfLocalDay("2026-02-25"));
    expect(calendar.dueAt(at("2026-02-13", "15:01"), workingDays(3))).toEqual(endOfLocalDay("2026-02-26"));
  });

  test("acceptance during Tết counts from the first working day after it", () => {
    // An online dossier accepted on Lunar New Year's Day 2025 (Wednesday 29 Jan).
    expect(calendar.effectiveAcceptanceDay(at("2025-01-29", "09:00"))).toBe("2025-02-03");
    expect(calendar.dueAt(at("2025-01-29", "09:00"), workingDays(3))).toEqual(endOfLocalDay("2025-02-06"));
  });

  test("a make-up Saturday counts as a working day", () => {
    // Saturday 26 April 2025 is worked: a dossier accepted that morning is handled that day, and
    // one accepted on Friday 25 April with 3 working days runs Sat 26, Mon 28, Tue 29.
    expect(calendar.dueAt(at("2025-04-26", "10:00"), SAME_DAY)).toEqual(endOfLocalDay("2025-04-26"));
    expect(calendar.dueAt(at("2025-04-25", "10:00"), workingDays(1))).toEqual(endOfLocalDay("2025-04-26"));
    expect(calendar.dueAt(at("2025-04-25", "10:00"), workingDays(3))).toEqual(endOfLocalDay("2025-04-29"));
    expect(calendar.dueAt(at("2025-04-25", "15:01"), SAME_DAY)).toEqual(endOfLocalDay("2025-04-26"));
  });

  test("a long count crosses the make-up Saturday and the 30/4–1/5 break", () => {
    // 10 working days (monthly social allowance) from Tuesday 22 April 2025: 23, 24, 25, 26 (make-up),
    // 28, 29, then 30 Apr – 4 May off, then 5, 6, 7, 8 May.
    expect(calendar.dueAt(at("2025-04-22", "10:00"), workingDays(10))).toEqual(endOfLocalDay("2025-05-08"));
  });

  test("calendar days end on the day itself when it is worked", () => {
    // Construction permit, 15 days, accepted Tuesday 1 July 2025: 16 July is a Wednesday.
    expect(calendar.dueAt(at("2025-07-01", "10:00"), calendarDays(15))).toEqual(endOfLocalDay("2025-07-16"));
    // Accepted Thursday 29 Jan 2026: day 15 is Friday 13 Feb, the last day before Tết.
    expect(calendar.dueAt(at("2026-01-29", "10:00"), calendarDays(15))).toEqual(endOfLocalDay("2026-02-13"));
  });

  test("calendar days ending on a holiday move to the next working day", () => {
    // Civil Code art. 148(5). Accepted Friday 30 Jan 2026: day 15 is Saturday 14 Feb, the first day
    // of Tết, so the permit is due Monday 23 Feb. From Tuesday 15 April 2025, day 15 is 30 April and
    // the break lasts until Sunday 4 May.
    expect(calendar.dueAt(at("2026-01-30", "10:00"), calendarDays(15))).toEqual(endOfLocalDay("2026-02-23"));
    expect(calendar.dueAt(at("2025-04-15", "10:00"), calendarDays(15))).toEqual(endOfLocalDay("2025-05-05"));
  });

  test("calendar days also start from the next working day after 15:00", () => {
    // Thursday 29 Jan 2026 at 15:01 counts as received on Friday 30 Jan, so day 15 falls in Tết.
    expect(calendar.dueAt(at("2026-01-29", "15:01"), calendarDays(15))).toEqual(endOfLocalDay("2026-02-23"));
  });

  test("the due instant is the last millisecond of the due day in Vietnam", () => {
    // Shown in local time, the due date reads as the right day; a millisecond later is the next day.
    const due = calendar.dueAt(at("2025-07-04", "15:00"), workingDays(3));
    expect(due.toISOString()).toBe("2025-07-09T16:59:59.999Z");
    expect(toLocalDate(due)).toBe("2025-07-09");
    expect(toLocalDate(new Date(due.getTime() + 1))).toBe("2025-07-10");
  });

  test("rejects limits that are not a whole number of days ≥ 1", () => {
    // A catalogue entry of 0 or 2.5 days is a data error, not a same-day procedure.
    expect(() => calendar.dueAt(at("2025-07-01", "10:00"), workingDays(0))).toThrow(RangeError);
    expect(() => calendar.dueAt(at("2025-07-01", "10:00"), workingDays(2.5))).toThrow(RangeError);
    expect(() => calendar.dueAt(at("2025-07-01", "10:00"), calendarDays(-1))).toThrow(RangeError);
    expect(() => calendar.dueAt(at("2025-07-01", "10:00"), { kind: "HOURS" } as unknown as ProcedureLimit)).toThrow(
      /Unknown processing limit/,
    );
    expect(() => calendar.dueAt(new Date(Number.NaN), SAME_DAY)).toThrow(/valid Date/);
  });
});

describe("kit > calendar > timeliness", () => {
  // A marital-status certificate (3 working days) accepted Monday 7 July 2025 at 09:00 is due at the
  // end of Thursday 10 July.
  const acceptedAt = at("2025-07-07", "09:00");
  const dueAt = calendar.dueAt(acceptedAt, workingDays(3));
  const base = { acceptedAt, dueAt, supplementIntervals: [], now: at("2025-08-01", "09:00") };

  test("the scenario's due date is the end of Thursday 10 July", () => {
    // Guards the arithmetic the other cases rely on.
    expect(dueAt).toEqual(endOfLocalDay("2025-07-10"));
  });

  test("ended on or before the due instant is on time, a millisecond later is late", () => {
    // The result is ready on Thursday evening, or at the first instant of Friday.
    expect(calendar.timeliness({ ...base, endedAt: at("2025-07-10", "16:00") })).toBe("ON_TIME");
    expect(calendar.timeliness({ ...base, endedAt: at("2025-07-10", "23:59:59.999") })).toBe("ON_TIME");
    expect(calendar.timeliness({ ...base, endedAt: at("2025-07-11", "00:00") })).toBe("LATE");
  });

  test("one supplement request extends the due date by the working time it took", () => {
    // The citizen took Tuesday 10:00 to Wednesday 10:00 (one working day) to bring a document.
    const supplementIntervals = [{ from: at("2025-07-08", "10:00"), to: at("2025-07-09", "10:00") }];
    expect(
      calendar.extendedDueAt({ acceptedAt, dueAt, supplementIntervals, until: at("2025-07-11", "16:00") }),
    ).toEqual(endOfLocalDay("2025-07-11"));
    expect(calendar.timeliness({ ...base, supplementIntervals, endedAt: at("2025-07-11", "16:00") })).toBe("ON_TIME");
    expect(calendar.timeliness({ ...base, supplementIntervals, endedAt: at("2025-07-14", "08:00") })).toBe("LATE");
  });

  test("a supplement over a weekend extends by its working hours only", () => {
    // 3 working days from Thursday 3 July 2025 end on Tuesday 8 July. Asked on Friday 4 July at 20:00,
    // answered on Monday 7 July at 04:00: 4 h on Friday and 4 h on Monday count, the weekend does not,
    // so the due date moves to Wednesday 9 July 08:00 (less a millisecond), not 56 hours later.
    const accepted = at("2025-07-03", "09:00");
    const due = calendar.dueAt(accepted, workingDays(3));
    expect(due).toEqual(endOfLocalDay("2025-07-08"));
    const supplementIntervals = [{ from: at("2025-07-04", "20:00"), to: at("2025-07-07", "04:00") }];
    const input = { acceptedAt: accepted, dueAt: due, supplementIntervals, now: at("2025-08-01", "09:00") };
    expect(calendar.extendedDueAt({ ...input, until: at("2025-07-10", "00:00") })).toEqual(
      new Date(at("2025-07-09", "08:00").getTime() - 1),
    );
    expect(calendar.timeliness({ ...input, endedAt: at("2025-07-09", "07:59") })).toBe("ON_TIME");
    expect(calendar.timeliness({ ...input, endedAt: at("2025-07-09", "09:00") })).toBe("LATE");
  });

  test("a supplement spanning Tết extends by working days only, not by the holiday", () => {
    // 5 working days from Monday 20 Jan 2025 end on Monday 3 Feb (after Tết). The office asks for a
    // document on Friday 24 Jan at 09:00 and gets it on Monday 3 Feb at 09:00: 15 h + 9 h = one
    // working day, so the due date moves to the end of Tuesday 4 Feb, not nine days later.
    const accepted = at("2025-01-20", "09:00");
    const due = calendar.dueAt(accepted, workingDays(5));
    expect(due).toEqual(endOfLocalDay("2025-02-03"));
    const supplementIntervals = [{ from: at("2025-01-24", "09:00"), to: at("2025-02-03", "09:00") }];
    const input = { acceptedAt: accepted, dueAt: due, supplementIntervals, now: at("2025-03-01", "09:00") };
    expect(calendar.extendedDueAt({ ...input, until: at("2025-02-05", "08:00") })).toEqual(endOfLocalDay("2025-02-04"));
    expect(calendar.timeliness({ ...input, endedAt: at("2025-02-04", "16:00") })).toBe("ON_TIME");
    expect(calendar.timeliness({ ...input, endedAt: at("2025-02-05", "08:00") })).toBe("LATE");
  });

  test("a second supplement request makes the dossier late even when it ends early", () => {
    // Two requests of an hour each on Tuesday, result on Wednesday: the office should have asked once.
    const supplementIntervals = [
      { from: at("2025-07-08", "10:00"), to: at("2025-07-08", "11:00") },
      { from: at("2025-07-08", "14:00"), to: at("2025-07-08", "15:00") },
    ];
    expect(calendar.timeliness({ ...base, supplementIntervals, endedAt: at("2025-07-09", "10:00") })).toBe("LATE");
    expect(
      calendar.timeliness({
        ...base,
        supplementIntervals: supplementIntervals.slice(0, 1),
        endedAt: at("2025-07-09", "10:00"),
      }),
    ).toBe("ON_TIME");
  });

  test("an open dossier is in progress up to its due instant and overdue after it", () => {
    // Still with the specialist on Thursday night, then at the first instant of Friday.
    expect(calendar.timeliness({ ...base, endedAt: null, now: at("2025-07-10", "20:00") })).toBe("IN_PROGRESS");
    expect(calendar.timeliness({ ...base, endedAt: null, now: endOfLocalDay("2025-07-10") })).toBe("IN_PROGRESS");
    expect(calendar.timeliness({ ...base, endedAt: null, now: at("2025-07-11", "00:00") })).toBe("OVERDUE");
  });

  test("an open dossier's due date is extended by its past supplement", () => {
    // One working day of supplement earlier in the week: in progress on Friday, overdue on Saturday.
    const supplementIntervals = [{ from: at("2025-07-08", "10:00"), to: at("2025-07-09", "10:00") }];
    expect(calendar.timeliness({ ...base, supplementIntervals, endedAt: null, now: at("2025-07-11", "10:00") })).toBe(
      "IN_PROGRESS",
    );
    expect(calendar.timeliness({ ...base, supplementIntervals, endedAt: null, now: at("2025-07-12", "10:00") })).toBe(
      "OVERDUE",
    );
  });

  test("the clock stops while the office waits for the citizen", () => {
    // Asked on Wednesday 9 July, still waiting two weeks later: not overdue, the wait is the citizen's.
    const waiting = [{ from: at("2025-07-09", "10:00"), to: null }];
    expect(
      calendar.timeliness({ ...base, supplementIntervals: waiting, endedAt: null, now: at("2025-07-23", "10:00") }),
    ).toBe("IN_PROGRESS");
    // Asked only on Friday 11 July, a day after the due date: it was overdue already and stays so.
    const tooLate = [{ from: at("2025-07-11", "10:00"), to: null }];
    expect(
      calendar.timeliness({ ...base, supplementIntervals: tooLate, endedAt: null, now: at("2025-07-23", "10:00") }),
    ).toBe("OVERDUE");
  });

  test("a dossier stopped while waiting for the citizen is judged by when the request was made", () => {
    // Stopped on Wednesday 23 July with a request still open: on time when the office asked before
    // the due date (the clock was stopped since), late when it asked only after it had passed.
    const askedInTime = [{ from: at("2025-07-09", "10:00"), to: null }];
    expect(calendar.timeliness({ ...base, supplementIntervals: askedInTime, endedAt: at("2025-07-23", "10:00") })).toBe(
      "ON_TIME",
    );
    const askedLate = [{ from: at("2025-07-11", "10:00"), to: null }];
    expect(calendar.timeliness({ ...base, supplementIntervals: askedLate, endedAt: at("2025-07-23", "10:00") })).toBe(
      "LATE",
    );
  });

  test("supplement time before acceptance does not count", () => {
    // A malformed history with a request before acceptance must not buy the office extra time.
    const supplementIntervals = [{ from: at("2025-07-04", "09:00"), to: at("2025-07-07", "09:00") }];
    expect(
      calendar.extendedDueAt({ acceptedAt, dueAt, supplementIntervals, until: at("2025-07-20", "09:00") }),
    ).toEqual(dueAt);
  });

  test("rejects a supplement interval that ends before it starts", () => {
    // Swapped timestamps are a data error, not a negative extension.
    const supplementIntervals = [{ from: at("2025-07-09", "10:00"), to: at("2025-07-08", "10:00") }];
    expect(() => calendar.timeliness({ ...base, supplementIntervals, endedAt: at("2025-07-10", "10:00") })).toThrow(
      /Supplement request 1 ends before it starts/,
    );
  });
});

describe("kit > calendar > loadWorkingCalendar", () => {
  const validYear = (year: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    year,
    timeZone: "Asia/Ho_Chi_Minh",
    holidays: [
      { date: `${year}-01-01`, name: "Tết Dương lịch — New Year's Day", source: "Bộ luật Lao động 2019, Điều 112" },
    ],
    makeUpWorkingDays: [],
    ...extra,
  });

  const dirs: string[] = [];
  const writeCalendar = (files: Record<string, unknown>): string => {
    const dir = mkdtempSync(join(tmpdir(), "calendar-"));
    dirs.push(dir);
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
    }
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const loadError = (dir: string): Error => {
    try {
      loadWorkingCalendar(dir);
    } catch (error) {
      return error as Error;
    }
    throw new Error("expected the calendar to be refused");
  };

  test("a malformed data file is a clear error naming the file", () => {
    // A hand edit left a trailing comma in 2026.json; 2025.json is fine.
    const dir = writeCalendar({ "2025.json": validYear(2025), "2026.json": '{ "year": 2026, }' });
    const error = loadError(dir);
    expect(error).toBeInstanceOf(CalendarDataError);
    expect(error.message).toContain(join(dir, "2026.json"));
    expect(error.message).toMatch(/not valid JSON/);
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ["a year that disagrees with the file name", validYear(2024), /"year" must be 2025/],
    ["another time zone", validYear(2025, { timeZone: "UTC" }), /"timeZone" must be "Asia\/Ho_Chi_Minh"/],
    ["an unknown key", validYear(2025, { holiday: [] }), /unknown key "holiday"/],
    ["holidays that are not a list", validYear(2025, { holidays: {} }), /"holidays" must be an array/],
    [
      "a date that does not exist",
      validYear(2025, { holidays: [{ date: "2025-02-30", name: "X — X", source: "Điều 112" }] }),
      /holidays\[0\] has no valid "date".*2025-02-30/,
    ],
    [
      "a date in another year",
      validYear(2025, { holidays: [{ date: "2026-01-01", name: "X — X", source: "Điều 112" }] }),
      /holidays\[0\] \(2026-01-01\) is not in 2025/,
    ],
    [
      "a holiday without a source",
      validYear(2025, { holidays: [{ date: "2025-01-01", name: "X — X", source: " " }] }),
      /must name its legal "source"/,
    ],
    [
      "a holiday without a name",
      validYear(2025, { holidays: [{ date: "2025-01-01", source: "Điều 112" }] }),
      /must have a "name"/,
    ],
    [
      "a duplicate holiday",
      validYear(2025, {
        holidays: [
          { date: "2025-01-01", name: "X — X", source: "Điều 112" },
          { date: "2025-01-01", name: "Y — Y", source: "Điều 112" },
        ],
      }),
      /holidays\[1\] repeats 2025-01-01/,
    ],
    [
      "a holiday on a Saturday",
      validYear(2025, { holidays: [{ date: "2025-01-25", name: "X — X", source: "Điều 112" }] }),
      /2025-01-25\) is a Saturday or Sunday; list only weekdays off/,
    ],
    [
      "a make-up day on a weekday",
      validYear(2025, { makeUpWorkingDays: [{ date: "2025-01-02", replaces: "2025-01-01", source: "TB" }] }),
      /2025-01-02\) is a weekday/,
    ],
    [
      "a make-up day replacing a day that is not off",
      validYear(2025, { makeUpWorkingDays: [{ date: "2025-01-04", replaces: "2025-01-03", source: "TB" }] }),
      /replaces 2025-01-03, which is not a listed day off/,
    ],
    [
      "a make-up day replacing a day in a year without a file",
      validYear(2025, { makeUpWorkingDays: [{ date: "2025-01-04", replaces: "2024-12-31", source: "TB" }] }),
      /replaces 2024-12-31, but 2024\.json is missing/,
    ],
    [
      "two make-up days replacing the same day",
      validYear(2025, {
        makeUpWorkingDays: [
          { date: "2025-01-04", replaces: "2025-01-01", source: "TB" },
          { date: "2025-01-11", replaces: "2025-01-01", source: "TB" },
        ],
      }),
      /make-up days 2025-01-04 and 2025-01-11 both replace 2025-01-01/,
    ],
  ])("refuses %s, naming the file", (_case, content, message) => {
    // Each mistake a yearly hand edit can make stops the service at start-up with the file's name.
    const dir = writeCalendar({ "2025.json": content });
    const error = loadError(dir);
    expect(error).toBeInstanceOf(CalendarDataError);
    expect(error.message.startsWith(join(dir, "2025.json"))).toBe(true);
    expect(error.message).toMatch(message);
  });

  test("refuses a file that is not named after its year", () => {
    // "holidays-2025.json" would otherwise be loaded under an unknown year.
    const dir = writeCalendar({ "2025.json": validYear(2025), "holidays-2025.json": validYear(2025) });
    expect(loadError(dir).message).toMatch(/holidays-2025\.json: a calendar file must be named after its year/);
  });

  test("refuses a missing or empty directory, naming it", () => {
    // A deployment that forgot to ship infra/calendar must not start with no holidays at all.
    const empty = writeCalendar({ "README.md": "notes" });
    expect(loadError(empty).message).toBe(`${empty}: holds no year file (YYYY.json)`);
    const missing = join(empty, "nowhere");
    expect(loadError(missing)).toBeInstanceOf(CalendarDataError);
    expect(loadError(missing).message).toMatch(
      new RegExp(`^${missing.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: cannot read`),
    );
  });

  test("accepts a swap across the year end", () => {
    // New Year 2019: Monday 31 Dec 2018 off, worked back on Saturday 5 Jan 2019.
    const dir = writeCalendar({
      "2018.json": validYear(2018, {
        holidays: [{ date: "2018-12-31", name: "Nghỉ hoán đổi — swapped day off", source: "TB" }],
      }),
      "2019.json": validYear(2019, {
        makeUpWorkingDays: [{ date: "2019-01-05", replaces: "2018-12-31", source: "TB" }],
      }),
    });
    const custom = loadWorkingCalendar(dir);
    expect(custom.years).toEqual([2018, 2019]);
    expect(custom.isWorkingDay("2018-12-31")).toBe(false);
    expect(custom.isWorkingDay("2019-01-05")).toBe(true);
    expect(custom.nextWorkingDay("2018-12-28")).toBe("2019-01-02");
  });
});

describe("kit > calendar > provisional years", () => {
  const isWeekendDay = (day: string): boolean => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

  test("only the years with a file are official; the lunar table's other years are provisional", () => {
    // Late November 2026: 2025 and 2026 have files, 2027 does not, and due dates fall in 2027 already.
    expect(calendar.years).toEqual([2025, 2026]);
    expect(calendar.provisionalYears).toEqual(Array.from({ length: 14 }, (_, index) => 2027 + index));
    expect(calendar.isProvisional("2026-12-31")).toBe(false);
    expect(calendar.isProvisional("2027-01-01")).toBe(true);
    expect(calendar.isProvisional("2040-12-31")).toBe(true);
  });

  test("a receipt on Thursday 31 Dec 2026 for 3 working days is due Wednesday 6 Jan 2027, provisionally", () => {
    // Friday 1 Jan 2027 is New Year's Day, then the weekend: the count is Mon 4, Tue 5, Wed 6.
    const accepted = at("2026-12-31", "10:00");
    expect(calendar.dueAtWithProvenance(accepted, workingDays(3))).toEqual({
      at: endOfLocalDay("2027-01-06"),
      provisional: true,
    });
    expect(calendar.dueAt(accepted, workingDays(3))).toEqual(endOfLocalDay("2027-01-06"));
    // After 15:00 the dossier counts from Monday 4 Jan, itself a provisional day.
    expect(calendar.dueAtWithProvenance(at("2026-12-31", "15:01"), SAME_DAY)).toEqual({
      at: endOfLocalDay("2027-01-04"),
      provisional: true,
    });
    expect(calendar.holidayOn("2027-01-01")).toEqual({
      date: "2027-01-01",
      name: "Tết Dương lịch — New Year's Day",
      source: "Bộ luật Lao động 2019 (45/2019/QH14), Điều 112 khoản 1 điểm a — provisional: computed, not announced",
    });
  });

  test("a count that stays inside official years is not provisional", () => {
    // Monday 28 Dec 2026 + 3 working days ends on Thursday 31 Dec, within 2026.json.
    expect(calendar.dueAtWithProvenance(at("2026-12-28", "10:00"), workingDays(3))).toEqual({
      at: endOfLocalDay("2026-12-31"),
      provisional: false,
    });
    // 15 calendar days from Tuesday 22 Dec 2026 end on Wednesday 6 Jan 2027: provisional.
    expect(calendar.dueAtWithProvenance(at("2026-12-22", "10:00"), calendarDays(15))).toEqual({
      at: endOfLocalDay("2027-01-06"),
      provisional: true,
    });
  });

  test("provisional 2027: every weekday off, each named and sourced", () => {
    // 1 Jan; the Tết window Wed 3 – Fri 12 Feb; Hùng Kings Fri 16 Apr; 30 Apr; Mon 3 May for Saturday
    // 1 May; 1, 2 and 3 Sep; 24 Nov (Culture Day, counted in case it is enacted).
    const entries = provisionalHolidays(2027) ?? [];
    expect(entries.map((entry) => entry.date)).toEqual([
      "2027-01-01",
      "2027-02-03",
      "2027-02-04",
      "2027-02-05",
      "2027-02-08",
      "2027-02-09",
      "2027-02-10",
      "2027-02-11",
      "2027-02-12",
      "2027-04-16",
      "2027-04-30",
      "2027-05-03",
      "2027-09-01",
      "2027-09-02",
      "2027-09-03",
      "2027-11-24",
    ]);
    for (const entry of entries) {
      expect(entry.name).toMatch(/\S — \S/);
      expect(entry.source).toMatch(/\S — provisional: computed, not announced$/);
      expect(isWeekendDay(entry.date)).toBe(false);
      expect(calendar.holidayOn(entry.date)).toEqual(entry);
      expect(calendar.isWorkingDay(entry.date)).toBe(false);
    }
    expect(calendar.holidayOn("2027-02-08")?.name).toBe("Tết Nguyên đán, mùng 3 tháng Giêng — Lunar New Year, day 3");
    expect(calendar.holidayOn("2027-04-16")?.source).toContain("Điều 112 khoản 1 điểm e");
  });

  test("Tết 2027: the conservative window holds every plausible announced break", () => {
    // Mùng 1 is Saturday 6 Feb. The 2024 analogue (Thu 4 – Wed 10 Feb) and a nine-day break to
    // Sunday 14 Feb both lie inside Wed 3 – Sun 14 Feb; Tuesday 2 and Monday 15 are worked.
    expect(LUNAR_HOLIDAYS[2027]).toEqual({ tet: "2027-02-06", hungKings: "2027-04-16" });
    for (const day of datesBetween("2027-02-03", "2027-02-14")) {
      expect([day, calendar.isWorkingDay(day)]).toEqual([day, false]);
    }
    expect(calendar.isWorkingDay("2027-02-02")).toBe(true);
    expect(calendar.isWorkingDay("2027-02-15")).toBe(true);
    expect(calendar.nextWorkingDay("2027-02-02")).toBe("2027-02-15");
  });

  test("a receipt in late January 2027 for 20 working days runs over the whole Tết window", () => {
    // Land registration (17 + 3 = 20 wd) accepted Monday 25 Jan 2027: 26–29 Jan, 1–2 Feb (6), Tết,
    // then 15–19 Feb (11), 22–26 Feb (16), 1–4 Mar (20).
    expect(calendar.dueAtWithProvenance(at("2027-01-25", "10:00"), workingDays(20))).toEqual({
      at: endOfLocalDay("2027-03-04"),
      provisional: true,
    });
  });

  test("Hùng Kings, 30 April and 1 May 2027: Saturday 1 May is compensated on Monday 3 May", () => {
    // Labour Code art. 111(3). Friday 30 April, the weekend and Monday 3 May make one break.
    for (const day of ["2027-04-16", "2027-04-30", "2027-05-01", "2027-05-02", "2027-05-03"]) {
      expect([day, calendar.isWorkingDay(day)]).toEqual([day, false]);
    }
    expect(calendar.isWorkingDay("2027-04-29")).toBe(true);
    expect(calendar.isWorkingDay("2027-05-04")).toBe(true);
    expect(calendar.nextWorkingDay("2027-04-29")).toBe("2027-05-04");
    expect(calendar.dueAt(at("2027-04-29", "10:00"), workingDays(1))).toEqual(endOfLocalDay("2027-05-04"));
    const compensatory = calendar.holidayOn("2027-05-03");
    expect(compensatory?.name).toMatch(/^Nghỉ bù Ngày Quốc tế Lao động \(thứ Bảy 1\/5\) — compensatory day/);
    expect(compensatory?.source).toContain("Điều 111 khoản 3");
    expect(compensatory?.source).toContain("Điều 112 khoản 1 điểm d");
  });

  test("2 September 2027 is a Thursday: both candidate adjacent days are off", () => {
    // The Prime Minister picks 1 or 3 September each year; until then both count, so the break is
    // Wed 1 – Sun 5 Sep and a count from Tuesday 31 August resumes on Monday 6 September.
    for (const day of ["2027-09-01", "2027-09-02", "2027-09-03"]) {
      expect([day, calendar.isWorkingDay(day)]).toEqual([day, false]);
    }
    expect(calendar.holidayOn("2027-09-01")?.name).toContain("ngày liền kề");
    expect(calendar.holidayOn("2027-09-03")?.name).toContain("ngày liền kề");
    expect(calendar.isWorkingDay("2027-08-31")).toBe(true);
    expect(calendar.addWorkingDays("2027-08-31", 1)).toBe("2027-09-06");
  });

  test("when 2 September falls on a weekend, either choice of adjacent day is covered", () => {
    // 2028: Saturday. 1 Sep chosen → Fri 1 off, Mon 4 for the Saturday; 3 Sep chosen → Mon 4 and
    // Tue 5 for the weekend. 2029: Sunday. Either choice gives Mon 3 and Tue 4.
    for (const day of ["2028-09-01", "2028-09-04", "2028-09-05", "2029-09-03", "2029-09-04"]) {
      expect([day, calendar.isWorkingDay(day)]).toEqual([day, false]);
    }
    expect(calendar.isWorkingDay("2028-09-06")).toBe(true);
    expect(calendar.isWorkingDay("2029-09-05")).toBe(true);
  });

  test("a bridge day between a holiday and a weekend is off, as the yearly swaps make it", () => {
    // 1 Jan 2030 is a Tuesday, so Monday 31 Dec 2029 is a bridge; so is Monday 29 April 2030 before
    // 30 April and 1 May. The make-up Saturday is not assumed: Saturdays stay off.
    expect(calendar.holidayOn("2029-12-31")?.name).toMatch(/^Ngày làm việc kẹp giữa/);
    expect(calendar.isWorkingDay("2030-04-29")).toBe(false);
    expect(calendar.isWorkingDay("2030-05-04")).toBe(false);
  });

  test.each([2025, 2026])("the provisional rules applied to %s would never have given an earlier due date", (year) => {
    // Every day the rules call worked was worked in the official file, so every n-th working day is
    // on or after the official one. The bridge rule is what covers 2 May 2025, 2 Jan and 31 Aug 2026.
    const off = new Set((provisionalHolidays(year) ?? []).map((entry) => entry.date));
    for (const day of datesBetween(`${year}-01-01`, `${year}-12-31`)) {
      if (!off.has(day) && !isWeekendDay(day)) expect([day, calendar.isWorkingDay(day)]).toEqual([day, true]);
    }
    for (const swapped of ["2025-05-02", "2026-01-02", "2026-08-31"].filter((day) => day.startsWith(`${year}`))) {
      expect(off.has(swapped)).toBe(true);
    }
  });

  test("the lunar table: the known anchors, and each later year in the right season", () => {
    // Vietnam counts lunar months at UTC+7: Tết 2030 is Saturday 2 Feb there, 3 Feb in China.
    expect(LUNAR_HOLIDAYS[2028].tet).toBe("2028-01-26");
    expect(LUNAR_HOLIDAYS[2029].tet).toBe("2029-02-13");
    expect(LUNAR_HOLIDAYS[2030].tet).toBe("2030-02-02");
    const years = Object.keys(LUNAR_HOLIDAYS).map(Number);
    expect(years).toEqual(Array.from({ length: 16 }, (_, index) => 2025 + index));
    const day = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    for (const year of years) {
      const { tet, hungKings } = LUNAR_HOLIDAYS[year];
      // Tết falls between 21 January and 20 February; no leap first or second month in these years,
      // so 10/3 is two lunar months and nine days (67 to 69 days) after mùng 1.
      expect([year, tet >= `${year}-01-21` && tet <= `${year}-02-20`]).toEqual([year, true]);
      const gap = day(hungKings) - day(tet);
      expect([year, gap >= 67 && gap <= 69]).toEqual([year, true]);
    }
  });

  test.each(Array.from({ length: 14 }, (_, index) => 2027 + index))(
    "%s: the Tết window spans every precedent, Hùng Kings' day is off or compensated",
    (year) => {
      // Announced breaks had their weekdays between two days before mùng 1 and mùng 6.
      const { tet, hungKings } = LUNAR_HOLIDAYS[year];
      for (const day of datesBetween(addCalendarDays(tet, -2), addCalendarDays(tet, 5))) {
        expect([day, calendar.isWorkingDay(day)]).toEqual([day, false]);
      }
      expect(calendar.isWorkingDay(hungKings)).toBe(false);
      if (isWeekendDay(hungKings)) {
        // Saturday or Sunday: the compensatory day is the Monday after (art. 111(3)).
        const monday = addCalendarDays(hungKings, isWeekendDay(addCalendarDays(hungKings, 1)) ? 2 : 1);
        expect(calendar.holidayOn(monday)?.name).toMatch(/^Nghỉ bù Giỗ Tổ Hùng Vương/);
      }
      const weekdaysOff = datesBetween(`${year}-01-01`, `${year}-12-31`).filter(
        (day) => !isWeekendDay(day) && !calendar.isWorkingDay(day),
      );
      // At least the 11 statutory days of art. 112(1), compensated when they fall on a weekend.
      expect(weekdaysOff.length).toBeGreaterThanOrEqual(11);
    },
  );

  test("a year beyond the lunar table is still refused", () => {
    // The table ends with 2040; 2041 has neither a file nor lunar dates.
    expect(() => calendar.isWorkingDay("2041-01-02")).toThrow(CalendarCoverageError);
    expect(() => calendar.isWorkingDay("2041-01-02")).toThrow(
      /no data for 2041 \(loaded: 2025, 2026; provisional: 2027–2040\).*2041\.json/,
    );
    expect(() => calendar.isProvisional("2041-01-01")).toThrow(CalendarCoverageError);
    expect(() => calendar.addWorkingDays("2040-12-28", 5)).toThrow(/2041/);
    expect(() => calendar.dueAtWithProvenance(at("2040-12-31", "10:00"), workingDays(3))).toThrow(
      CalendarCoverageError,
    );
  });

  test("supplement time and timeliness are counted across a provisional year", () => {
    // 5 wd from Monday 28 Dec 2026 end on Tuesday 5 Jan 2027. Asked Wed 30 Dec 10:00, answered Mon
    // 4 Jan 10:00: 14 h + 24 h + 10 h of working days (New Year and the weekend do not count) = two
    // working days, so the due date moves to the end of Thursday 7 Jan.
    const accepted = at("2026-12-28", "09:00");
    const due = calendar.dueAt(accepted, workingDays(5));
    expect(due).toEqual(endOfLocalDay("2027-01-05"));
    const supplementIntervals = [{ from: at("2026-12-30", "10:00"), to: at("2027-01-04", "10:00") }];
    const input = { acceptedAt: accepted, dueAt: due, supplementIntervals, now: at("2027-02-01", "09:00") };
    expect(calendar.extendedDueAt({ ...input, until: at("2027-01-08", "08:00") })).toEqual(endOfLocalDay("2027-01-07"));
    expect(calendar.timeliness({ ...input, endedAt: at("2027-01-07", "16:00") })).toBe("ON_TIME");
    expect(calendar.timeliness({ ...input, endedAt: at("2027-01-08", "08:00") })).toBe("LATE");
  });

  describe("when the official 2027.json is added", () => {
    const dir = mkdtempSync(join(tmpdir(), "calendar-2027-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const source = "Bộ luật Lao động 2019 (45/2019/QH14), Điều 112 khoản 1";
    const official2027 = {
      $comment: "A test stand-in for the 2027 announcement, with a shorter Tết than the provisional window.",
      year: 2027,
      timeZone: "Asia/Ho_Chi_Minh",
      holidays: [
        { date: "2027-01-01", name: "Tết Dương lịch — New Year's Day", source: `${source} điểm a` },
        // The 2024 pattern: 28 and 29 tháng Chạp, mùng 3, and two compensatory days (Thu 4 – Wed 10 Feb).
        { date: "2027-02-04", name: "Tết Nguyên đán, 28 tháng Chạp — Lunar New Year", source: `${source} điểm b` },
        { date: "2027-02-05", name: "Tết Nguyên đán, giao thừa — Lunar New Year's Eve", source: `${source} điểm b` },
        { date: "2027-02-08", name: "Tết Nguyên đán, mùng 3 — Lunar New Year", source: `${source} điểm b` },
        { date: "2027-02-09", name: "Nghỉ bù Tết — compensatory day for Lunar New Year", source: "Điều 111 khoản 3" },
        { date: "2027-02-10", name: "Nghỉ bù Tết — compensatory day for Lunar New Year", source: "Điều 111 khoản 3" },
        { date: "2027-04-16", name: "Giỗ Tổ Hùng Vương — Hùng Kings' Commemoration", source: `${source} điểm e` },
        { date: "2027-04-30", name: "Ngày Chiến thắng — Reunification Day", source: `${source} điểm c` },
        { date: "2027-05-03", name: "Nghỉ bù 1/5 — compensatory day for 1 May", source: "Điều 111 khoản 3" },
        { date: "2027-09-02", name: "Quốc khánh — National Day", source: `${source} điểm đ` },
        {
          date: "2027-09-03",
          name: "Quốc khánh, ngày liền kề — National Day (adjacent day)",
          source: `${source} điểm đ`,
        },
      ],
      makeUpWorkingDays: [],
    };
    for (const name of ["2025.json", "2026.json"]) copyFileSync(join(DEFAULT_CALENDAR_DIR, name), join(dir, name));
    writeFileSync(join(dir, "2027.json"), JSON.stringify(official2027, null, 2));

    test("a fresh load makes 2027 official, and the loaded calendar is not changed behind its back", () => {
      // The calendar is read once at start-up: reloading (a restart) is what switches the year.
      const reloaded = loadWorkingCalendar(dir);
      expect(reloaded.years).toEqual([2025, 2026, 2027]);
      expect(reloaded.provisionalYears[0]).toBe(2028);
      expect(reloaded.isProvisional("2027-02-04")).toBe(false);
      expect(reloaded.holidayOn("2027-02-04")?.source).not.toContain("provisional");
      expect(reloaded.isWorkingDay("2027-09-01")).toBe(true);
      expect(reloaded.isWorkingDay("2027-02-11")).toBe(true);
      expect(calendar.isProvisional("2027-02-04")).toBe(true);
      expect(calendar.isWorkingDay("2027-02-11")).toBe(false);
    });

    test("every official 2027 day off was already off provisionally", () => {
      // The provisional year was a superset, so no provisional due date in 2027 was too early.
      const reloaded = loadWorkingCalendar(dir);
      for (const day of datesBetween("2027-01-01", "2027-12-31")) {
        if (!reloaded.isWorkingDay(day)) expect([day, calendar.isWorkingDay(day)]).toEqual([day, false]);
      }
    });

    test("the same receipts become official, never later than their provisional due dates", () => {
      // 31 Dec 2026 + 3 wd is unchanged (Wed 6 Jan). 25 Jan 2027 + 20 wd: the shorter Tết gives back
      // 3 Feb, 11 and 12 Feb, so the count ends on Monday 1 March instead of Thursday 4 March.
      const reloaded = loadWorkingCalendar(dir);
      const newYear = { acceptedAt: at("2026-12-31", "10:00"), limit: workingDays(3) };
      const tet = { acceptedAt: at("2027-01-25", "10:00"), limit: workingDays(20) };
      const provisionalNewYear = calendar.dueAtWithProvenance(newYear.acceptedAt, newYear.limit);
      const provisionalTet = calendar.dueAtWithProvenance(tet.acceptedAt, tet.limit);
      expect(reloaded.dueAtWithProvenance(newYear.acceptedAt, newYear.limit)).toEqual({
        at: endOfLocalDay("2027-01-06"),
        provisional: false,
      });
      const officialTet = reloaded.dueAtWithProvenance(tet.acceptedAt, tet.limit);
      expect(officialTet).toEqual({ at: endOfLocalDay("2027-03-01"), provisional: false });
      expect(officialTet.at.getTime()).toBeLessThanOrEqual(provisionalTet.at.getTime());

      expect(recomputeDueAt(reloaded, { ...newYear, dueAt: provisionalNewYear.at })).toEqual({
        at: endOfLocalDay("2027-01-06"),
        provisional: false,
        changed: false,
      });
      expect(recomputeDueAt(reloaded, { ...tet, dueAt: provisionalTet.at })).toEqual({
        at: endOfLocalDay("2027-03-01"),
        provisional: false,
        changed: true,
      });
      // A count reaching into 2028 is still provisional after the 2027 file arrives.
      expect(
        recomputeDueAt(reloaded, {
          acceptedAt: at("2027-12-30", "10:00"),
          limit: workingDays(3),
          dueAt: calendar.dueAt(at("2027-12-30", "10:00"), workingDays(3)),
        }),
      ).toMatchObject({ provisional: true, changed: false });
    });
  });
});
