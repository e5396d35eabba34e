import { badInput } from "./errors";

/** A reason to refuse a request, naming the input field at fault: what a field's rules return. */
export interface RuleProblem {
  field: string;
  message: string;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Dates already found real: rules and seeds check the same birth dates and days over and over, and
 * the round trip below is the cost. Emptied when it reaches KNOWN_DATES_LIMIT, which bounds memory
 * whatever callers send.
 */
const knownDates = new Set<string>();
const KNOWN_DATES_LIMIT = 100_000;

/** A real calendar date written YYYY-MM-DD. */
export const isCalendarDate = (value: unknown): value is string => {
  if (typeof value !== "string") return false;
  if (knownDates.has(value)) return true;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // Date.UTC rolls 2025-02-30 over to 2 March; the round trip catches dates that do not exist.
  if (date.toISOString().slice(0, 10) !== value) return false;
  if (knownDates.size >= KNOWN_DATES_LIMIT) knownDates.clear();
  knownDates.add(value);
  return true;
};

/** A date the caller's code (not the user) supplies: a wrong one is a programming error. */
export const requireCalendarDate = (value: string, what: string): string => {
  if (!isCalendarDate(value)) {
    throw new RangeError(`The ${what} must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
};

/**
 * Full years of age on a date. A birthday is reached at the start of the day: the Joint Circular's
 * example counts the anniversary itself as the day of full age. Someone born on 29 February
 * reaches a new year of age on 1 March in common years, since no day of that year corresponds to
 * the birthday and the year is complete only once February has ended; the circular is silent on
 * this case, and the choice never lets a person marry before the full age.
 */
export const fullYearsOn = (birthDate: string, onDate: string): number => {
  requireCalendarDate(birthDate, "birth date");
  requireCalendarDate(onDate, "date");
  // Same-width "MM-DD" strings compare in calendar order, and "02-28" < "02-29" < "03-01".
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
};

/** The problem with a date the user typed. */
export const notADate = (field: string, value: unknown, what: string): RuleProblem => ({
  field,
  message: `The ${what} ${JSON.stringify(value)} is not a calendar date; write it as YYYY-MM-DD (for example 2026-07-01).`,
});

/**
 * Turns a rule's problem into BAD_USER_INPUT. `renames` maps a rule's field path prefix to the
 * mutation's own input field (`certificate.serial` → `certificateSerial`); the first that matches wins.
 */
export const refuse = (
  problem: RuleProblem | undefined,
  renames: readonly (readonly [string, string])[] = [],
): void => {
  if (!problem) return;
  for (const [from, to] of renames) {
    if (problem.field === from || problem.field.startsWith(`${from}.`) || problem.field.startsWith(`${from}[`)) {
      throw badInput(to + problem.field.slice(from.length), problem.message);
    }
  }
  throw badInput(problem.field, problem.message);
};
