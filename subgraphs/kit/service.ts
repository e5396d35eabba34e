import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

import { ApolloServer } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from "@apollo/server/plugin/disabled";
import type { GraphQLFormattedError, GraphQLSchema } from "graphql";

import type { SubgraphContext } from "./context";
import { type Database, isDatabaseReachable, openDatabase } from "./database";
import type { EventConsumer } from "./events/consumer";
import { type Handoff, HandoffVerifier, loadHandoffPublicKey } from "./handoff";
import { HttpError, type HttpService, type HttpServiceOptions, startHttpService } from "./http";
import { configureLogger, log } from "./logger";

export interface SubgraphServiceOptions<TLoaders, TServices = undefined> {
  /** The subgraph's name in the supergraph; also the audience of its hand-off tokens. */
  name: string;
  schema: GraphQLSchema;
  database: Database;
  createLoaders: (database: Database, context: Omit<SubgraphContext<TLoaders, TServices>, "loaders">) => TLoaders;
  /** Process-wide services handed to every request's context. */
  services?: TServices;
  port: number;
  host: string;
  handoffPublicKeyFile: string;
  production: boolean;
  maxBodyBytes?: number;
  /** Routes beside GraphQL, with their own authentication: a producer's event feed. */
  routes?: HttpServiceOptions<SubgraphContext<TLoaders, TServices>, Handoff>["routes"];
  /** The event consumers running in this process: their lag goes to /metrics, they stop before the database closes. */
  consumers?: readonly EventConsumer[];
}

export interface RunningSubgraph extends HttpService {
  name: string;
  database: Database;
  /** The event consumers running in this service. */
  consumers: readonly EventConsumer[];
  /** Drains HTTP, stops Apollo and closes the database. */
  stop(graceMs?: number): Promise<void>;
}

/** A request id as the gateway makes them (a UUID), or any short word-like id: nothing else reaches logs and audit rows. */
const REQUEST_ID = /^[\w-]{1,64}$/;

const bearer = (header: string | string[] | undefined): string | undefined => {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
  return match?.[1];
};

/** Errors keep their code and field; internal details and stack traces never leave production. */
/**
 * Driver codes of a database that went away or did not answer in time (MySQL/MariaDB, SQLite):
 * the request may succeed if retried, so the client is told so rather than given an internal error.
 */
const DATABASE_UNAVAILABLE_CODES = new Set([
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_SEQUENCE_TIMEOUT",
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "ER_QUERY_INTERRUPTED",
  "ER_CONNECTION_KILLED",
  "ER_SERVER_SHUTDOWN",
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
]);

const driverCodeOf = (error: unknown): string | undefined => {
  const cause = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = cause?.driverError?.code ?? cause?.code;
  return typeof code === "string" ? code : undefined;
};

export const formatError =
  (production: boolean) =>
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const original = unwrapResolverError(error);
    const driverCode = driverCodeOf(original);
    if (
      (code === "INTERNAL_SERVER_ERROR" || code === undefined) &&
      driverCode &&
      DATABASE_UNAVAILABLE_CODES.has(driverCode)
    ) {
      log.warn("database unavailable", { driverCode, path: formatted.path });
      return {
        message:
          "The database did not answer: the change may or may not have been made; retry with the same idempotency key",
        path: formatted.path,
        extensions: { code: "DATABASE_UNAVAILABLE" },
      };
    }
    if (code === "INTERNAL_SERVER_ERROR" || code === undefined) {
      log.error("unexpected error", {
        error: original instanceof Error ? (original.stack ?? original.message) : JSON.stringify(original),
        path: formatted.path,
      });
      if (production) {
        return {
          message: "Internal server error",
          path: formatted.path,
          extensions: { code: "INTERNAL_SERVER_ERROR" },
        };
      }
    }
    if (production && formatted.extensions?.stacktrace) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
      return { ...formatted, extensions };
    }
    return formatted;
  };

/**
 * Starts one subgraph: every GraphQL request, `_service` and `_entities` included, must carry a
 * valid hand-off token from the gateway, checked before the body is read; anything else is a 401.
 */
export const startSubgraphService = async <TLoaders, TServices = undefined>(
  options: SubgraphServiceOptions<TLoaders, TServices>,
): Promise<RunningSubgraph> => {
  const verifier = new HandoffVerifier(await loadHandoffPublicKey(options.handoffPublicKeyFile), options.name);
  const apollo = new ApolloServer<SubgraphContext<TLoaders, TServices>>({
    schema: options.schema,
    introspection: !options.production,
    includeStacktraceInErrorResponses: !options.production,
    formatError: formatError(options.production),
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Our own SIGTERM handling drains HTTP first, then stops Apollo and the database; Apollo's
    // handler would race it and re-raise the signal into a process that is still draining.
    stopOnTerminationSignals: false,
    // Traces are for a hosted registry this deployment does not use; they would cost every request.
    // Cache-control hints: no field carries one (every answer is per caller and never cached), and
    // the plugin's per-field hook makes Apollo wrap every resolver of every request.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();

  const http = await startHttpService<SubgraphContext<TLoaders, TServices>, Handoff>(
    {
      name: options.name,
      apollo,
      maxBodyBytes: options.maxBodyBytes ?? 1_000_000,
      authenticate: async ({ headers }) => {
        const token = bearer(headers.authorization);
        if (!token) throw new HttpError(401, "UNAUTHENTICATED", "This service answers the gateway only");
        try {
          const handoff = await verifier.verify(token);
          if (handoff.requestId !== "unknown") return handoff;
          // A token the gateway reuses for the caller: the request's id comes beside it.
          const header = headers["x-request-id"];
          return { ...handoff, requestId: typeof header === "string" && REQUEST_ID.test(header) ? header : "unknown" };
        } catch {
          throw new HttpError(401, "UNAUTHENTICATED", "Invalid or expired gateway token");
        }
      },
      requestIdOf: (handoff) => handoff.requestId,
      context: async (handoff) => {
        const base = {
          caller: handoff.caller,
          requestId: handoff.requestId,
          database: options.database,
          services: options.services as TServices,
        };
        return { ...base, loaders: options.createLoaders(options.database, base) };
      },
      ready: () => isDatabaseReachable(options.database),
      metrics: () =>
        Object.assign(
          {
            db_statements_total: options.database.statements.total,
            db_background_statements_total: options.database.statements.background,
            db_shared_reads_total: options.database.statements.shared,
          },
          ...(options.consumers ?? []).map((consumer) => consumer.metrics()),
        ) as Record<string, number>,
      routes: options.routes,
    },
    options.port,
    options.host,
  );
  log.info("subgraph listening", { url: http.url, database: options.database.kind });

  return {
    ...http,
    name: options.name,
    database: options.database,
    consumers: options.consumers ?? [],
    stop: async (graceMs) => {
      await http.close(graceMs);
      for (const consumer of options.consumers ?? []) await consumer.stop();
      await apollo.stop();
      await options.database.close();
    },
  };
};

/** Stops the service on SIGTERM or SIGINT, letting in-flight requests finish first. */
export const stopOnSignals = (service: { stop(graceMs?: number): Promise<void> }, graceMs: number): void => {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    service.stop(graceMs).then(
      () => process.exit(0),
      (error: unknown) => {
        log.error("shutdown failed", { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", handler);
  process.on("SIGINT", handler);
  // Started by the development launcher over an IPC channel: stop when the launcher goes away,
  // even if it was killed outright and could not pass the signal on.
  if (process.send) process.on("disconnect", () => handler("SIGTERM"));
};

/**
 * A service's process entry point: read and validate the configuration, start, stop on signals;
 * a bad setting or a failed start is one JSON log line and exit code 1.
 */
export const runService = <TConfig extends { logLevel: "debug" | "info" | "warn" | "error" }>(
  name: string,
  loadServiceConfig: () => TConfig,
  start: (config: TConfig) => Promise<{ stop(graceMs?: number): Promise<void> }>,
  graceMsOf: (config: TConfig) => number,
): void => {
  void (async () => {
    try {
      const config = loadServiceConfig();
      configureLogger(name, config.logLevel);
      const service = await start(config);
      stopOnSignals(service, graceMsOf(config));
    } catch (error) {
      configureLogger(name);
      log.error(`${name} failed to start`, { error: error instanceof Error ? error.message : String(error) });
      process.exit(1);
    }
  })();
};

/** Creates the folder of an embedded SQLite database file. */
export const ensureSqliteFolder = (databaseUrl: string): void => {
  if (databaseUrl.startsWith("sqlite:") && !databaseUrl.includes(":memory:")) {
    mkdirSync(dirname(databaseUrl.slice("sqlite:".length)), { recursive: true });
  }
};

/** The settings every subgraph shares (subgraph-config.ts). */
export interface SubgraphBaseConfig {
  nodeEnv: string;
  port: number;
  host: string;
  databaseUrl: string;
  handoffPublicKeyFile: string;
  statementTimeoutMs?: number;
}

export interface SubgraphDefinition<TLoaders, TServices> {
  name: string;
  entities: Parameters<typeof openDatabase>[0]["entities"];
  migrations: Parameters<typeof openDatabase>[0]["migrations"];
  schema: () => GraphQLSchema;
  createLoaders: SubgraphServiceOptions<TLoaders, TServices>["createLoaders"];
  services?: TServices;
  /** Runs once the database is up to date, before listening: first-start seeding, say. */
  prepare?: (database: Database) => Promise<void>;
  /** A producer's event feed (kit/events/settings.ts `eventFeedOf`). */
  eventFeed?: (database: Database) => Promise<NonNullable<SubgraphServiceOptions<TLoaders, TServices>["routes"]>>;
  /** The consumers of other services' feeds (`eventConsumersOf`), started once the service is prepared. */
  eventConsumers?: (database: Database) => Promise<EventConsumer[]>;
}

/** A subgraph's start: its database up to date, prepared, then listening; the database closed on failure. */
export const startSubgraph = async <TLoaders, TServices = undefined>(
  config: SubgraphBaseConfig,
  definition: SubgraphDefinition<TLoaders, TServices>,
): Promise<RunningSubgraph> => {
  ensureSqliteFolder(config.databaseUrl);
  const database = await openDatabase({
    url: config.databaseUrl,
    entities: definition.entities,
    migrations: definition.migrations,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  const consumers: EventConsumer[] = [];
  try {
    await definition.prepare?.(database);
    const routes = await definition.eventFeed?.(database);
    consumers.push(...((await definition.eventConsumers?.(database)) ?? []));
    return await startSubgraphService({
      name: definition.name,
      schema: definition.schema(),
      database,
      createLoaders: definition.createLoaders,
      services: definition.services,
      port: config.port,
      host: config.host,
      handoffPublicKeyFile: config.handoffPublicKeyFile,
      production: config.nodeEnv === "production",
      routes,
      consumers,
    });
  } catch (error) {
    for (const consumer of consumers) await consumer.stop();
    await database.close();
    throw error;
  }
};
