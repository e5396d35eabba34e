import { createConnection } from "mysql2/promise";

import { civilStatusEntities } from "../../subgraphs/civil-status/entities";
import { civilStatusMigrations } from "../../subgraphs/civil-status/migrations";
import { openDatabase } from "../../subgraphs/kit/database";
import { Citizen } from "../../subgraphs/registry/entities/citizen";
import { testDatabaseKind } from "../support/database";
import { type Hub, PERSONAS, startHub } from "../support/hub";

/**
 * The database goes away under load and comes back: the services recover without a restart, every
 * receipt acknowledged is stored, and each request is answered within a bound (DESIGN §10). On
 * MariaDB every connection of civil status's database is killed, as a server restart does; on
 * SQLite another process holds the file's write lock for a while, the embedded database's outage.
 */

jest.setTimeout(120_000);

let hub: Hub;
let residents: Citizen[];

beforeAll(async () => {
  hub = await startHub();
  residents = await hub.registry.database.dataSource.manager.find(Citizen, {
    where: { residenceCommuneCode: "10369" },
    take: 30,
  });
});
afterAll(() => hub?.close());

/** Takes the database away for a while, in the way each engine loses it. */
const outage = async (): Promise<void> => {
  const url = hub.databaseUrls["civil-status"];
  if (testDatabaseKind() === "mysql") {
    const name = new URL(url).pathname.slice(1);
    const admin = await createConnection(url.replace(/\/[^/]*$/, ""));
    try {
      const [rows] = (await admin.query("SELECT id FROM information_schema.processlist WHERE db = ?", [name])) as [
        { id: number }[],
        unknown,
      ];
      for (const { id } of rows) await admin.query(`KILL CONNECTION ${Number(id)}`).catch(() => undefined);
    } finally {
      await admin.end();
    }
    return;
  }
  const other = await openDatabase({ url, entities: civilStatusEntities, migrations: civilStatusMigrations });
  const runner = other.dataSource.createQueryRunner();
  try {
    await runner.query("BEGIN EXCLUSIVE");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await runner.query("COMMIT");
  } finally {
    await runner.release();
    await other.close();
  }
};

describe("e2e > faults > the database goes away under load", () => {
  it("answers every request within a bound, loses no acknowledged receipt, and recovers without a restart", async () => {
    const officer = await hub.token(PERSONAS.ungThienOfficer);
    const receipt = (i: number) => async () => {
      const started = Date.now();
      const res = await hub.graphql<{ receiveCivilStatusDossier: { code: string } }>(
        `mutation($input: ReceiveCivilStatusDossierInput!) { receiveCivilStatusDossier(input: $input) { code } }`,
        {
          input: {
            idempotencyKey: `outage-${i}`,
            procedureCode: "1.004873",
            applicantPersonalId: residents[i % residents.length].personalId,
          },
        },
        { token: officer },
      );
      return { i, ms: Date.now() - started, code: res.body.data?.receiveCivilStatusDossier?.code, res };
    };
    // Receipts keep arriving, a few at a time, while the database goes away.
    const results: Awaited<ReturnType<ReturnType<typeof receipt>>>[] = [];
    const load = (async () => {
      for (let i = 0; i < 30; i += 3) {
        results.push(...(await Promise.all([receipt(i)(), receipt(i + 1)(), receipt(i + 2)()])));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await outage();
    await load;

    // Every request had an answer, within the statement and subgraph bounds.
    for (const result of results) expect([result.i, result.ms < 10_000]).toEqual([result.i, true]);
    // Whatever failed says so with a code a client retries on, never as an internal error…
    for (const result of results.filter((r) => !r.code)) {
      expect(["DATABASE_UNAVAILABLE", "SUBGRAPH_TIMEOUT"]).toContain(result.res.body.errors![0].extensions!.code);
    }
    // …and a retry with the same key succeeds: recovered, no restart.
    const retried = await Promise.all(results.filter((result) => !result.code).map((result) => receipt(result.i)()));
    expect(retried.map((result) => result.res.body.errors)).toEqual(retried.map(() => undefined));
    const codes = new Map([...results, ...retried].filter((r) => r.code).map((r) => [r.i, r.code as string]));
    expect(codes.size).toBe(30);
    // Every acknowledged receipt is stored, once.
    const stored = (await hub.civilStatus.database.dataSource.query(
      `SELECT code FROM civil_status_dossier WHERE code IN (${[...codes.values()].map(() => "?").join(", ")})`,
      [...codes.values()],
    )) as { code: string }[];
    expect(stored).toHaveLength(30);
    const ready = await fetch(new URL("/ready", hub.civilStatus.url));
    expect(ready.status).toBe(200);
  });
});
