import { GraphQLError } from "graphql";

/** Stable error codes clients can branch on (extensions.code). */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "CONFLICT"
  | "SERVICE_UNAVAILABLE";

/** Bad input: names the argument or input field at fault in extensions.field. */
export const badInput = (field: string, message: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", field } });

export const notFound = (entity: string, id: string, field?: string): GraphQLError =>
  new GraphQLError(`${entity} ${id} does not exist`, {
    extensions: { code: "NOT_FOUND", entity, id, ...(field ? { field } : {}) },
  });

export const forbidden = (message = "You are not allowed to see or do this"): GraphQLError =>
  new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });

export const unauthenticated = (message = "Sign in first: this needs an authenticated caller"): GraphQLError =>
  new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED" } });

export const conflict = (message: string, field?: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code: "CONFLICT", ...(field ? { field } : {}) } });

export const errorCode = (error: unknown): string | undefined =>
  error instanceof GraphQLError ? (error.extensions?.code as string | undefined) : undefined;

/** The service cannot do this now for a reason on its side that an operator must fix. */
export const unavailable = (message: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code: "SERVICE_UNAVAILABLE" } });
