import { Entity, type MigrationInterface, type QueryRunner } from "typeorm";

import { createTestDatabaseUrl, type TestDatabaseUrl } from "../../../test/support/database";
import { type Caller, Role } from "../caller";
import { type Database, openDatabase } from "../database";
import { configureLogger } from "../logger";
import {
  createDossierTables,
  DOSSIER_KIT_ENTITIES,
  DossierChannel,
  DossierRecord,
  DossierTransition,
} from "./entities";
import { DossierStatus, NATIONAL_STATUS_CODE } from "./status";
import { createIdempotently, moveDossier, nextDossierCode, payloadHash, recordCreation } from "./workflow";

@Entity("test_dossier")
class TestDossier extends DossierRecord {}

class CreateTestDossier1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await createDossierTables(runner, "test_dossier");
  }
  async down(): Promise<void> {}
}

const officer: Caller = {
  subject: "officer-10369",
  role: Role.COMMUNE_OFFICER,
  communeCode: "10369",
  provinceCode: "01",
  fields: [],
};
const leader: Caller = { ...officer, subject: "leader-10369", role: Role.COMMUNE_LEADER };
const JULY_1_0900 = new Date("2025-07-01T02:00:00Z"); // 09:00 in Hà Nội

let url: TestDatabaseUrl;
let database: Database;

const receive = (manager: Parameters<typeof recordCreation>[0], code: string, applicant = "001090012345") => {
  const dossier = Object.assign(new TestDossier(), {
    code,
    procedureCode: "1.004873",
    communeCode: "10369",
    provinceCode: "01",
    applicantPersonalId: applicant,
    channel: DossierChannel.DESK,
    status: DossierStatus.ACCEPTED,
    nationalStatusCode: NATIONAL_STATUS_CODE.ACCEPTED,
    version: 1,
    receivedAt: JULY_1_0900,
    acceptedAt: JULY_1_0900,
    dueAt: new Date("2025-07-04T10:00:00Z"),
    endedAt: null,
    supplementCount: 0,
    supplementSince: null,
    effectiveDueAt: new Date("2025-07-04T10:00:00Z"),
    supplementMs: "0",
  });
  return manager.insert(TestDossier, dossier).then(() => recordCreation(manager, dossier, officer));
};

const snapshot = async () => ({
  dossiers: await database.dataSource.manager.find(TestDossier, { order: { code: "ASC" } }),
  transitions: await database.dataSource.manager.count(DossierTransition),
});

// Extends by the elapsed wait here; the subgraphs extend on the working-day calendar.
const hooks = {
  dueAt: () => new Date("2025-07-04T10:00:00Z"),
  extendDue: (_record: unknown, due: Date, from: Date, to: Date) =>
    new Date(due.getTime() + (to.getTime() - from.getTime())),
  authorize: () => undefined,
};

beforeAll(async () => {
  // The concurrent retries below lose key races on purpose; their failed INSERTs are not news.
  configureLogger("test", "error");
  url = await createTestDatabaseUrl("kit");
  database = await openDatabase({
    url: url.url,
    entities: [TestDossier, ...DOSSIER_KIT_ENTITIES],
    migrations: [CreateTestDossier1700000000000],
  });
});
afterAll(async () => {
  await database?.close();
  await url?.drop();
});

describe("kit > dossier > codes", () => {
  it("gives 50 concurrent receptions at one commune on one day 50 distinct, consecutive codes", async () => {
    // The Ứng Thiên desk opens on 1 July with a queue of fifty citizens at five windows.
    const codes = await Promise.all(
      Array.from({ length: 50 }, () =>
        database.transaction(async (manager) => {
          const code = await nextDossierCode(manager, database.kind, "10369", "HT", JULY_1_0900);
          await receive(manager, code);
          return code;
        }),
      ),
    );
    expect(new Set(codes).size).toBe(50);
    expect([...codes].sort()).toEqual(
      Array.from({ length: 50 }, (_, i) => `10369.HT-250701-${String(i + 1).padStart(4, "0")}`),
    );
  });

  it("numbers by the local date in Hà Nội, not UTC", async () => {
    // 23:30 UTC on 1 July is already 06:30 on 2 July in Hà Nội.
    const code = await database.transaction((manager) =>
      nextDossierCode(manager, database.kind, "00004", "XH", new Date("2025-07-01T23:30:00Z")),
    );
    expect(code).toBe("00004.XH-250702-0001");
  });
});

describe("kit > dossier > idempotency", () => {
  const create = (key: string, payload: unknown) =>
    createIdempotently(database, key, "receiveDossier", payload, async (manager) => {
      const code = await nextDossierCode(manager, database.kind, "10369", "DD", JULY_1_0900);
      await receive(manager, code);
      return code;
    });

  it("creates one dossier for 50 concurrent retries of one request", async () => {
    // A flaky network makes the desk's client resend the same creation fifty times at once.
    const results = await Promise.all(
      Array.from({ length: 50 }, () => create("retry-key-0001", { procedure: "1.004873", applicant: "A" })),
    );
    expect(new Set(results.map((r) => r.code)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const made = await database.dataSource.manager.countBy(TestDossier, { code: results[0].code });
    expect(made).toBe(1);
  });

  it("refuses the same key with another payload as CONFLICT and changes nothing", async () => {
    // A client reuses a key for a different citizen's request.
    await create("retry-key-0002", { procedure: "1.004873", applicant: "A" });
    const before = await snapshot();
    await expect(create("retry-key-0002", { procedure: "1.004873", applicant: "B" })).rejects.toMatchObject({
      extensions: { code: "CONFLICT", field: "idempotencyKey" },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("hashes payloads independently of key order", () => {
    // Two clients serialise the same input differently.
    expect(payloadHash({ a: 1, b: { c: 2, d: [1, 2] } })).toBe(payloadHash({ b: { d: [1, 2], c: 2 }, a: 1 }));
    expect(payloadHash({ a: 1 })).not.toBe(payloadHash({ a: 2 }));
  });
});

describe("kit > dossier > moveDossier", () => {
  const move = (
    code: string,
    expectedVersion: number,
    to: DossierStatus,
    caller: Caller = officer,
    note?: string,
    at = JULY_1_0900,
  ) =>
    database.transaction((manager) =>
      moveDossier(manager, TestDossier, caller, { code, expectedVersion, to, note, at }, hooks),
    );

  it("walks a dossier to RETURNED, recording each step and the end time once", async () => {
    // A marital-status certificate: processed, completed the next morning, handed over at noon.
    const code = "10369.HT-250701-9001";
    await database.transaction((manager) => receive(manager, code));
    await move(code, 1, DossierStatus.PROCESSING);
    const completedAt = new Date("2025-07-02T02:00:00Z");
    await move(code, 2, DossierStatus.COMPLETED, officer, undefined, completedAt);
    const returned = await move(code, 3, DossierStatus.RETURNED, officer, undefined, new Date("2025-07-02T05:00:00Z"));
    expect(returned).toMatchObject({ status: "RETURNED", nationalStatusCode: 10, version: 4 });
    expect(new Date(returned.endedAt!).toISOString()).toBe(completedAt.toISOString());
    const history = await database.dataSource.manager.find(DossierTransition, {
      where: { dossierCode: code },
      order: { id: "ASC" },
    });
    expect(history.map((t) => [t.fromStatus, t.toStatus, t.actor])).toEqual([
      [null, "ACCEPTED", "officer-10369"],
      ["ACCEPTED", "PROCESSING", "officer-10369"],
      ["PROCESSING", "COMPLETED", "officer-10369"],
      ["COMPLETED", "RETURNED", "officer-10369"],
    ]);
  });

  it("rejects a move from RETURNED with BAD_USER_INPUT on `to`, a stale version with CONFLICT, and changes nothing", async () => {
    // A second click on an old screen, and a move out of a finished dossier.
    const code = "10369.HT-250701-9001";
    const before = await snapshot();
    await expect(move(code, 4, DossierStatus.PROCESSING)).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "to" },
    });
    const open = "10369.HT-250701-9002";
    await database.transaction((manager) => receive(manager, open));
    const afterReceive = await snapshot();
    await expect(move(open, 7, DossierStatus.PROCESSING)).rejects.toMatchObject({
      extensions: { code: "CONFLICT", field: "expectedVersion" },
    });
    expect(await snapshot()).toEqual(afterReceive);
    expect(afterReceive.transitions).toBe(before.transitions + 1);
  });

  it("lets one of two concurrent moves from the same version win", async () => {
    // Two officers press "process" on the same dossier at the same moment.
    const code = "10369.HT-250701-9003";
    await database.transaction((manager) => receive(manager, code));
    const outcomes = await Promise.allSettled([
      move(code, 1, DossierStatus.PROCESSING),
      move(code, 1, DossierStatus.PROCESSING),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason.extensions.code).toBe(
      "CONFLICT",
    );
  });

  it("adds the time spent waiting for a supplement and counts the requests", async () => {
    // The officer asks for a missing paper on 1 July; the citizen brings it two days later.
    const code = "10369.HT-250701-9004";
    await database.transaction((manager) => receive(manager, code));
    await expect(move(code, 1, DossierStatus.SUPPLEMENT_REQUESTED)).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "note" },
    });
    await move(code, 1, DossierStatus.SUPPLEMENT_REQUESTED, officer, "Thiếu tờ khai");
    const resumed = await move(
      code,
      2,
      DossierStatus.PROCESSING,
      officer,
      undefined,
      new Date(JULY_1_0900.getTime() + 48 * 3600_000),
    );
    expect(resumed).toMatchObject({ supplementCount: 1, supplementMs: String(48 * 3600_000), supplementSince: null });
    expect(new Date(resumed.effectiveDueAt!).toISOString()).toBe("2025-07-06T10:00:00.000Z");
  });

  it("lets only a leader stop a dossier", async () => {
    // An officer tries to stop processing; the leader does, with a reason.
    const code = "10369.HT-250701-9005";
    await database.transaction((manager) => receive(manager, code));
    await expect(move(code, 1, DossierStatus.STOPPED, officer, "duplicate")).rejects.toMatchObject({
      extensions: { code: "FORBIDDEN" },
    });
    await expect(move(code, 1, DossierStatus.STOPPED, leader, "duplicate")).resolves.toMatchObject({
      status: "STOPPED",
      nationalStatusCode: 8,
    });
  });
});
