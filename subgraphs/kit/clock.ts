import { ConfigError } from "./config";

/** The time as a service: resolvers ask the clock, never `new Date()`, so a desk's day can be replayed. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * A clock that reads `start` when the process starts and then runs at the real rate: tests and
 * demos replay a desk's day (1 July at Ứng Thiên, say) with real elapsed time between steps.
 */
export const clockStartingAt = (start: Date, realNow: Clock = systemClock): Clock => {
  const offset = start.getTime() - realNow().getTime();
  return () => new Date(realNow().getTime() + offset);
};

/** Parses CLOCK_START: an ISO 8601 instant with its offset, e.g. 2026-07-01T08:30:00+07:00. */
export const parseClockStart = (raw: string): Date => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(raw)) {
    throw new ConfigError(`not an ISO 8601 instant with an offset: ${raw}`);
  }
  const start = new Date(raw);
  if (Number.isNaN(start.getTime())) throw new ConfigError(`not a real instant: ${raw}`);
  return start;
};
