import { loadGatewayConfig } from "../../gateway/config";
import { loadRegistryConfig } from "../registry/config";
import { ConfigError, loadConfig, parsePort, setting } from "./config";
import { SUBGRAPH_MANIFEST } from "./manifest";

describe("kit > config", () => {
  it("uses development defaults when nothing is set", () => {
    // A developer starts the registry on a fresh clone with no environment at all.
    const config = loadRegistryConfig({});
    expect(config.port).toBe(4001);
    expect(config.databaseUrl).toBe("sqlite:.data/registry.sqlite");
    expect(config.seedOnEmpty).toBe("none");
  });

  it("names every bad or missing setting at once", () => {
    // An operator mistypes the port and the log level.
    expect(() => loadRegistryConfig({ PORT: "70000", LOG_LEVEL: "loud" })).toThrow(
      new ConfigError(
        "Invalid configuration:\n  PORT: not a TCP port: 70000\n  LOG_LEVEL: must be one of debug, info, warn, error, got loud",
      ),
    );
  });

  it("refuses development defaults in production", () => {
    // The registry is deployed with NODE_ENV=production but without its database and key.
    let message = "";
    try {
      loadRegistryConfig({ NODE_ENV: "production" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid configuration:/);
    expect(message).toContain("DATABASE_URL is required in production");
    expect(message).toContain("HANDOFF_PUBLIC_KEY_FILE is required in production");
  });

  it("stops a production gateway without an identity provider, naming the settings", () => {
    // The gateway must never fall back to the HS256 development secret in production.
    const env = {
      NODE_ENV: "production",
      HANDOFF_PRIVATE_KEY_FILE: "/run/secrets/handoff-private.pem",
      ...Object.fromEntries(
        SUBGRAPH_MANIFEST.map((entry) => [`${entry.envPrefix}_URL`, `http://${entry.name}:${entry.port}/graphql`]),
      ),
    };
    expect(() => loadGatewayConfig(env)).toThrow(
      /JWKS_FILE \(or JWKS_URL\), JWT_ISSUER, JWT_AUDIENCE required in production/,
    );
    expect(
      loadGatewayConfig({ ...env, JWKS_FILE: "/run/secrets/jwks.json", JWT_ISSUER: "https://id", JWT_AUDIENCE: "hub" })
        .jwksFile,
    ).toBe("/run/secrets/jwks.json");
  });

  it("caps the hand-off token lifetime at 60 seconds", () => {
    // DESIGN §7: hand-off tokens live at most a minute.
    expect(() => loadGatewayConfig({ HANDOFF_TTL_SECONDS: "61" })).toThrow(
      /HANDOFF_TTL_SECONDS: must be at most 60 seconds/,
    );
    expect(loadGatewayConfig({ HANDOFF_TTL_SECONDS: "60" }).handoffTtlSeconds).toBe(60);
  });

  it("treats an empty variable as unset and leaves optional ones undefined", () => {
    // Compose files often pass VAR= for settings left to their defaults.
    const config = loadConfig(
      {
        port: setting({ name: "PORT", description: "port", devDefault: "4000", parse: parsePort }),
        extra: setting({ name: "EXTRA", description: "optional", optional: true }),
      },
      { PORT: "" },
    );
    expect(config).toEqual({ port: 4000, extra: undefined });
  });
});
