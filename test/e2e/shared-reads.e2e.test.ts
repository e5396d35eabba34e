import { loadSavedOperations } from "../../gateway/graphiql";
import { SHARE_READS_FOR_MS, sharedQuery } from "../../subgraphs/kit/database";
import { Citizen } from "../../subgraphs/registry/entities/citizen";
import { type Hub, PERSONAS, startHub } from "../support/hub";

/**
 * Identical read-only statements made at once, or within a second while nothing changed, are sent
 * once and shared (kit/database.ts, sharedQuery): the dashboard's aggregates, which a city's
 * departments open for the same month at the same time. A read that comes after a write was
 * acknowledged never shares one sent before it.
 */

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.close());

const COUNT = "SELECT COUNT(*) AS n FROM citizen WHERE residence_commune_code = ?";

describe("e2e > shared reads", () => {
  it("sends two identical reads made at once as one statement, and both callers get its rows", async () => {
    const { statements, dataSource } = hub.registry.database;
    const [sent, shared] = [statements.total, statements.shared];
    const [first, second] = await Promise.all([
      sharedQuery<{ n: number | string }[]>(dataSource.manager, COUNT, ["10369"]),
      sharedQuery<{ n: number | string }[]>(dataSource.manager, COUNT, ["10369"]),
    ]);
    expect(statements.total - sent).toBe(1);
    expect(statements.shared - shared).toBe(1);
    expect(second).toBe(first);
    expect(Number(first[0].n)).toBe(12);
    // Within the second the same rows serve again; other values are another statement.
    await Promise.all([
      sharedQuery(dataSource.manager, COUNT, ["10369"]),
      sharedQuery(dataSource.manager, COUNT, ["00004"]),
    ]);
    expect(statements.total - sent).toBe(2);
    expect(statements.shared - shared).toBe(2);
  });

  it("does not share a read sent before a write with a read made after the write was acknowledged", async () => {
    const { statements, dataSource } = hub.registry.database;
    const manager = dataSource.manager;
    const before = Number((await sharedQuery<{ n: number | string }[]>(manager, COUNT, ["10369"]))[0].n);
    const shared = statements.shared;
    // A slow read of the count is under way when a new resident is stored and acknowledged.
    const slow = `SELECT COUNT(*) AS n FROM citizen a JOIN citizen b ON b.residence_commune_code = a.residence_commune_code
                   WHERE a.residence_commune_code = ?`;
    const running = sharedQuery<{ n: number | string }[]>(manager, slow, ["10369"]);
    await dataSource.transaction((write) =>
      write.query(
        "INSERT INTO citizen (personal_id, full_name, gender, birth_date, residence_commune_code, search_name) VALUES (?, ?, ?, ?, ?, ?)",
        ["001099000001", "Người Thử", "FEMALE", "1999-01-01", "10369", "nguoi thu"],
      ),
    );
    try {
      const after = await sharedQuery<{ n: number | string }[]>(manager, slow, ["10369"]);
      await running;
      expect(Number(after[0].n)).toBe((before + 1) ** 2);
      expect(statements.shared).toBe(shared);
    } finally {
      await manager.query("DELETE FROM citizen WHERE personal_id = ?", ["001099000001"]);
    }
  });

  it("shares a read's rows for a second after it was sent while nothing changed, and not after a write", async () => {
    const { statements, dataSource } = hub.registry.database;
    const manager = dataSource.manager;
    const query = `${COUNT} AND gender = ?`;
    const [sent, shared] = [statements.total, statements.shared];
    const first = await sharedQuery<{ n: number | string }[]>(manager, query, ["10369", "FEMALE"]);
    const again = await sharedQuery<{ n: number | string }[]>(manager, query, ["10369", "FEMALE"]);
    expect(again).toBe(first);
    expect([statements.total - sent, statements.shared - shared]).toEqual([1, 1]);
    await dataSource.transaction((write) =>
      write.query(
        "INSERT INTO citizen (personal_id, full_name, gender, birth_date, residence_commune_code, search_name) VALUES (?, ?, ?, ?, ?, ?)",
        ["001099000002", "Người Thử Hai", "FEMALE", "1999-01-02", "10369", "nguoi thu hai"],
      ),
    );
    try {
      const after = await sharedQuery<{ n: number | string }[]>(manager, query, ["10369", "FEMALE"]);
      expect(Number(after[0].n)).toBe(Number(first[0].n) + 1);
      expect(statements.shared - shared).toBe(1);
      // A second later the rows are read again, changes or not.
      await new Promise((resolve) => setTimeout(resolve, SHARE_READS_FOR_MS + 50));
      const later = await sharedQuery<{ n: number | string }[]>(manager, query, ["10369", "FEMALE"]);
      expect(later).not.toBe(after);
      expect(statements.shared - shared).toBe(1);
    } finally {
      await manager.query("DELETE FROM citizen WHERE personal_id = ?", ["001099000002"]);
    }
  });

  it("answers twelve city officers opening the dashboard at once exactly as it answers one, and shows a receipt made just after", async () => {
    const token = await hub.token(PERSONAS.hanoiCityOfficer);
    const officer = await hub.token(PERSONAS.ungThienOfficer);
    const applicant = await hub.registry.database.dataSource.manager.findOneByOrFail(Citizen, {
      residenceCommuneCode: "10369",
    });
    const receive = async (key: string) => {
      const res = await hub.graphql(
        `mutation($input: ReceiveCivilStatusDossierInput!) { receiveCivilStatusDossier(input: $input) { code } }`,
        { input: { idempotencyKey: key, procedureCode: "1.004873", applicantPersonalId: applicant.personalId } },
        { token: officer },
      );
      expect(res.body.errors).toBeUndefined();
    };
    await receive("shared-reads-1");
    const dashboard = loadSavedOperations().find((operation) => operation.file === "city-dashboard.graphql")!;
    const variables = { ...dashboard.variables, from: "2026-07-01", to: "2026-07-31", month: "2026-07" };
    type Answer = { province: { communes: { code: string; civilStatus: { stats: { received: number } } }[] } };
    const receivedAt = (answer: { body: { data?: Answer | null } }) =>
      answer.body.data!.province.communes.find((commune) => commune.code === "10369")!.civilStatus.stats.received;
    const alone = await hub.graphql<Answer>(dashboard.query, variables, { token });
    expect(alone.status).toBe(200);
    expect(alone.body.errors).toBeUndefined();
    expect(receivedAt(alone)).toBeGreaterThanOrEqual(1);
    const together = await Promise.all(
      Array.from({ length: 12 }, () => hub.graphql<Answer>(dashboard.query, variables, { token })),
    );
    for (const answer of together) expect(answer.body).toEqual(alone.body);
    // Within the same second, a receipt acknowledged before the next dashboard is in its figures.
    await receive("shared-reads-2");
    const after = await hub.graphql<Answer>(dashboard.query, variables, { token });
    expect(receivedAt(after)).toBe(receivedAt(alone) + 1);
  });
});
