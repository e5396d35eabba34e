import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";

import autocannon from "autocannon";
import { createConnection } from "mysql2/promise";

import { mintDevToken } from "../../gateway/auth";
import { loadGatewayConfig } from "../../gateway/config";
import { loadSavedOperations } from "../../gateway/graphiql";
import { communesOfProvince } from "../../subgraphs/kit/admin-units";
import { callerFromClaims, type IdentityClaims, Role, WorkField } from "../../subgraphs/kit/caller";
import { configureLogger } from "../../subgraphs/kit/logger";
import { SUBGRAPH_MANIFEST } from "../../subgraphs/kit/manifest";
import { generateCitizens, type PopulationScaleName, showcaseResident } from "../../subgraphs/kit/population";
import { freePort } from "../dev/ports";
import { recordStatements, replayStatements } from "./raw-sql";

/**
 * `npm run bench:load`: throughput under load. Starts the hub as `npm start` does (every service
 * its own process, on SQLite or on MySQL with --mysql-url), then drives each scenario through the
 * gateway with N connections for a fixed time (autocannon), and measures requests per second,
 * latency p50 / p99 / max, errors and time-outs, the CPU milliseconds each process spent per
 * request and the SQL statements each subgraph ran per request.
 *
 * In the same run it measures the federation's ceiling (infra/bench/ceiling.ts): the same Apollo
 * Gateway on the same supergraph over subgraphs answering from memory, for the same query shapes
 * and data sizes; each scenario's ratio to it says what authentication, the hand-off, the
 * databases and our resolvers cost. Writes a table and JSON (--out).
 *
 * For the dashboard it also runs the same aggregates as raw SQL (infra/bench/raw-sql.ts): the
 * statements the subgraphs sent for one dashboard, run straight on the databases' drivers with the
 * same connections, and the dashboard once at a time through the gateway and as raw SQL (through the
 * gateway, a dashboard asked again within a second shares the rows of the one before: sharedQuery).
 *
 *   npm run bench:load -- [--scale test|demo|city] [--connections 50] [--duration 10] [--mysql-url mysql://…]
 *                         [--data-dir DIR] [--quick]
 *
 * --data-dir keeps the hub's data (SQLite files, keys; on MySQL its databases, named bench_<scale>_…)
 * for the next run, which then starts without seeding: the city scale seeds for many minutes.
 * --quick (CI): the test scale, 10 connections, 3 s per scenario; it fails when any request fails.
 */

const ROOT = resolve(__dirname, "../../..");
const UNITS_FILE = resolve(
  ROOT,
  "../shared/data/admin-units/full_json_generated_data_vn_units_2026-07-25__20_49_07.json",
);
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * A child that prints a line once it is ready; resolves with that line. `relay` sees each line it
 * prints meanwhile (a seed's progress, say).
 */
const startChild = (
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs: number,
  relay?: (line: string) => void,
) =>
  new Promise<{ child: ChildProcess; line: string; output: () => string }>((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let isReady = false;
    const timer = setTimeout(() => fail(new Error(`not ready in ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
    const lines = (stream: NodeJS.ReadableStream, onLine: (line: string) => void) => {
      let pending = "";
      stream.on("data", (chunk: Buffer) => {
        const text = chunk.toString();
        output = (output + text).slice(-100_000);
        const parts = (pending + text).split("\n");
        pending = parts.pop()!;
        for (const line of parts) onLine(line);
      });
    };
    const onLine = (line: string) => {
      if (isReady) return;
      relay?.(line);
    };
    lines(child.stderr!, onLine);
    lines(child.stdout!, (line) => {
      onLine(line);
      if (isReady || !ready.test(line)) return;
      isReady = true;
      clearTimeout(timer);
      done({ child, line, output: () => output });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`exited with ${code}:\n${output.slice(-2000)}`));
    });
  });

/** Shows a seed's progress lines (kit/database.ts, withSeedProgress) from the hub's log. */
const relaySeedProgress = (line: string): void => {
  if (!line.includes('"msg":"seed')) return;
  try {
    const { service, msg, ...rest } = JSON.parse(line) as Record<string, unknown>;
    delete rest.time;
    delete rest.level;
    process.stderr.write(`  ${String(service)} ${String(msg)} ${JSON.stringify(rest)}\n`);
  } catch {
    // Not a log line.
  }
};

// ---------------------------------------------------------------------------------------------
// Processes: CPU time from /proc, SQL statements from /metrics

/** The pids of a process's children, by their command line (node's flags and the script). */
const childrenOf = (parent: number): Map<string, number> => {
  const found = new Map<string, number>();
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid !== parent) continue;
      found.set(readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" "), Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
};

/** User + system CPU of a process, in milliseconds. */
const cpuMs = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
};

/** A subgraph's statements sent, and reads that joined an identical one running (kit/database.ts, sharedQuery). */
const statementsOf = async (metricsUrl: string): Promise<{ sent: number; shared: number }> => {
  const text = await (await fetch(metricsUrl)).text();
  return {
    sent: Number(/^db_statements_total (\d+)/m.exec(text)?.[1] ?? NaN),
    shared: Number(/^db_shared_reads_total (\d+)/m.exec(text)?.[1] ?? NaN),
  };
};

// ---------------------------------------------------------------------------------------------
// Scenarios

/** What one connection carries from a response to its next request (a receipt's code, say). */
type Context = Record<string, unknown>;

/** One GraphQL request of a scenario. */
interface Step {
  query: string;
  variables: Record<string, unknown> | ((context: Context) => Record<string, unknown>);
  onResponse?: (status: number, body: string, context: Context) => void;
}

interface Scenario {
  /** Its name on the command line (--only). */
  key: string;
  name: string;
  caller: IdentityClaims;
  /** One request, or a sequence that each connection repeats (a receipt, then its move). */
  steps: Step[];
}

const graphqlRequest = (query: string, variables: Step["variables"], onResponse?: Step["onResponse"]): Step => ({
  query,
  variables,
  onResponse,
});

const scenariosFor = (scale: PopulationScaleName): Scenario[] => {
  const communes = communesOfProvince(UNITS_FILE, "01");
  const people = [...generateCitizens(communes, scale)];
  const showcase = showcaseResident(people)!;
  // The write mix files at a commune drawn for the run: a commune numbers at most 9,999 dossiers a
  // day, which a few runs on a kept hub (--data-dir) would use up at any one commune.
  const adults = people.filter((person) => person.birthDate < "2000-01-01");
  const applicant = adults[Math.floor(Math.random() * adults.length)];
  const writesCommune = applicant.residenceCommuneCode;
  const clerk: IdentityClaims = {
    sub: `bench-officer-${writesCommune}`,
    role: Role.COMMUNE_OFFICER,
    communeCode: writesCommune,
    provinceCode: "01",
    fields: [WorkField.CIVIL_STATUS],
  };
  const operation = (file: string) => loadSavedOperations().find((candidate) => candidate.file === file)!;
  const dashboard = operation("city-dashboard.graphql");
  const leader: IdentityClaims = {
    sub: "bench-leader-10369",
    role: Role.COMMUNE_LEADER,
    communeCode: "10369",
    provinceCode: "01",
    fields: [WorkField.CIVIL_STATUS, WorkField.LAND, WorkField.SOCIAL],
  };
  const officer: IdentityClaims = {
    sub: "bench-officer-10369",
    role: Role.COMMUNE_OFFICER,
    communeCode: "10369",
    provinceCode: "01",
    fields: [WorkField.CIVIL_STATUS],
  };
  let receipts = 0;
  return [
    {
      key: "citizen360",
      name: "Citizen360 (registry + civil status + land + social)",
      caller: leader,
      steps: [graphqlRequest(operation("citizen-360.graphql").query, { personalId: showcase.personalId })],
    },
    {
      key: "worklist",
      name: "desk work list: 20 dossiers + applicants",
      caller: officer,
      steps: [
        graphqlRequest(
          `query ($code: ID!) { commune(code: $code) { civilStatus { dossiers(first: 20) { nodes { code status procedureName receivedAt dueAt timeliness applicant { personalId fullName } } } } } }`,
          { code: "10369" },
        ),
      ],
    },
    {
      key: "search",
      name: 'search: citizens(search: "nguyen van")',
      caller: officer,
      steps: [
        graphqlRequest(
          `query ($q: String!) { citizens(search: $q, first: 20) { nodes { personalId fullName birthDate residence { name } } } }`,
          { q: "nguyen van" },
        ),
      ],
    },
    {
      key: "dashboard",
      name: "CityDashboard: 126 communes × 3 fields",
      caller: {
        sub: "bench-city-01",
        role: Role.CITY_OFFICER,
        provinceCode: "01",
        fields: [WorkField.CIVIL_STATUS, WorkField.LAND, WorkField.SOCIAL],
      },
      steps: [graphqlRequest(dashboard.query, dashboard.variables)],
    },
    {
      key: "writes",
      name: "writes: a receipt, then its move to PROCESSING",
      caller: clerk,
      steps: [
        graphqlRequest(
          `mutation ($input: ReceiveCivilStatusDossierInput!) { receiveCivilStatusDossier(input: $input) { code version } }`,
          () => {
            receipts += 1;
            return {
              input: {
                idempotencyKey: `bench-${process.pid}-${Date.now()}-${receipts}`,
                procedureCode: "1.004873",
                applicantPersonalId: applicant.personalId,
              },
            };
          },
          (_status, body, context) => {
            const received = (
              JSON.parse(body) as { data?: { receiveCivilStatusDossier?: { code: string; version: number } } }
            ).data?.receiveCivilStatusDossier;
            context.code = received?.code;
            context.version = received?.version;
          },
        ),
        graphqlRequest(
          `mutation ($code: ID!, $version: Int!) { moveCivilStatusDossier(code: $code, to: PROCESSING, expectedVersion: $version) { code status } }`,
          (context) => ({ code: context.code, version: context.version }),
        ),
      ],
    },
  ];
};

// ---------------------------------------------------------------------------------------------
// Measuring

interface Measured {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  graphqlErrors: number;
  cpuMsPerRequest: Record<string, number>;
  sqlPerRequest: Record<string, number>;
  sharedReadsPerRequest: Record<string, number>;
}

const run = async (
  url: string,
  path: string,
  scenario: Scenario,
  headers: Record<string, string>,
  connections: number,
  duration: number,
  processes: Record<string, number>,
  metrics: Record<string, string>,
): Promise<Measured> => {
  let graphqlErrors = 0;
  const requests: autocannon.Request[] = scenario.steps.map((step) => ({
    method: "POST",
    path,
    setupRequest: (request, context) => ({
      ...request,
      body: JSON.stringify({
        query: step.query,
        variables: typeof step.variables === "function" ? step.variables(context as Context) : step.variables,
      }),
    }),
    onResponse: (status, body, context) => {
      if (body.includes('"errors"')) graphqlErrors += 1;
      step.onResponse?.(status, body, context as Context);
    },
  }));
  const options = {
    url,
    connections,
    headers: { "content-type": "application/json", ...headers },
    requests,
    timeout: 10,
  };
  // Warm-up: caches, JIT, the ceiling's replay memory.
  await autocannon({ ...options, duration: 1 });
  graphqlErrors = 0;
  const cpuBefore = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuMs(pid)]));
  const sqlBefore = Object.fromEntries(
    await Promise.all(Object.entries(metrics).map(async ([name, at]) => [name, await statementsOf(at)] as const)),
  );
  const result = await autocannon({ ...options, duration });
  const done = result.requests.total;
  const cpuMsPerRequest = Object.fromEntries(
    Object.entries(processes).map(([name, pid]) => [name, Number(((cpuMs(pid) - cpuBefore[name]) / done).toFixed(2))]),
  );
  const sqlAfter = Object.fromEntries(
    await Promise.all(Object.entries(metrics).map(async ([name, at]) => [name, await statementsOf(at)] as const)),
  );
  const perRequest = (pick: (figures: { sent: number; shared: number }) => number) =>
    Object.fromEntries(
      Object.keys(metrics).map((name) => [
        name,
        Number(((pick(sqlAfter[name]) - pick(sqlBefore[name])) / done).toFixed(2)),
      ]),
    );
  const sqlPerRequest = perRequest((figures) => figures.sent);
  const sharedReadsPerRequest = perRequest((figures) => figures.shared);
  return {
    requests: done,
    rps: Number(result.requests.average.toFixed(1)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.non2xx,
    timeouts: result.timeouts,
    graphqlErrors,
    cpuMsPerRequest,
    sqlPerRequest,
    sharedReadsPerRequest,
  };
};

const main = async (): Promise<void> => {
  // The in-process hub that records the dashboard's statements logs only what goes wrong.
  configureLogger("bench-load", "warn");
  const { values } = parseArgs({
    options: {
      scale: { type: "string" },
      connections: { type: "string" },
      duration: { type: "string" },
      "mysql-url": { type: "string" },
      "data-dir": { type: "string" },
      only: { type: "string" },
      quick: { type: "boolean", default: false },
      out: { type: "string", default: ".data/bench/load.json" },
    },
  });
  const quick = values.quick!;
  const scale = (values.scale ?? (quick ? "test" : "demo")) as PopulationScaleName;
  const connections = Number(values.connections ?? (quick ? 10 : 50));
  const duration = Number(values.duration ?? (quick ? 3 : 10));
  const mysqlUrl = values["mysql-url"]?.replace(/\/+$/, "");
  const keep = values["data-dir"] !== undefined;
  const prefix = keep ? `bench_${scale}_` : `bench_load_${process.pid}_`;
  const dataDir = keep ? resolve(values["data-dir"]!) : mkdtempSync(join(tmpdir(), "hub-load-"));
  mkdirSync(dataDir, { recursive: true });
  const ports: Record<string, number> = { gateway: await freePort() };
  for (const entry of SUBGRAPH_MANIFEST) ports[entry.name] = await freePort();
  const children: ChildProcess[] = [];
  const cleanUp = async () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    if (keep) return;
    rmSync(dataDir, { recursive: true, force: true });
    if (mysqlUrl) {
      const connection = await createConnection(mysqlUrl);
      for (const { name } of SUBGRAPH_MANIFEST)
        await connection.query(`DROP DATABASE IF EXISTS \`${prefix}${name.replace(/-/g, "_")}\``);
      await connection.end();
    }
  };

  try {
    process.stderr.write(`starting the hub at the ${scale} scale on ${mysqlUrl ? "MySQL" : "SQLite"}…\n`);
    const started = Date.now();
    const hub = await startChild(
      [resolve(ROOT, "dist/infra/dev/start.js")],
      {
        PATH: process.env.PATH,
        DATA_DIR: dataDir,
        GATEWAY_PORT: String(ports.gateway),
        ...Object.fromEntries(SUBGRAPH_MANIFEST.map((entry) => [`${entry.envPrefix}_PORT`, String(ports[entry.name])])),
        SEED_SCALE: scale,
        // Info: the seeds' progress lines, relayed while the hub starts.
        LOG_LEVEL: "info",
        ...(mysqlUrl ? { MYSQL_URL: mysqlUrl, MYSQL_DATABASE_PREFIX: prefix } : {}),
      },
      /Hub ready/,
      // A first start at the city scale seeds tens of millions of rows.
      (scale === "city" ? 180 : 30) * 60_000,
      relaySeedProgress,
    );
    children.push(hub.child);
    const startSeconds = (Date.now() - started) / 1000;
    process.stderr.write(`hub ready in ${startSeconds.toFixed(1)} s\n`);
    const byScript = childrenOf(hub.child.pid!);
    const pidOf = (script: string) => {
      const pid = [...byScript].find(([command]) => command.includes(script))?.[1];
      if (pid === undefined) throw new Error(`no process runs ${script}: ${[...byScript.keys()].join("; ")}`);
      return pid;
    };
    const processes: Record<string, number> = { gateway: pidOf("dist/gateway/main.js") };
    for (const entry of SUBGRAPH_MANIFEST) processes[entry.name] = pidOf(entry.entry);
    const metrics = Object.fromEntries(
      SUBGRAPH_MANIFEST.map((entry) => [entry.name, `http://127.0.0.1:${ports[entry.name]}/metrics`]),
    );

    // The ceiling: replay subgraphs and a bare Apollo Gateway, each its own process.
    const replay = await startChild(
      [
        resolve(ROOT, "dist/infra/bench/ceiling.js"),
        "--role",
        "replay",
        "--targets",
        SUBGRAPH_MANIFEST.map((entry) => `${entry.name}=http://127.0.0.1:${ports[entry.name]}/graphql`).join(","),
        "--key",
        join(dataDir, "keys", "handoff-private.pem"),
      ],
      { PATH: process.env.PATH },
      /^\{/,
      60_000,
    );
    children.push(replay.child);
    const replayUrls = (JSON.parse(replay.line) as { urls: Record<string, string> }).urls;
    const ceilingGateway = await startChild(
      [
        resolve(ROOT, "dist/infra/bench/ceiling.js"),
        "--role",
        "gateway",
        "--supergraph",
        resolve(ROOT, "schema/supergraph.graphql"),
        "--subgraphs",
        Object.entries(replayUrls)
          .map(([name, url]) => `${name}=${url}`)
          .join(","),
      ],
      { PATH: process.env.PATH, NODE_ENV: "production" },
      /^\{/,
      60_000,
    );
    children.push(ceilingGateway.child);
    const ceilingUrl = (JSON.parse(ceilingGateway.line) as { url: string }).url;
    const ceilingProcesses = { gateway: ceilingGateway.child.pid!, subgraphs: replay.child.pid! };

    const secret = loadGatewayConfig({}).devJwtSecret;
    const rows = [];
    const only = values.only?.split(",");
    const scenarios = scenariosFor(scale).filter((scenario) => !only || only.includes(scenario.key));
    for (const scenario of scenarios) {
      process.stderr.write(`${scenario.name}…\n`);
      const token = await mintDevToken(secret, scenario.caller, 3600);
      const hubFigures = await run(
        `http://127.0.0.1:${ports.gateway}`,
        "/graphql",
        scenario,
        { authorization: `Bearer ${token}` },
        connections,
        duration,
        processes,
        metrics,
      );
      const ceiling = await run(
        ceilingUrl.replace(/\/$/, ""),
        "/",
        scenario,
        { "x-replay-caller": JSON.stringify(callerFromClaims(scenario.caller)) },
        connections,
        duration,
        ceilingProcesses,
        {},
      );
      rows.push({
        scenario: scenario.name,
        hub: hubFigures,
        ceiling,
        ratio: Number((hubFigures.rps / ceiling.rps).toFixed(2)),
      });
    }

    // The dashboard beside the same aggregates as raw SQL: once at a time and with the same
    // connections. The hub stops first, so that the raw statements have the machine it had.
    const dashboard = scenarios.find((scenario) => scenario.key === "dashboard");
    let rawSql;
    if (dashboard) {
      process.stderr.write("CityDashboard once at a time, then its aggregates as raw SQL…\n");
      const token = await mintDevToken(secret, dashboard.caller, 3600);
      const single = await run(
        `http://127.0.0.1:${ports.gateway}`,
        "/graphql",
        dashboard,
        { authorization: `Bearer ${token}` },
        1,
        duration,
        processes,
        metrics,
      );
      for (const child of children) child.kill("SIGTERM");
      await Promise.all(
        children.map((child) => (child.exitCode === null ? new Promise((r) => child.once("exit", r)) : undefined)),
      );
      const databaseUrls = Object.fromEntries(
        SUBGRAPH_MANIFEST.map((entry) => [
          entry.name,
          mysqlUrl
            ? `${mysqlUrl}/${prefix}${entry.name.replace(/-/g, "_")}`
            : `sqlite:${join(dataDir, `${entry.name}.sqlite`)}`,
        ]),
      );
      try {
        const [step] = dashboard.steps;
        const recorded = await recordStatements(
          databaseUrls,
          secret,
          dashboard.caller,
          step.query,
          step.variables as Record<string, unknown>,
        );
        const hubRow = rows.find((row) => row.scenario === dashboard.name)!;
        const once = await replayStatements(databaseUrls, recorded, 1, duration);
        const loaded = await replayStatements(databaseUrls, recorded, connections, duration);
        rawSql = {
          statements: Object.fromEntries(recorded.map((entry) => [entry.service, entry.statements.length])),
          onceAtATime: { hub: single, raw: once, ratioP50: Number((single.p50 / once.p50).toFixed(2)) },
          loaded: { hub: hubRow.hub, raw: loaded, ratioP50: Number((hubRow.hub.p50 / loaded.p50).toFixed(2)) },
        };
      } catch (error) {
        // The hub's figures stand without the comparison.
        console.error(
          `the dashboard's raw-SQL comparison failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }

    console.table(
      rows.map(({ scenario, hub: h, ceiling, ratio }) => ({
        scenario,
        "req/s": h.rps,
        "p50 ms": h.p50,
        "p99 ms": h.p99,
        "max ms": h.max,
        "errors/timeouts": `${h.errors + h.graphqlErrors}/${h.timeouts}`,
        "CPU ms/req gw·reg·cs·land·soc": Object.values(h.cpuMsPerRequest).join(" · "),
        "SQL/req reg·cs·land·soc": Object.values(h.sqlPerRequest).join(" · "),
        "shared reads/req": Object.values(h.sharedReadsPerRequest).join(" · "),
        "ceiling req/s": ceiling.rps,
        "ceiling p50/p99": `${ceiling.p50}/${ceiling.p99}`,
        "of ceiling": `${Math.round(ratio * 100)} %`,
      })),
    );
    if (rawSql) {
      console.log(
        `CityDashboard beside its aggregates as raw SQL (SELECTs per subgraph: ${JSON.stringify(rawSql.statements)}):`,
      );
      console.table(
        (["onceAtATime", "loaded"] as const).map((key) => ({
          connections: rawSql[key].raw.connections,
          "hub p50/p99 ms": `${rawSql[key].hub.p50}/${rawSql[key].hub.p99}`,
          "raw SQL p50/p99 ms": `${rawSql[key].raw.p50}/${rawSql[key].raw.p99}`,
          "hub req/s": rawSql[key].hub.rps,
          "raw SQL req/s": rawSql[key].raw.rps,
          "p50 hub ÷ raw": rawSql[key].ratioP50,
        })),
      );
    }
    const out = resolve(ROOT, values.out!);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(
      out,
      `${JSON.stringify({ at: new Date().toISOString(), scale, database: mysqlUrl ? "mysql" : "sqlite", connections, duration, startSeconds, rows, rawSql }, null, 2)}\n`,
    );
    console.log(`wrote ${out}`);
    const failed = rows.filter(({ hub: h }) => h.errors + h.timeouts + h.graphqlErrors > 0);
    if (failed.length > 0) {
      process.exitCode = 1;
      console.error(`requests failed in: ${failed.map((row) => row.scenario).join("; ")}`);
    }
  } finally {
    await cleanUp();
  }
};

main().catch((error: unknown) => {
  console.error(`bench:load: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
