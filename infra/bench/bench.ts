import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

import { mintDevToken } from "../../gateway/auth";
import { Role, WorkField } from "../../subgraphs/kit/caller";
import { loadHandoffPrivateKey, signHandoff } from "../../subgraphs/kit/handoff";
import { configureLogger } from "../../subgraphs/kit/logger";
import { SUBGRAPH_MANIFEST } from "../../subgraphs/kit/manifest";
import { startLocalHub } from "../dev/local-hub";

/**
 * `npm run bench`: latency and SQL statements per operation through the gateway, against a
 * baseline measured in the same run — the same registry query sent straight to the subgraph —
 * so the figures are ratios that survive a noisy, shared machine. Several rounds; medians.
 */
const ROOT = resolve(__dirname, "../../..");
const SECRET = "bench-only-secret";

interface Scenario {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Straight to the registry with a hand-off token, skipping the gateway. */
  direct?: boolean;
  /** As an administrator rather than a city officer (people with no records in a field). */
  admin?: boolean;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "demo" },
      iterations: { type: "string", default: "200" },
      rounds: { type: "string", default: "5" },
      "database-url": { type: "string" },
      out: { type: "string", default: ".data/bench/registry.json" },
    },
  });
  const scale = values.scale as "demo" | "bench" | "test";
  const iterations = Number(values.iterations);
  const rounds = Number(values.rounds);
  configureLogger("bench", "error");

  const dir = mkdtempSync(join(tmpdir(), "hub-bench-"));
  const databaseUrl = values["database-url"] ?? `sqlite:${join(dir, "registry.sqlite")}`;
  process.stderr.write(`seeding the registry at the ${scale} scale on ${databaseUrl.split(":")[0]}…\n`);
  const seedStarted = performance.now();
  const local = await startLocalHub({
    databaseUrls: Object.fromEntries(
      SUBGRAPH_MANIFEST.map((entry) => [
        entry.name,
        entry.name === "registry" ? databaseUrl : `sqlite:${join(dir, `${entry.name}.sqlite`)}`,
      ]),
    ),
    seed: scale,
    fieldSeed: scale,
    devSecret: SECRET,
  });
  const hub = { ...local, registry: local.subgraphs.registry };
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  const clientToken = await mintDevToken(SECRET, {
    sub: "bench",
    role: Role.CITY_OFFICER,
    provinceCode: "01",
    fields: [WorkField.CIVIL_STATUS, WorkField.LAND, WorkField.SOCIAL],
  });
  const adminToken = await mintDevToken(SECRET, { sub: "bench-admin", role: Role.ADMIN, fields: [] });
  const handoffKey = await loadHandoffPrivateKey(hub.keys.privateKeyFile);
  const caller = { subject: "bench", role: Role.CITY_OFFICER, provinceCode: "01", fields: [] };
  const someone = (
    (await hub.registry.database.dataSource.query(
      "SELECT personal_id AS id FROM citizen WHERE residence_commune_code = '10369' ORDER BY personal_id LIMIT 1",
    )) as { id: string }[]
  )[0].id;

  const thisMonth = new Date().toISOString().slice(0, 7);
  const citizens100 = `{ citizens(first: 100) { nodes { personalId fullName birthDate residence { code name } } } }`;
  const scenarios: Scenario[] = [
    { name: "citizens(first: 100) + residence, direct to registry (baseline)", query: citizens100, direct: true },
    { name: "citizens(first: 100) + residence, through gateway", query: citizens100 },
    {
      name: "citizen(personalId) through gateway",
      query: `query($id: ID!) { citizen(personalId: $id) { fullName } }`,
      variables: { id: someone },
    },
    { name: "province 01: 126 communes through gateway", query: `{ province(code: "01") { communes { code name } } }` },
    {
      name: 'communes(search: "ung thien") through gateway',
      query: `{ communes(search: "ung thien") { nodes { code } } }`,
    },
    {
      name: "city dashboard: 126 communes' civil-status stats",
      query: `{ province(code: "01") { communes { code civilStatus { stats(from: "2025-07-01", to: "2026-12-31") { received onTimeRate overdue } } } } }`,
    },
    {
      name: "civil-status desk: 20 dossiers + applicants' names",
      query: `{ commune(code: "10369") { civilStatus { dossiers(first: 20) { nodes { code status timeliness applicant { fullName } } } } } }`,
    },
    {
      name: "citizens(first: 100) + civilStatus (marital status, marriages)",
      query: `{ citizens(first: 100) { nodes { personalId civilStatus { maritalStatus marriages { registeredAt } } } } }`,
    },
    {
      name: "city dashboard: 126 communes' civil-status and land stats + land register figures",
      query: `{ province(code: "01") { communes { code civilStatus { stats(from: "2025-07-01", to: "2026-12-31") { received onTimeRate overdue } } land { stats(from: "2025-07-01", to: "2026-12-31") { received onTimeRate overdue } registerStats(from: "2025-07-01", to: "2026-12-31") { certificatesIssued transfers permitsIssued } } } } }`,
    },
    {
      name: "land desk: 20 dossiers + applicants' names",
      query: `{ commune(code: "10369") { land { dossiers(first: 20) { nodes { code status timeliness applicant { fullName } } } } } }`,
    },
    {
      name: "land parcel: uses, certificate, holders' names, encumbrances",
      query: `{ landParcel(mapUnitCode: "10369", mapSheet: 1, parcelNumber: 1) { areaM2 uses { landUseCode areaM2 } validCertificate { serial holders { role citizen { fullName } } } encumbrances { kind blocksTransfer } } }`,
    },
    {
      name: "city dashboard: 126 communes in all three fields + social beneficiaries and roll",
      query: `{ province(code: "01") { communes { code civilStatus { stats(from: "2025-07-01", to: "2026-12-31") { received onTimeRate overdue } } land { stats(from: "2025-07-01", to: "2026-12-31") { received onTimeRate overdue } } social { stats(from: "2025-07-01", to: "2026-12-31") { received onTimeRate overdue } beneficiaries(month: "${thisMonth}") { groupCode people amountVnd } paymentRoll(month: "${thisMonth}") { frozen lineCount totalVnd } } } } }`,
    },
    {
      name: "social desk: payment roll of Ứng Thiên, 50 lines + names",
      query: `{ commune(code: "10369") { social { paymentRoll(month: "${thisMonth}") { totalVnd lines(first: 50) { amountVnd program citizen { fullName } } } } } }`,
    },
    {
      name: "citizens(first: 100) + civilStatus + land rights (admin)",
      query: `{ citizens(first: 100) { nodes { personalId civilStatus { maritalStatus } land { rights { role parcel { areaM2 } } } } } }`,
      admin: true,
    },
  ];

  const send = async (scenario: Scenario): Promise<void> => {
    const authorization = scenario.direct
      ? `Bearer ${await signHandoff(handoffKey, "registry", { caller, requestId: "bench" }, 60)}`
      : `Bearer ${scenario.admin ? adminToken : clientToken}`;
    const res = await fetch(scenario.direct ? hub.registry.url : hub.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization },
      body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
    });
    const body = (await res.json()) as { errors?: unknown[] };
    if (!res.ok || body.errors) throw new Error(`${scenario.name} failed: ${JSON.stringify(body).slice(0, 300)}`);
  };

  /** Statements per operation in each subgraph of the manifest, per round. */
  const perRound: Record<string, { medianMs: number[]; p95Ms: number[]; sql: Record<string, number[]> }> = {};
  for (const scenario of scenarios) {
    perRound[scenario.name] = {
      medianMs: [],
      p95Ms: [],
      sql: Object.fromEntries(SUBGRAPH_MANIFEST.map((entry) => [entry.name, []])),
    };
  }
  for (const scenario of scenarios) for (let i = 0; i < 20; i += 1) await send(scenario); // warm-up

  const statements = () =>
    Object.fromEntries(
      SUBGRAPH_MANIFEST.map((entry) => [entry.name, local.subgraphs[entry.name].database.statements.total]),
    );
  for (let round = 1; round <= rounds; round += 1) {
    for (const scenario of scenarios) {
      const times: number[] = [];
      const before = statements();
      for (let i = 0; i < iterations; i += 1) {
        const started = performance.now();
        await send(scenario);
        times.push(performance.now() - started);
      }
      const after = statements();
      const entry = perRound[scenario.name];
      entry.medianMs.push(median(times));
      entry.p95Ms.push(percentile(times, 95));
      for (const name of Object.keys(entry.sql)) entry.sql[name].push((after[name] - before[name]) / iterations);
    }
    process.stderr.write(`round ${round}/${rounds} done\n`);
  }

  const baseline = perRound[scenarios[0].name];
  const rows = scenarios.map((scenario) => {
    const entry = perRound[scenario.name];
    const ratios = entry.medianMs.map((ms, round) => ms / baseline.medianMs[round]);
    return {
      scenario: scenario.name,
      medianMs: Number(median(entry.medianMs).toFixed(2)),
      p95Ms: Number(median(entry.p95Ms).toFixed(2)),
      // SQL statements per operation in each subgraph: registry / civil-status / land / social.
      sqlPerOp: Object.values(entry.sql)
        .map((values) => median(values))
        .join(" / "),
      ratioToBaseline: Number(median(ratios).toFixed(2)),
    };
  });
  console.table(rows);
  const out = resolve(ROOT, values.out!);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ at: new Date().toISOString(), scale, database: databaseUrl.split(":")[0], iterations, rounds, seedSeconds, rows }, null, 2)}\n`,
  );
  console.log(`wrote ${out}`);
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
};

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
