import { Citizen } from "../../subgraphs/registry/entities/citizen";
import { type Hub, PERSONAS, startHub } from "../support/hub";

/**
 * No answer carries null data without an error saying why (DESIGN §10); one bad row never blanks a
 * list; a bad value is a 400 BAD_USER_INPUT naming the argument or variable, before any subgraph is
 * called; a text too long is refused the same way on both databases.
 */

jest.setTimeout(120_000);

/** Well formed (Hà Nội, male, born 1990) but not in the population reference: someone it has not learnt of. */
const STRANGER = "001090999999";

let hub: Hub;
let known: string;
let strangerDossier: string;

const officer = () => hub.token(PERSONAS.ungThienOfficer);

const receive = async (key: string, applicantPersonalId: string, note?: string) =>
  hub.graphql<{ receiveCivilStatusDossier: { code: string } }>(
    `mutation($input: ReceiveCivilStatusDossierInput!) { receiveCivilStatusDossier(input: $input) { code } }`,
    { input: { idempotencyKey: key, procedureCode: "1.004873", applicantPersonalId, ...(note ? { note } : {}) } },
    { token: await officer() },
  );

beforeAll(async () => {
  hub = await startHub();
  const resident = await hub.registry.database.dataSource.manager.findOneByOrFail(Citizen, {
    residenceCommuneCode: "10369",
  });
  known = (await receive("answers-known", resident.personalId)).body.data!.receiveCivilStatusDossier.code;
  strangerDossier = (await receive("answers-stranger", STRANGER)).body.data!.receiveCivilStatusDossier.code;
});
afterAll(() => hub?.close());

describe("e2e > answers > nothing null without an error", () => {
  it("says NOT_FOUND on the path of a dossier code nobody holds", async () => {
    const res = await hub.graphql(
      `query { dossier(code: "10369.HT-260701-9999") { code ... on CivilStatusDossier { status } } }`,
      undefined,
      {
        token: await officer(),
      },
    );
    expect(res.body.data).toEqual({ dossier: null });
    expect(res.body.errors!.map((error) => [error.path, error.extensions!.code])).toEqual([[["dossier"], "NOT_FOUND"]]);
  });

  it("keeps the desk's list whole when an applicant is unknown to the population reference, naming that row", async () => {
    // The desk received a dossier for someone the registry has not learnt of yet (a receipt is allowed:
    // the person may be newly born or registered elsewhere); the work list still shows every dossier.
    for (const [query, root] of [
      [
        `{ commune(code: "10369") { civilStatus { dossiers(first: 10) { nodes { code applicant { fullName } } } } } }`,
        "commune",
      ],
      [
        `{ province(code: "01") { civilStatus { dossiers(first: 10) { nodes { code applicant { fullName } } } } } }`,
        "province",
      ],
    ] as const) {
      const token = root === "commune" ? await officer() : await hub.token(PERSONAS.hanoiCityOfficer);
      const res = await hub.graphql<
        Record<
          string,
          { civilStatus: { dossiers: { nodes: { code: string; applicant: { fullName: string } | null }[] } } }
        >
      >(query, undefined, { token });
      const nodes = res.body.data![root].civilStatus.dossiers.nodes;
      expect(nodes.map((node) => node.code).sort()).toEqual([known, strangerDossier].sort());
      const index = nodes.findIndex((node) => node.code === strangerDossier);
      expect(nodes[index].applicant).toBeNull();
      expect(nodes.find((node) => node.code === known)!.applicant!.fullName.length).toBeGreaterThan(0);
      expect(res.body.errors!.map((error) => [error.path, error.extensions!.code])).toEqual([
        [[root, "civilStatus", "dossiers", "nodes", index, "applicant"], "NOT_FOUND"],
      ]);
    }
  });

  it("says NOT_FOUND when a person is looked up by an ID the registry does not hold", async () => {
    const res = await hub.graphql(
      `query($id: ID!) { citizen(personalId: $id) { fullName } }`,
      { id: STRANGER },
      {
        token: await officer(),
      },
    );
    expect(res.body.data).toEqual({ citizen: null });
    expect(res.body.errors!.map((error) => [error.path, error.extensions!.code])).toEqual([[["citizen"], "NOT_FOUND"]]);
  });
});

describe("e2e > answers > bad values", () => {
  const STATS = `query($from: Date!, $to: Date!) { commune(code: "10369") { civilStatus { stats(from: $from, to: $to) { received } } } }`;

  it.each([
    ["an impossible date", { from: "2026-02-30", to: "2026-03-01" }, "$from"],
    ["a word", { from: "yesterday", to: "2026-03-01" }, "$from"],
    ["a number", { from: "2026-01-01", to: 20250701 }, "$to"],
    ["a five-digit year", { from: "99999-01-01", to: "2026-03-01" }, "$from"],
  ])("refuses %s as a Date variable with 400 BAD_USER_INPUT naming it", async (_what, variables, field) => {
    const before = await hub.statements(hub.civilStatus);
    const res = await hub.graphql(STATS, variables, { token: await hub.token(PERSONAS.analyst) });
    expect(res.status).toBe(400);
    expect(res.body.errors!.map((error) => [error.extensions!.code, error.extensions!.field])).toEqual([
      ["BAD_USER_INPUT", field],
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1/);
    expect(await hub.statements(hub.civilStatus)).toBe(before);
  });

  it("refuses a bad literal date argument, and one inside an input object, naming where it is", async () => {
    const analyst = await hub.token(PERSONAS.analyst);
    const literal = await hub.graphql(
      `{ commune(code: "10369") { civilStatus { stats(from: "2026-13-01", to: "2026-12-31") { received } } } }`,
      undefined,
      { token: analyst },
    );
    expect([
      literal.status,
      literal.body.errors![0].extensions!.code,
      literal.body.errors![0].extensions!.field,
    ]).toEqual([400, "BAD_USER_INPUT", "from"]);
    const nested = await hub.graphql(
      `query($filter: CivilStatusDossierFilter) { commune(code: "10369") { civilStatus { dossiers(filter: $filter) { nodes { code } } } } }`,
      { filter: { receivedFrom: "2026-02-29" } },
      { token: await officer() },
    );
    expect([nested.status, nested.body.errors![0].extensions!.field]).toEqual([400, "$filter.receivedFrom"]);
  });

  it("refuses a note over 500 characters and stores nothing, the same on both databases", async () => {
    const count = async () =>
      Number(
        (
          (await hub.civilStatus.database.dataSource.query("SELECT COUNT(*) AS n FROM dossier_transition")) as {
            n: number | string;
          }[]
        )[0].n,
      );
    const before = await count();
    const res = await receive("answers-long-note", STRANGER, "ghi chú ".repeat(63));
    expect(res.body.errors!.map((error) => [error.extensions!.code, error.extensions!.field])).toEqual([
      ["BAD_USER_INPUT", "input.note"],
    ]);
    expect(await count()).toBe(before);
    // Exactly 500 characters is kept, as written.
    const fits = await receive("answers-note-500", STRANGER, "x".repeat(500));
    expect(fits.body.errors).toBeUndefined();
  });

  it("answers a persisted query whose hash does not match its text with a 400 and a code a client can act on", async () => {
    const res = await fetch(hub.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await officer()}` },
      body: JSON.stringify({
        query: "{ provinces { code } }",
        extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
      }),
    });
    const body = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect([res.status, body.errors.map((error) => error.extensions.code)]).toEqual([
      400,
      ["PERSISTED_QUERY_HASH_MISMATCH"],
    ]);
  });
});
