import { setImmediate as yieldToLoop } from "node:timers/promises";

import BetterSqlite3 from "better-sqlite3";
import { createPool, type Pool } from "mysql2/promise";

import { mintDevToken } from "../../gateway/auth";
import type { IdentityClaims } from "../../subgraphs/kit/caller";
import { MYSQL_POOL_SIZE, SHARE_READS_FOR_MS } from "../../subgraphs/kit/database";
import { startLocalHub } from "../dev/local-hub";

/**
 * The raw-SQL side of `npm run bench:load`'s dashboard comparison: the statements the subgraphs
 * send for one request, recorded as they send them, then run on the same databases straight
 * through the drivers (mysql2, better-sqlite3), with no HTTP, GraphQL, TypeORM or gateway in
 * between. What the hub adds to the same aggregates is its time over theirs.
 */

/** The SELECTs one subgraph sent for a request, in order, with their parameters. */
export interface RecordedStatements {
  service: string;
  statements: { query: string; parameters: readonly unknown[] }[];
}

/**
 * Starts the hub in this process over the given (already seeded) databases, sends `query` once
 * through its gateway as `caller`, and returns each subgraph's SELECTs for it. The hub is stopped
 * before it returns.
 */
export const recordStatements = async (
  databaseUrls: Record<string, string>,
  secret: string,
  caller: IdentityClaims,
  query: string,
  variables: Record<string, unknown>,
): Promise<RecordedStatements[]> => {
  const hub = await startLocalHub({ databaseUrls, seed: "none", devSecret: secret });
  try {
    const token = await mintDevToken(secret, caller, 600);
    const send = async () => {
      const response = await fetch(hub.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (!response.ok || body.errors) throw new Error(`the request to record failed: ${JSON.stringify(body)}`);
    };
    // Once to warm the caches a subgraph fills on first use (units, catalogues), then recorded.
    await send();
    // Past the second in which the subgraphs share a read's rows (sharedQuery): every statement is sent again.
    await new Promise((resolve) => setTimeout(resolve, SHARE_READS_FOR_MS + 100));
    const recorded: RecordedStatements[] = Object.keys(hub.subgraphs).map((service) => ({ service, statements: [] }));
    for (const entry of recorded) {
      hub.subgraphs[entry.service].database.statements.listener = (statement, parameters) => {
        if (/^\s*(SELECT|WITH)\b/i.test(statement))
          entry.statements.push({ query: statement, parameters: [...(parameters ?? [])] });
      };
    }
    await send();
    for (const subgraph of Object.values(hub.subgraphs)) subgraph.database.statements.listener = undefined;
    return recorded.filter((entry) => entry.statements.length > 0);
  } finally {
    await hub.close();
  }
};

/** One subgraph's database, opened straight on its driver. */
interface RawDatabase {
  /** Runs the statements one after another, as the subgraph did. */
  run(statements: RecordedStatements["statements"]): Promise<void>;
  close(): Promise<void>;
}

const openRaw = (url: string, connections: number): RawDatabase => {
  if (url.startsWith("sqlite:")) {
    const database = new BetterSqlite3(url.slice("sqlite:".length), { readonly: true });
    const prepared = new Map<string, BetterSqlite3.Statement>();
    return {
      run: async (statements) => {
        for (const { query, parameters } of statements) {
          let statement = prepared.get(query);
          if (!statement) prepared.set(query, (statement = database.prepare(query)));
          statement.all(...parameters);
        }
      },
      close: async () => {
        database.close();
      },
    };
  }
  // As many connections as the subgraph has (its pool), whatever the number of callers.
  const pool: Pool = createPool({
    uri: url,
    connectionLimit: Math.min(connections, MYSQL_POOL_SIZE),
    dateStrings: true,
  });
  return {
    run: async (statements) => {
      for (const { query, parameters } of statements) await pool.query(query, [...parameters]);
    },
    close: () => pool.end(),
  };
};

export interface RawFigures {
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Runs the recorded statements as one request (each subgraph's in order, the subgraphs at once, as
 * the gateway fetches them) from `connections` loops for `durationSeconds`, and measures each
 * request's time. On SQLite the driver is synchronous: the loops take turns on this process's one
 * thread, so a request's time includes its wait for the others, as a subgraph's requests do.
 */
export const replayStatements = async (
  databaseUrls: Record<string, string>,
  recorded: readonly RecordedStatements[],
  connections: number,
  durationSeconds: number,
): Promise<RawFigures> => {
  const databases = recorded.map((entry) => ({ ...entry, raw: openRaw(databaseUrls[entry.service], connections) }));
  try {
    const request = () => Promise.all(databases.map(({ raw, statements }) => raw.run(statements)));
    await request();
    const times: number[] = [];
    const end = Date.now() + durationSeconds * 1000;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < end) {
          const at = performance.now();
          await request();
          times.push(performance.now() - at);
          await yieldToLoop();
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    times.sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      connections,
      requests: times.length,
      rps: Math.round((times.length / seconds) * 10) / 10,
      p50: round(percentile(times, 50)),
      p99: round(percentile(times, 99)),
      max: round(times[times.length - 1] ?? NaN),
    };
  } finally {
    for (const { raw } of databases) await raw.close();
  }
};
