/**
 * The two statutory holidays that follow the lunar calendar, as Gregorian dates in Vietnam, for the
 * years the working-day calendar may compute provisionally (calendar.ts, "Provisional years").
 *
 * `tet` is mùng 1 tháng Giêng (Lunar New Year's Day, Labour Code 2019 art. 112(1)(b)); `hungKings`
 * is 10 tháng 3 âm lịch (Giỗ Tổ Hùng Vương, art. 112(1)(e)), in the ordinary third month, never a
 * leap one. Vietnam numbers its lunar calendar at UTC+7, so a new moon between 23:00 and 24:00 in
 * Hanoi starts a month a day earlier than the Chinese calendar (UTC+8) does: Tết 2030 is Saturday
 * 2 February in Vietnam and 3 February in China. Copying a list of Chinese New Year dates is
 * therefore wrong in some years.
 *
 * Computed with Hồ Ngọc Đức's lunar-calendar algorithm at UTC+7, and checked against an
 * independent astronomical implementation (github.com/doxuta/amlich, reference and golden test
 * data) for every row. 2025 and 2026 have official files; their rows stay so that the tests can
 * check the provisional rules against what was actually announced. Extend the table before 2040
 * ends: a year beyond it is refused (CalendarCoverageError) unless its official file exists.
 */
export interface LunarHolidays {
  /** Mùng 1 Tết, "YYYY-MM-DD". */
  tet: string;
  /** Giỗ Tổ Hùng Vương, 10/3 âm lịch, "YYYY-MM-DD". */
  hungKings: string;
}

export const LUNAR_HOLIDAYS: Readonly<Record<number, LunarHolidays>> = {
  2025: { tet: "2025-01-29", hungKings: "2025-04-07" }, // Wed; Mon
  2026: { tet: "2026-02-17", hungKings: "2026-04-26" }, // Tue; Sun
  2027: { tet: "2027-02-06", hungKings: "2027-04-16" }, // Sat; Fri
  2028: { tet: "2028-01-26", hungKings: "2028-04-04" }, // Wed; Tue
  2029: { tet: "2029-02-13", hungKings: "2029-04-23" }, // Tue; Mon
  2030: { tet: "2030-02-02", hungKings: "2030-04-12" }, // Sat (China: Sun 3 Feb); Fri
  2031: { tet: "2031-01-23", hungKings: "2031-04-01" }, // Thu; Tue (a leap 3rd month follows)
  2032: { tet: "2032-02-11", hungKings: "2032-04-19" }, // Wed; Mon
  2033: { tet: "2033-01-31", hungKings: "2033-04-09" }, // Mon; Sat
  2034: { tet: "2034-02-19", hungKings: "2034-04-28" }, // Sun; Fri
  2035: { tet: "2035-02-08", hungKings: "2035-04-17" }, // Thu; Tue
  2036: { tet: "2036-01-28", hungKings: "2036-04-06" }, // Mon; Sun
  2037: { tet: "2037-02-15", hungKings: "2037-04-24" }, // Sun; Fri
  2038: { tet: "2038-02-04", hungKings: "2038-04-13" }, // Thu; Tue
  2039: { tet: "2039-01-24", hungKings: "2039-04-03" }, // Mon; Sun
  2040: { tet: "2040-02-12", hungKings: "2040-04-20" }, // Sun; Fri
};
