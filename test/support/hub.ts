import { mintDevToken } from "../../gateway/auth";
import type { RunningGateway } from "../../gateway/server";
import { startLocalHub } from "../../infra/dev/local-hub";
import { startFromManifest } from "../../infra/manifest";
import type { IdentityClaims } from "../../subgraphs/kit/caller";
import { configureLogger } from "../../subgraphs/kit/logger";
import { manifestEntry, SUBGRAPH_MANIFEST } from "../../subgraphs/kit/manifest";
import type { RunningSubgraph } from "../../subgraphs/kit/service";
import { createTestDatabaseUrl, type TestDatabaseUrl } from "./database";
import { ADMIN_MERGES_FILE, ADMIN_UNITS_FILE } from "./repo";

export const DEV_SECRET = "test-secret-for-hub-tests";

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  body: {
    data?: T | null;
    errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }>;
  };
}

export interface Hub {
  gatewayUrl: string;
  /** Every subgraph of the manifest, by name; a test that restarts one puts the new one here. */
  subgraphs: Record<string, RunningSubgraph>;
  /** Each subgraph's database, by name. */
  databaseUrls: Record<string, string>;
  /**
   * Stops one subgraph (it drains, as on SIGTERM) and, unless `stopOnly`, starts it again on the
   * same port and database with its settings and `env` on top: a restart, or a new calendar file.
   */
  restart(name: string, env?: Record<string, string>, options?: { stopOnly?: boolean }): Promise<void>;
  /** Starts again a subgraph stopped with `restart(name, {}, { stopOnly: true })`. */
  resume(name: string, env?: Record<string, string>): Promise<void>;
  /** The settings a subgraph runs with, on its current port: to start it as its own process. */
  envOf(name: string): NodeJS.ProcessEnv;
  registry: RunningSubgraph;
  civilStatus: RunningSubgraph;
  gateway: RunningGateway;
  registryDb: TestDatabaseUrl;
  keys: { privateKeyFile: string; publicKeyFile: string };
  token(claims: IdentityClaims): Promise<string>;
  /** POSTs an operation to the gateway (or another URL), as a client would. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; url?: string; headers?: Record<string, string> },
  ): Promise<GraphqlResponse<T>>;
  /** Waits until every event consumer has applied what its producer's feed holds now. */
  caughtUp(timeoutMs?: number): Promise<void>;
  /**
   * SQL statements a subgraph's work has asked for so far, read from its /metrics endpoint: those
   * it sent, and the reads that shared an identical statement sent within the second before
   * (kit/database.ts, sharedQuery), which alone would have been sent. What a request costs then
   * does not depend on what another request asked a moment earlier.
   */
  statements(service: RunningSubgraph): Promise<number>;
  close(): Promise<void>;
}

/** The personas of DESIGN §7, as claims for minting tokens. */
export const PERSONAS = {
  hanoiCityOfficer: {
    sub: "city-officer-01",
    role: "CITY_OFFICER",
    provinceCode: "01",
    fields: ["CIVIL_STATUS", "LAND", "SOCIAL"],
  },
  ungThienOfficer: {
    sub: "officer-10369",
    role: "COMMUNE_OFFICER",
    communeCode: "10369",
    provinceCode: "01",
    fields: ["CIVIL_STATUS"],
  },
  analyst: { sub: "analyst-01", role: "ANALYST", provinceCode: "01", fields: [] },
  admin: { sub: "admin-01", role: "ADMIN", fields: [] },
} satisfies Record<string, IdentityClaims>;

/**
 * The instant the civil-status clock starts at in tests: 08:30 in Hà Nội on Wednesday 1 July 2026,
 * a working day, one year into the two-tier government. Fixed so that due dates, ages and "today"
 * do not depend on the day the suite runs (nor on whether next year's holiday file exists yet).
 */
export const DESK_DAY_START = "2026-07-01T08:30:00+07:00";

export interface HubOptions {
  /** Where civil status's clock starts; DESK_DAY_START unless a test needs another day. */
  clockStart?: string;
  /** Gateway settings beyond the defaults, e.g. a short SUBGRAPH_TIMEOUT_MS for fault tests. */
  gatewayEnv?: Record<string, string>;
}

/**
 * Starts the registry and the gateway on ephemeral ports over real HTTP, on a fresh database
 * (SQLite, or MariaDB when TEST_MYSQL_URL is set), seeded at the `test` scale through the
 * same first-start path `npm start` uses.
 */
export const startHub = async (options: HubOptions = {}): Promise<Hub> => {
  configureLogger("test", "error");
  const databases: Record<string, TestDatabaseUrl> = {};
  for (const entry of SUBGRAPH_MANIFEST) databases[entry.name] = await createTestDatabaseUrl(entry.name);
  const local = await startLocalHub({
    databaseUrls: Object.fromEntries(Object.entries(databases).map(([name, db]) => [name, db.url])),
    seed: "test",
    devSecret: DEV_SECRET,
    adminUnitsFile: ADMIN_UNITS_FILE,
    adminMergesFile: ADMIN_MERGES_FILE,
    clockStart: options.clockStart ?? DESK_DAY_START,
    gatewayEnv: options.gatewayEnv,
    // Consumers look often, so that a test sees an event's effect soon after the change.
    subgraphEnv: { EVENT_POLL_MS: "100" },
  });
  const { subgraphs, gateway, keys } = local;

  const graphql: Hub["graphql"] = async (query, variables, options = {}) => {
    const res = await fetch(options.url ?? gateway.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as GraphqlResponse["body"] } as never;
  };

  const ports: Record<string, string> = {};
  const start = async (name: string, env: Record<string, string> = {}) => {
    subgraphs[name] = await startFromManifest(manifestEntry(name), {
      ...local.subgraphEnv[name],
      PORT: ports[name],
      ...env,
    });
  };

  return {
    restart: async (name, env = {}, { stopOnly = false } = {}) => {
      ports[name] = new URL(subgraphs[name].url).port;
      await subgraphs[name].stop(5000);
      if (!stopOnly) await start(name, env);
    },
    resume: (name, env = {}) => start(name, env),
    caughtUp: async (timeoutMs = 15_000) => {
      await Promise.all(
        Object.values(subgraphs).flatMap((subgraph) =>
          subgraph.consumers.map((consumer) => consumer.caughtUp(timeoutMs)),
        ),
      );
    },
    envOf: (name) => ({ ...local.subgraphEnv[name], PORT: ports[name] ?? new URL(subgraphs[name].url).port }),
    gatewayUrl: gateway.url,
    subgraphs,
    databaseUrls: Object.fromEntries(Object.entries(databases).map(([name, db]) => [name, db.url])),
    // Getters: a restarted subgraph is a new service.
    get registry() {
      return subgraphs.registry;
    },
    get civilStatus() {
      return subgraphs["civil-status"];
    },
    gateway,
    registryDb: databases.registry,
    keys,
    token: (claims) => mintDevToken(DEV_SECRET, claims, 600),
    graphql,
    statements: async (service) => {
      const text = await (await fetch(new URL("/metrics", service.url))).text();
      const sent = /^db_statements_total (\d+)$/m.exec(text);
      const shared = /^db_shared_reads_total (\d+)$/m.exec(text);
      if (!sent || !shared)
        throw new Error(`no db_statements_total or db_shared_reads_total in ${service.name}'s /metrics`);
      return Number(sent[1]) + Number(shared[1]);
    },
    close: async () => {
      await local.close();
      for (const db of Object.values(databases)) await db.drop();
    },
  };
};
