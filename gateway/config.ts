import {
  ConfigError,
  isProduction,
  loadConfig,
  parseOneOf,
  parsePort,
  parsePositiveInt,
  type Setting,
  setting,
} from "../subgraphs/kit/config";
import { SUBGRAPH_MANIFEST } from "../subgraphs/kit/manifest";
import { graphiqlSettings } from "./graphiql";
import { limitSettings } from "./limits";

/** The subgraphs the gateway routes to, by their name in the supergraph: one setting per manifest entry. */
export const SUBGRAPH_URL_SETTINGS: Record<string, Setting<string>> = Object.fromEntries(
  SUBGRAPH_MANIFEST.map((entry) => [
    entry.name,
    setting({
      name: `${entry.envPrefix}_URL`,
      description: `GraphQL endpoint of the ${entry.name} subgraph`,
      devDefault: `http://127.0.0.1:${entry.port}/graphql`,
      requiredInProduction: true,
    }),
  ]),
);

export const gatewaySettings = {
  nodeEnv: setting({ name: "NODE_ENV", description: "development, test or production", devDefault: "development" }),
  port: setting({ name: "PORT", description: "HTTP port", devDefault: "4000", parse: parsePort }),
  host: setting({ name: "HOST", description: "address to listen on", devDefault: "127.0.0.1" }),
  supergraphFile: setting({
    name: "SUPERGRAPH_FILE",
    description: "the composed supergraph SDL (npm run schema:compose writes it)",
    devDefault: "schema/supergraph.graphql",
  }),
  devJwtSecret: setting({
    name: "JWT_DEV_SECRET",
    description: "HS256 secret for development tokens (npm run token); refused in production",
    devDefault: "development-only-secret-not-for-production",
    optional: false,
  }),
  jwksFile: setting({
    name: "JWKS_FILE",
    description: "JSON Web Key Set of the identity provider whose RS256/ES256 tokens are accepted in production",
    optional: true,
  }),
  jwksUrl: setting({
    name: "JWKS_URL",
    description: "URL of the identity provider's JSON Web Key Set (instead of JWKS_FILE); fetched and cached",
    optional: true,
  }),
  jwtIssuer: setting({ name: "JWT_ISSUER", description: "expected iss of production tokens", optional: true }),
  jwtAudience: setting({ name: "JWT_AUDIENCE", description: "expected aud of production tokens", optional: true }),
  handoffPrivateKeyFile: setting({
    name: "HANDOFF_PRIVATE_KEY_FILE",
    description: "PEM file with the ES256 private key that signs the per-subgraph hand-off tokens",
    devDefault: ".data/keys/handoff-private.pem",
    requiredInProduction: true,
  }),
  handoffTtlSeconds: setting({
    name: "HANDOFF_TTL_SECONDS",
    description: "lifetime of a hand-off token (at most 60)",
    devDefault: "30",
    parse: (raw) => {
      const ttl = parsePositiveInt(raw);
      if (ttl > 60) throw new ConfigError("must be at most 60 seconds");
      return ttl;
    },
  }),
  subgraphTimeoutMs: setting({
    name: "SUBGRAPH_TIMEOUT_MS",
    description:
      "longest wait for one subgraph call; past it the fields that call was for are null with SUBGRAPH_TIMEOUT, and the rest of the answer stands",
    devDefault: "8000",
    parse: parsePositiveInt,
  }),
  readinessTimeoutMs: setting({
    name: "READINESS_TIMEOUT_MS",
    description: "longest wait for each subgraph's /ready when the gateway's /ready is asked",
    devDefault: "2000",
    parse: parsePositiveInt,
  }),
  corsOrigins: setting({
    name: "CORS_ORIGINS",
    description: "comma-separated origins whose pages may call the gateway from a browser; empty: same origin only",
    devDefault: "",
    parse: (raw) =>
      raw
        .split(",")
        .map((origin) => origin.trim())
        .filter((origin) => origin.length > 0)
        .map((origin) => {
          if (!/^https?:\/\/[^/\s]+$/.test(origin))
            throw new ConfigError(`not an origin (scheme://host[:port]): ${origin}`);
          return origin;
        }),
  }),
  maxBodyBytes: setting({
    name: "MAX_BODY_BYTES",
    description: "largest request body accepted; larger gets 413",
    devDefault: "102400",
    parse: parsePositiveInt,
  }),
  logLevel: setting({
    name: "LOG_LEVEL",
    description: "debug, info, warn or error",
    devDefault: "info",
    parse: parseOneOf("debug", "info", "warn", "error"),
  }),
  ...SUBGRAPH_URL_SETTINGS,
  ...limitSettings,
  ...graphiqlSettings,
};

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

/** Each subgraph's endpoint, by its name in the supergraph. */
export const subgraphUrlsOf = (config: GatewayConfig): Record<string, string> =>
  Object.fromEntries(
    SUBGRAPH_MANIFEST.map((entry) => [entry.name, String((config as Record<string, unknown>)[entry.name])]),
  );

export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env) => {
  const config = loadConfig(gatewaySettings, env);
  if (isProduction(env)) {
    const missing = [
      ...(env.JWKS_FILE || env.JWKS_URL ? [] : ["JWKS_FILE (or JWKS_URL)"]),
      ...["JWT_ISSUER", "JWT_AUDIENCE"].filter((name) => !env[name]),
    ];
    if (missing.length > 0) {
      throw new ConfigError(
        `Invalid configuration:\n  ${missing.join(", ")} required in production: the HS256 development secret is refused there`,
      );
    }
  }
  return config;
};
