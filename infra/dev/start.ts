import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

import { createConnection } from "mysql2/promise";

import { mintDevToken } from "../../gateway/auth";
import { START_ORDER } from "../../subgraphs/kit/manifest";
import { eventSettingsFor, feedUrlOf, subgraphUrlSettings } from "../manifest";
import { loadDevConfig, portOf } from "./config";
import { ensureConsumerKeys, ensureHandoffKeys } from "./keys";

/**
 * `npm start`: the whole hub on one machine, each service its own process as in a deployment,
 * on the embedded SQLite default (or MYSQL_URL). Each service loads its demo data on first start.
 */
const ROOT = resolve(__dirname, "../../..");

interface ServiceSpec {
  name: string;
  script: string;
  port: number;
  env: Record<string, string>;
}

const children: { name: string; child: ChildProcess }[] = [];

/** Each service's young generation, in MB a semi-space (see startService). */
const SEMI_SPACE_MB = 64;
let stopping = false;

/** How long a first start may take to seed each service's database, by scale. */
const SEED_TIMEOUT_MINUTES: Record<ReturnType<typeof loadDevConfig>["seedScale"], number> = {
  none: 5,
  test: 5,
  demo: 5,
  bench: 30,
  city: 180,
};
/** The old space of each service seeding the city scale, in MB. */
const CITY_OLD_SPACE_MB = 8192;

const waitUntilReady = async (name: string, port: number, child: ChildProcess, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} while starting`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} was not ready on port ${port} within ${timeoutMs / 1000} s`);
};

const stopAll = async (code: number): Promise<never> => {
  stopping = true;
  // The gateway drains first, so that what it still sends reaches subgraphs that are answering; then
  // the subgraphs, all at once (each drains for a few seconds).
  const stop = async ({ child }: { child: ChildProcess }) => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  const [gateway, ...subgraphs] = [...children].reverse();
  if (gateway) await stop(gateway);
  await Promise.all(subgraphs.map(stop));
  process.exit(code);
};

const startService = async (spec: ServiceSpec, readyTimeoutMs: number, nodeOptions: string[] = []): Promise<void> => {
  // A first start's seed allocates millions of short-lived objects; a larger young generation
  // (V8's default is 16 MB a semi-space) spares most of the garbage collector's work on them.
  const child = spawn(
    process.execPath,
    [`--max-semi-space-size=${SEMI_SPACE_MB}`, ...nodeOptions, join(ROOT, spec.script)],
    {
      cwd: ROOT,
      env: { ...process.env, ...spec.env, PORT: String(spec.port) },
      // The IPC channel lets a service notice the launcher's death and stop with it.
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  children.push({ name: spec.name, child });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${spec.name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the hub`);
      void stopAll(1);
    }
  });
  await waitUntilReady(spec.name, spec.port, child, readyTimeoutMs);
};

const databaseUrl = async (
  config: ReturnType<typeof loadDevConfig>,
  dataDir: string,
  service: string,
): Promise<string> => {
  if (!config.mysqlUrl) return `sqlite:${join(dataDir, `${service}.sqlite`)}`;
  const server = config.mysqlUrl.replace(/\/+$/, "");
  const database = `${config.mysqlDatabasePrefix}${service.replace(/-/g, "_")}`;
  if (!/^\w+$/.test(database)) throw new Error(`MYSQL_DATABASE_PREFIX makes an invalid database name: ${database}`);
  const connection = await createConnection(server);
  await connection.query(
    `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await connection.end();
  return `${server}/${database}`;
};

const main = async (): Promise<void> => {
  const config = loadDevConfig();
  const dataDir = resolve(ROOT, config.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const keys = await ensureHandoffKeys(join(dataDir, "keys"));
  const serviceKeys = await ensureConsumerKeys(join(dataDir, "keys"));
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));

  const urls: Record<string, { url: string }> = Object.fromEntries(
    START_ORDER.map((entry) => [entry.name, { url: `http://127.0.0.1:${portOf(config, entry.name)}/graphql` }]),
  );
  // Every subgraph at once: on a first start each seeds its own database, and the seeds overlap on
  // a machine's cores instead of running one after another. A service that reads another's event
  // feed waits quietly until that producer answers (kit/events/consumer.ts).
  await Promise.all(
    START_ORDER.map(async (entry) =>
      startService(
        {
          name: entry.name,
          script: entry.entry,
          port: portOf(config, entry.name),
          env: {
            DATABASE_URL: await databaseUrl(config, dataDir, entry.name),
            HANDOFF_PUBLIC_KEY_FILE: keys.publicKeyFile,
            SEED_ON_EMPTY: config.seedScale,
            ...eventSettingsFor(entry, serviceKeys, (producer) => feedUrlOf(urls[producer].url)),
          },
        },
        // A first start seeds the database; the bench scale takes minutes, the city scale most of an hour.
        SEED_TIMEOUT_MINUTES[config.seedScale] * 60_000,
        // The city scale's seeds hold its 8.7 million people in memory (about 1.5 GB of them), more
        // than V8's default old space leaves room for beside the registers built from them.
        config.seedScale === "city" ? [`--max-old-space-size=${CITY_OLD_SPACE_MB}`] : [],
      ),
    ),
  );
  await startService(
    {
      name: "gateway",
      script: "dist/gateway/main.js",
      port: config.gatewayPort,
      env: {
        HANDOFF_PRIVATE_KEY_FILE: keys.privateKeyFile,
        ...subgraphUrlSettings(urls),
        JWT_DEV_SECRET: config.devJwtSecret,
      },
    },
    60_000,
  );

  const token = await mintDevToken(
    config.devJwtSecret,
    {
      sub: "dev-city-officer-01",
      role: "CITY_OFFICER",
      provinceCode: "01",
      fields: ["CIVIL_STATUS", "LAND", "SOCIAL"],
    },
    8 * 3600,
  );
  const gatewayUrl = `http://127.0.0.1:${config.gatewayPort}/graphql`;
  console.log(
    [
      "",
      `Hub ready. Gateway: ${gatewayUrl}`,
      `GraphiQL (saved operations, demo personas): http://127.0.0.1:${config.gatewayPort}/graphiql`,
      `Dev token (city officer of Hà Nội, 8 h):`,
      token,
      "",
      "Try:",
      `  curl -s ${gatewayUrl} -H 'content-type: application/json' -H "authorization: Bearer <token>" \\`,
      `    -d '{"query":"{ commune(code: \\"10369\\") { fullName mergedFrom { code name } } }"}'`,
      "Other personas: npm run token -- --help",
      "",
    ].join("\n"),
  );
};

main().catch((error: unknown) => {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
  void stopAll(1);
});
