import { parseOneOf, parsePort, parsePositiveInt, setting } from "./config";

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
  shutdownGraceMs: setting({
    name: "SHUTDOWN_GRACE_MS",
    description: "how long SIGTERM waits for in-flight requests before closing",
    devDefault: "10000",
    parse: parsePositiveInt,
  }),
});
