import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { ensureHandoffKeys } from "../../infra/dev/keys";
import { callerFromClaims, type IdentityClaims } from "../../subgraphs/kit/caller";
import { loadHandoffPrivateKey, signHandoff } from "../../subgraphs/kit/handoff";
import { configureLogger } from "../../subgraphs/kit/logger";
import type { RunningSubgraph } from "../../subgraphs/kit/service";
import { createTestDatabaseUrl, type TestDatabaseUrl } from "./database";
import type { GraphqlResponse } from "./hub";
import { ADMIN_UNITS_FILE, REPO_ROOT } from "./repo";

/** The instant a subgraph's clock starts at in tests: 08:30 in Hà Nội on Wednesday 1 July 2026, a working day. */
export const TEST_CLOCK_START = "2026-07-01T08:30:00+07:00";

export interface SubgraphUnderTest {
  service: RunningSubgraph;
  database: TestDatabaseUrl;
  /** POSTs an operation to the subgraph as the gateway would: with a fresh hand-off token for these claims. */
  graphql<T = Record<string, unknown>>(
    claims: IdentityClaims | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<T>>;
  /** SQL statements the subgraph has sent so far, from its /metrics endpoint. */
  statements(): Promise<number>;
  close(): Promise<void>;
}

export interface SubgraphTestOptions<C> {
  /** The subgraph's name: its database's, and the audience of its hand-off tokens. */
  name: string;
  /** The subgraph's config loader, given the test environment. */
  loadConfig: (env: NodeJS.ProcessEnv) => C;
  start: (config: C) => Promise<RunningSubgraph>;
  /** Settings beside the ones every subgraph takes (port, database, key, clock, units, calendar). */
  env?: Record<string, string>;
}

/**
 * One subgraph in-process over real HTTP, on its own fresh database (SQLite, or MariaDB when
 * TEST_MYSQL_URL is set) and its own hand-off key pair: the subgraph tier of STYLE.md, with no
 * gateway. Requests carry a hand-off token signed here, as the gateway signs them.
 */
export const startSubgraphForTest = async <C>(options: SubgraphTestOptions<C>): Promise<SubgraphUnderTest> => {
  configureLogger("test", "error");
  const keyDir = mkdtempSync(join(tmpdir(), `hub-keys-${options.name}-`));
  const keys = await ensureHandoffKeys(keyDir);
  const privateKey = await loadHandoffPrivateKey(keys.privateKeyFile);
  const database = await createTestDatabaseUrl(options.name);
  let service: RunningSubgraph;
  try {
    const config = options.loadConfig({
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: database.url,
      HANDOFF_PUBLIC_KEY_FILE: keys.publicKeyFile,
      CLOCK_START: TEST_CLOCK_START,
      ADMIN_UNITS_FILE,
      CALENDAR_DIR: resolve(REPO_ROOT, "infra/calendar"),
      LOG_LEVEL: "error",
      // One subgraph alone: no other service's feed to read, nobody to read its own.
      EVENT_FEEDS: "none",
      EVENT_CONSUMER_KEYS: "none",
      ...options.env,
    });
    service = await options.start(config);
  } catch (error) {
    await database.drop();
    rmSync(keyDir, { recursive: true, force: true });
    throw error;
  }

  return {
    service,
    database,
    graphql: async (claims, query, variables) => {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (claims) {
        const token = await signHandoff(
          privateKey,
          options.name,
          { caller: callerFromClaims(claims), requestId: randomUUID() },
          60,
        );
        headers.authorization = `Bearer ${token}`;
      }
      const res = await fetch(service.url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
      return { status: res.status, body: (await res.json()) as GraphqlResponse["body"] } as never;
    },
    statements: async () => {
      const text = await (await fetch(new URL("/metrics", service.url))).text();
      const match = /^db_statements_total (\d+)$/m.exec(text);
      if (!match) throw new Error(`no db_statements_total in ${options.name}'s /metrics`);
      return Number(match[1]);
    },
    close: async () => {
      await service.stop(0);
      await database.drop();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
};
