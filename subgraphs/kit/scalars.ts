import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when text is a real calendar date written YYYY-MM-DD. */
export const isIsoDate = (text: string): boolean => {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

const parseDate = (value: unknown): string => {
  if (typeof value !== "string" || !isIsoDate(value)) {
    throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return value;
};

/** A calendar date without time or zone (ISO 8601 YYYY-MM-DD), carried as a string end to end. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  description: "Ngày — a calendar date, ISO 8601 (YYYY-MM-DD)",
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseDate(value);
  },
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError("Date must be a string written YYYY-MM-DD", { extensions: { code: "BAD_USER_INPUT" } });
    }
    return parseDate(ast.value);
  },
});

const parseDateTime = (value: unknown): Date => {
  const date = typeof value === "string" ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value as string)) {
    throw new GraphQLError(`DateTime must be an ISO 8601 instant, got ${JSON.stringify(value)}`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return date;
};

/** An instant, serialised in UTC (ISO 8601 with Z). */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description: "Thời điểm — an instant, ISO 8601 in UTC",
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime())) throw new GraphQLError("DateTime cannot represent an invalid date");
    return date.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError("DateTime must be a string", { extensions: { code: "BAD_USER_INPUT" } });
    }
    return parseDateTime(ast.value);
  },
});
