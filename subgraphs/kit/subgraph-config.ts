import { parseClockStart } from "./clock";
import { ConfigError, isProduction, loadConfig, parseOneOf, parsePort, parsePositiveInt, setting } from "./config";

/** The settings every subgraph process shares; each subgraph's config.ts adds its own. */
export const subgraphSettings = (defaultPort: number, service: string) => ({
  nodeEnv: setting({ name: "NODE_ENV", description: "development, test or production", devDefault: "development" }),
  port: setting({ name: "PORT", description: "HTTP port", devDefault: String(defaultPort), parse: parsePort }),
  host: setting({
    name: "HOST",
    description: "address to listen on",
    devDefault: "127.0.0.1",
    requiredInProduction: false,
  }),
  databaseUrl: setting({
    name: "DATABASE_URL",
    description: `the ${service} database: sqlite:<file> or mysql://user:password@host:3306/database`,
    devDefault: `sqlite:.data/${service}.sqlite`,
    requiredInProduction: true,
  }),
  handoffPublicKeyFile: setting({
    name: "HANDOFF_PUBLIC_KEY_FILE",
    description: "PEM file with the gateway's public key that signs the per-subgraph hand-off tokens",
    devDefault: ".data/keys/handoff-public.pem",
    requiredInProduction: true,
  }),
  logLevel: setting({
    name: "LOG_LEVEL",
    description: "debug, info, warn or error",
    devDefault: "info",
    parse: parseOneOf("debug", "info", "warn", "error"),
  }),
  statementTimeoutMs: setting({
    name: "STATEMENT_TIMEOUT_MS",
    description:
      "MySQL only: the longest a statement may wait for its answer before it fails (a hung database costs an error, not a hung request)",
    devDefault: "20000",
    parse: parsePositiveInt,
  }),
  shutdownGraceMs: setting({
    name: "SHUTDOWN_GRACE_MS",
    description: "how long SIGTERM waits for in-flight requests before closing",
    devDefault: "10000",
    parse: parsePositiveInt,
  }),
});

/**
 * The settings of a field subgraph with a dossier desk: the shared ones, the working-day calendar,
 * the first-start demo seed, the official list of units, and the replay clock of development.
 */
export const deskSettings = (defaultPort: number, service: string, seeds: string) => ({
  ...subgraphSettings(defaultPort, service),
  calendarDir: setting({
    name: "CALENDAR_DIR",
    description: "the working-day calendar's yearly files (infra/calendar)",
    devDefault: "infra/calendar",
  }),
  seedOnEmpty: setting({
    name: "SEED_ON_EMPTY",
    description: `on an empty database, seed ${seeds} for the synthetic population at this scale`,
    devDefault: "none",
    parse: parseOneOf("none", "test", "demo", "bench", "city"),
  }),
  adminUnitsFile: setting({
    name: "ADMIN_UNITS_FILE",
    description:
      "the official list of administrative units: which communes exist and their provinces; the demo seed's communes",
    devDefault: "../shared/data/admin-units/full_json_generated_data_vn_units_2026-07-25__20_49_07.json",
  }),
  clockStart: setting({
    name: "CLOCK_START",
    description:
      "development and tests only: the service's clock starts at this instant (ISO 8601 with offset) and runs on, to replay a desk's day",
    optional: true,
    parse: parseClockStart,
  }),
});

/** Reads a desk subgraph's settings; due dates and register dates follow the clock, so production keeps the real time. */
export const loadDeskConfig = <S extends ReturnType<typeof deskSettings>>(settings: S, env: NodeJS.ProcessEnv) => {
  const config = loadConfig(settings, env);
  if (isProduction(env) && config.clockStart) {
    throw new ConfigError("Invalid configuration:\n  CLOCK_START must not be set in production");
  }
  return config;
};
