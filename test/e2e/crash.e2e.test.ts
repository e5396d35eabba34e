import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";

import { civilStatusEntities } from "../../subgraphs/civil-status/entities";
import { civilStatusMigrations } from "../../subgraphs/civil-status/migrations";
import { openDatabase } from "../../subgraphs/kit/database";
import { Citizen } from "../../subgraphs/registry/entities/citizen";
import { type Hub, PERSONAS, startHub } from "../support/hub";
import { REPO_ROOT } from "../support/repo";

/**
 * Civil status as its own process, as deployed. Paused (SIGSTOP), it costs only its own fields within
 * the gateway's bound. Killed outright (SIGKILL) in the middle of a burst of receipts and started
 * again, with the clients retrying on the same idempotency keys, nothing acknowledged is lost and
 * nothing is done twice (DESIGN §10).
 */

jest.setTimeout(180_000);

const RECEIPTS = 40;
/** Short, for a quick suite, but well above what a burst of receipts takes on a busy CI machine. */
const SUBGRAPH_TIMEOUT_MS = 4000;

let hub: Hub;
let child: ChildProcess | undefined;

const startCivilStatusProcess = async (): Promise<ChildProcess> => {
  const env = hub.envOf("civil-status");
  const process_ = spawn(process.execPath, [resolve(REPO_ROOT, "dist/subgraphs/civil-status/main.js")], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, ...env, LOG_LEVEL: "error" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const ready = `http://127.0.0.1:${env.PORT}/ready`;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (process_.exitCode !== null) throw new Error(`civil status exited with ${process_.exitCode}`);
    const ok = await fetch(ready).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return process_;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("civil status did not become ready");
};

beforeAll(async () => {
  hub = await startHub({ gatewayEnv: { SUBGRAPH_TIMEOUT_MS: String(SUBGRAPH_TIMEOUT_MS) } });
  // Civil status leaves the test process and runs as its own, on the same port and database.
  await hub.restart("civil-status", {}, { stopOnly: true });
  child = await startCivilStatusProcess();
});
afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
  await hub.resume("civil-status");
  await hub.close();
});

describe("e2e > crash > civil status paused", () => {
  it("costs only its fields, within the subgraph timeout, and answers again once resumed", async () => {
    // The process is stopped (SIGSTOP): its connections stay open and nothing answers.
    const city = await hub.token(PERSONAS.hanoiCityOfficer);
    const query = `{ province(code: "01") { name civilStatus { stats(from: "2026-01-01", to: "2026-12-31") { received } } } }`;
    child!.kill("SIGSTOP");
    try {
      const started = Date.now();
      const res = await hub.graphql<{ province: { name: string; civilStatus: unknown } }>(query, undefined, {
        token: city,
      });
      const ms = Date.now() - started;
      expect([ms >= SUBGRAPH_TIMEOUT_MS - 100, ms < SUBGRAPH_TIMEOUT_MS + 3000]).toEqual([true, true]);
      expect(res.body.data).toEqual({ province: { name: "Hà Nội", civilStatus: null } });
      expect(res.body.errors!.map((error) => [error.path, error.extensions!.code])).toEqual([
        [["province", "civilStatus"], "SUBGRAPH_TIMEOUT"],
      ]);
    } finally {
      child!.kill("SIGCONT");
    }
    const again = await hub.graphql<{ province: { civilStatus: { stats: { received: number } } } }>(query, undefined, {
      token: city,
    });
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data!.province.civilStatus.stats.received).toBe(0);
  });
});

describe("e2e > crash > civil status killed mid-burst", () => {
  it("keeps every acknowledged receipt, and the retries create each dossier exactly once", async () => {
    const officer = await hub.token(PERSONAS.ungThienOfficer);
    const residents = await hub.registry.database.dataSource.manager.find(Citizen, {
      where: { residenceCommuneCode: "10369" },
      take: RECEIPTS,
    });
    const send = (i: number) =>
      hub.graphql<{ receiveCivilStatusDossier: { code: string } }>(
        `mutation($input: ReceiveCivilStatusDossierInput!) { receiveCivilStatusDossier(input: $input) { code } }`,
        {
          input: {
            idempotencyKey: `crash-receipt-${i}`,
            procedureCode: "1.004873",
            applicantPersonalId: residents[i % residents.length].personalId,
          },
        },
        { token: officer },
      );
    const first = Array.from({ length: RECEIPTS }, (_, i) => send(i));
    await new Promise((r) => setTimeout(r, 40));
    child!.kill("SIGKILL");
    const answers = await Promise.all(first);
    const acknowledged = new Map<number, string>();
    answers.forEach((res, i) => {
      if (!res.body.errors && res.body.data?.receiveCivilStatusDossier) {
        acknowledged.set(i, res.body.data.receiveCivilStatusDossier.code);
      }
    });
    // The kill landed mid-burst: it cost some answers, each failing with a code the client retries on.
    expect(acknowledged.size).toBeLessThan(RECEIPTS);
    for (const res of answers.filter((_, i) => !acknowledged.has(i))) {
      expect(["SUBGRAPH_UNAVAILABLE", "SUBGRAPH_TIMEOUT"]).toContain(res.body.errors![0].extensions!.code);
    }

    child = await startCivilStatusProcess();
    const retried = await Promise.all(Array.from({ length: RECEIPTS }, (_, i) => send(i)));
    expect(retried.map((res) => res.body.errors)).toEqual(retried.map(() => undefined));
    const codes = retried.map((res) => res.body.data!.receiveCivilStatusDossier.code);
    // What was acknowledged before the kill is what the retry finds: nothing lost, nothing redone.
    for (const [i, code] of acknowledged) expect(codes[i]).toBe(code);
    expect(new Set(codes).size).toBe(RECEIPTS);
    // The table, read on its own connection (the service runs in another process).
    const database = await openDatabase({
      url: hub.databaseUrls["civil-status"],
      entities: civilStatusEntities,
      migrations: civilStatusMigrations,
    });
    try {
      const rows = (await database.dataSource.query(
        "SELECT COUNT(*) AS n, COUNT(DISTINCT applicant_personal_id) AS people FROM civil_status_dossier",
      )) as { n: number | string; people: number | string }[];
      expect(Number(rows[0].n)).toBe(RECEIPTS);
      const keys = (await database.dataSource.query(
        "SELECT COUNT(*) AS n FROM idempotency_record WHERE `key` LIKE 'crash-receipt-%'",
      )) as { n: number | string }[];
      expect(Number(keys[0].n)).toBe(RECEIPTS);
    } finally {
      await database.close();
    }
  });
});
