import { loadHandoffPrivateKey, signHandoff } from "../../subgraphs/kit/handoff";
import { Citizen } from "../../subgraphs/registry/entities/citizen";
import { type Hub, PERSONAS, startHub } from "../support/hub";

/**
 * What the commune desk and the citizen do besides issuing results: citizens file online and
 * withdraw, desks list their dossiers, and personal records load in batches, guarded on every path.
 */

interface Page {
  nodes: { code: string; status: string; channel: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const SUBMIT = `mutation($input: SubmitCivilStatusDossierInput!) { submitCivilStatusDossier(input: $input) {
  code status nationalStatusCode channel version acceptedAt dueAt applicant { personalId }
  history { fromStatus toStatus actor role } } }`;
const MOVE = `mutation($code: ID!, $v: Int!, $to: DossierStatus!, $note: String) {
  moveCivilStatusDossier(code: $code, expectedVersion: $v, to: $to, note: $note) { code status version acceptedAt dueAt } }`;
const RECEIVE = `mutation($input: ReceiveCivilStatusDossierInput!) { receiveCivilStatusDossier(input: $input) { code } }`;
const DESK = `query($code: ID!, $filter: CivilStatusDossierFilter, $first: Int, $after: String) {
  commune(code: $code) { civilStatus { dossiers(filter: $filter, first: $first, after: $after) {
    nodes { code status channel } pageInfo { hasNextPage endCursor } } } } }`;

let hub: Hub;
let officer: string;
let residents: Citizen[];
let keys = 0;

const key = (prefix: string) => `${prefix}-${String((keys += 1)).padStart(4, "0")}`;
const citizenToken = (personalId: string) =>
  hub.token({ sub: `citizen-${personalId}`, role: "CITIZEN", personalId, fields: [] });
const officerOf = (communeCode: string) =>
  hub.token({ ...PERSONAS.ungThienOfficer, sub: `officer-${communeCode}`, communeCode });
const count = async (table: string): Promise<number> =>
  Number((await hub.civilStatus.database.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

const desk = async (communeCode: string, variables: Record<string, unknown>, token = officer) => {
  const res = await hub.graphql<{ commune: { civilStatus: { dossiers: Page } } }>(
    DESK,
    { code: communeCode, ...variables },
    { token },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.commune.civilStatus.dossiers;
};

beforeAll(async () => {
  hub = await startHub();
  officer = await hub.token(PERSONAS.ungThienOfficer);
  residents = await hub.registry.database.dataSource.manager.find(Citizen, {
    where: { residenceCommuneCode: "10369" },
    order: { personalId: "ASC" },
  });
});
afterAll(() => hub?.close());

describe("e2e > civil-status > a citizen files online", () => {
  it("submits for themselves, the desk accepts and fixes the due date, and the citizen withdraws another", async () => {
    // A resident files two requests from home; the desk accepts one, the resident withdraws the other.
    const resident = residents[0];
    const token = await citizenToken(resident.personalId);
    const submit = (procedureCode: string) =>
      hub.graphql<{ submitCivilStatusDossier: Record<string, unknown> & { code: string } }>(
        SUBMIT,
        {
          input: {
            idempotencyKey: key("online"),
            procedureCode,
            communeCode: "10369",
            note: "Nộp qua Cổng dịch vụ công",
          },
        },
        { token },
      );
    const first = await submit("1.004873");
    expect(first.body.errors).toBeUndefined();
    const submitted = first.body.data!.submitCivilStatusDossier;
    expect(submitted).toEqual({
      code: expect.stringMatching(/^10369\.HT-260701-\d{4}$/),
      status: "SUBMITTED",
      nationalStatusCode: 1,
      channel: "ONLINE",
      version: 1,
      acceptedAt: null,
      dueAt: null,
      applicant: { personalId: resident.personalId },
      history: [{ fromStatus: null, toStatus: "SUBMITTED", actor: `citizen-${resident.personalId}`, role: "CITIZEN" }],
    });

    const accepted = await hub.graphql<{ moveCivilStatusDossier: { status: string; dueAt: string | null } }>(
      MOVE,
      { code: submitted.code, v: 1, to: "ACCEPTED" },
      { token: officer },
    );
    expect(accepted.body.errors).toBeUndefined();
    expect(accepted.body.data!.moveCivilStatusDossier).toMatchObject({ status: "ACCEPTED" });
    expect(accepted.body.data!.moveCivilStatusDossier.dueAt).toBe("2026-07-06T16:59:59.999Z");

    const second = (await submit("2.000635")).body.data!.submitCivilStatusDossier.code;
    const neighbour = await citizenToken(residents[1].personalId);
    const notTheirs = await hub.graphql(MOVE, { code: second, v: 1, to: "WITHDRAWN" }, { token: neighbour });
    expect(notTheirs.body.errors![0].extensions!.code).toBe("FORBIDDEN");
    const acceptByCitizen = await hub.graphql(MOVE, { code: second, v: 1, to: "ACCEPTED" }, { token });
    expect(acceptByCitizen.body.errors![0].extensions!.code).toBe("FORBIDDEN");
    const withdrawn = await hub.graphql(
      MOVE,
      { code: second, v: 1, to: "WITHDRAWN", note: "Không còn nhu cầu" },
      { token },
    );
    expect(withdrawn.body.errors).toBeUndefined();
    expect(withdrawn.body.data).toMatchObject({ moveCivilStatusDossier: { status: "WITHDRAWN", version: 2 } });

    // The desk sees both among its online dossiers, newest first.
    expect((await desk("10369", { filter: { channel: "ONLINE" } })).nodes).toEqual([
      { code: second, status: "WITHDRAWN", channel: "ONLINE" },
      { code: submitted.code, status: "ACCEPTED", channel: "ONLINE" },
    ]);
  });

  it.each([
    [{ communeCode: "99999" }, "BAD_USER_INPUT", "communeCode"],
    [{ procedureCode: "1.013225" }, "BAD_USER_INPUT", "procedureCode"],
    [{ idempotencyKey: "short" }, "BAD_USER_INPUT", "idempotencyKey"],
  ])("refuses %j with %s on %s and writes nothing", async (overrides, code, field) => {
    const before = await count("civil_status_dossier");
    const res = await hub.graphql(
      SUBMIT,
      { input: { idempotencyKey: key("online-bad"), procedureCode: "1.004873", communeCode: "10369", ...overrides } },
      { token: await citizenToken(residents[0].personalId) },
    );
    expect(res.body.errors![0].extensions).toMatchObject({ code, field });
    expect(await count("civil_status_dossier")).toBe(before);
  });

  it("is for citizens only: an officer cannot file online in someone's name", async () => {
    const before = await count("civil_status_dossier");
    const res = await hub.graphql(
      SUBMIT,
      { input: { idempotencyKey: key("online-officer"), procedureCode: "1.004873", communeCode: "10369" } },
      { token: officer },
    );
    expect(res.body.errors![0].extensions!.code).toBe("FORBIDDEN");
    expect(await count("civil_status_dossier")).toBe(before);
  });
});

describe("e2e > civil-status > the desk's dossier list", () => {
  let codes: string[];

  beforeAll(async () => {
    // Phường Hoàn Kiếm's desk receives three dossiers this morning, two certificates and a copy.
    const hoanKiem = await officerOf("00070");
    codes = [];
    for (const procedureCode of ["1.004873", "2.000635", "1.004873"]) {
      const res = await hub.graphql<{ receiveCivilStatusDossier: { code: string } }>(
        RECEIVE,
        { input: { idempotencyKey: key("list"), procedureCode, applicantPersonalId: residents[2].personalId } },
        { token: hoanKiem },
      );
      codes.push(res.body.data!.receiveCivilStatusDossier.code);
    }
  });

  it("pages newest first and filters by procedure and status", async () => {
    const token = await officerOf("00070");
    const firstPage = await desk("00070", { first: 2 }, token);
    expect(firstPage.nodes.map((node) => node.code)).toEqual([codes[2], codes[1]]);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const secondPage = await desk("00070", { first: 2, after: firstPage.pageInfo.endCursor }, token);
    expect(secondPage).toEqual({
      nodes: [{ code: codes[0], status: "ACCEPTED", channel: "DESK" }],
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
    });
    const copies = await desk("00070", { filter: { procedureCode: "2.000635" } }, token);
    expect(copies.nodes.map((node) => node.code)).toEqual([codes[1]]);
    const returned = await desk("00070", { filter: { status: ["RETURNED", "COMPLETED"] } }, token);
    expect(returned.nodes).toEqual([]);
    const overdue = await desk("00070", { filter: { overdue: true } }, token);
    expect(overdue.nodes).toEqual([]);

    // The city's desk lists the province's dossiers the same way, across its communes.
    const cityDesk = await hub.graphql<{ province: { civilStatus: { dossiers: Page } } }>(
      `{ province(code: "01") { civilStatus { dossiers(first: 100, filter: { procedureCode: "2.000635" }) {
        nodes { code status channel } pageInfo { hasNextPage endCursor } } } } }`,
      {},
      { token: await hub.token(PERSONAS.hanoiCityOfficer) },
    );
    expect(cityDesk.body.errors).toBeUndefined();
    const copiesInCity = cityDesk.body.data!.province.civilStatus.dossiers.nodes.map((node) => node.code);
    const direct = await hub.civilStatus.database.dataSource.query(
      "SELECT code FROM civil_status_dossier WHERE province_code = '01' AND procedure_code = '2.000635' ORDER BY received_at DESC, code DESC",
    );
    expect(copiesInCity).toEqual(direct.map((row: { code: string }) => row.code));
    expect(copiesInCity).toContain(codes[1]);
  });

  it("lists every desk of the province for what one desk costs, and audits what it listed", async () => {
    // The city officer opens each commune's two newest dossiers.
    const city = await hub.token(PERSONAS.hanoiCityOfficer);
    const one = `{ commune(code: "00070") { civilStatus { dossiers(first: 2) { nodes { code } } } } }`;
    const all = `{ province(code: "01") { communes { code civilStatus { dossiers(first: 2) { nodes { code } } } } } }`;
    const LISTED_BY_CITY =
      "SELECT COUNT(*) AS n FROM audit_event WHERE operation = 'dossier.list' AND actor = 'city-officer-01'";
    const listedBefore = Number((await hub.civilStatus.database.dataSource.query(LISTED_BY_CITY))[0].n);
    let before = await hub.statements(hub.civilStatus);
    const single = await hub.graphql(one, {}, { token: city });
    const costOfOne = (await hub.statements(hub.civilStatus)) - before;
    before = await hub.statements(hub.civilStatus);
    const every = await hub.graphql<{ province: { communes: { code: string; civilStatus: { dossiers: Page } }[] } }>(
      all,
      {},
      { token: city },
    );
    const costOfAll = (await hub.statements(hub.civilStatus)) - before;
    expect(single.body.errors).toBeUndefined();
    expect(every.body.errors).toBeUndefined();
    const communes = every.body.data!.province.communes;
    expect(communes).toHaveLength(126);
    expect(communes.find((c) => c.code === "00070")!.civilStatus.dossiers.nodes.map((n) => n.code)).toEqual([
      codes[2],
      codes[1],
    ]);
    // The windowed query, the rows, one audit insert.
    expect(costOfOne).toBe(3);
    expect(costOfAll).toBe(costOfOne);
    const listed = Number((await hub.civilStatus.database.dataSource.query(LISTED_BY_CITY))[0].n) - listedBefore;
    const shown = communes.reduce((sum, c) => sum + c.civilStatus.dossiers.nodes.length, 0);
    expect(listed).toBe(2 + shown);
  });

  it("is refused to an analyst, to another commune's officer, and to another province's city officer, figures too", async () => {
    const query = `{ commune(code: "00070") { civilStatus { dossiers { nodes { code } } } } }`;
    for (const token of [
      await hub.token(PERSONAS.analyst),
      officer,
      await hub.token({ ...PERSONAS.hanoiCityOfficer, sub: "city-officer-79", provinceCode: "79" }),
    ]) {
      const res = await hub.graphql(query, {}, { token });
      expect(res.body.errors!.map((e) => e.extensions!.code)).toEqual(["FORBIDDEN"]);
    }
    // Nor may a city officer of another province read the commune's figures.
    const figures = `{ commune(code: "00070") { civilStatus { stats(from: "2026-07-01", to: "2026-07-01") { received } } } }`;
    const otherProvince = await hub.token({ ...PERSONAS.hanoiCityOfficer, sub: "city-officer-79", provinceCode: "79" });
    const denied = await hub.graphql(figures, {}, { token: otherProvince });
    expect(denied.body.errors!.map((e) => e.extensions!.code)).toEqual(["FORBIDDEN"]);
    const own = await hub.graphql(figures, {}, { token: await hub.token(PERSONAS.hanoiCityOfficer) });
    expect(own.body.data).toEqual({ commune: { civilStatus: { stats: { received: 3 } } } });
  });
});

describe("e2e > civil-status > Citizen.civilStatus", () => {
  const LIST = `query($first: Int) { citizens(communeCode: "10369", first: $first) { nodes { personalId
    civilStatus { maritalStatus marriages { spouse { personalId } } dossiers(first: 5) { nodes { code } } } } } }`;

  it("loads many citizens' records for the statements of one", async () => {
    // An admin lists residents with their civil status: the records load per batch, not per person.
    // Every resident has a dossier at the desk, so every list reads dossiers as well as registers.
    for (const resident of residents) {
      await hub.graphql(
        RECEIVE,
        {
          input: { idempotencyKey: key("batch"), procedureCode: "2.000635", applicantPersonalId: resident.personalId },
        },
        { token: officer },
      );
    }
    const admin = await hub.token(PERSONAS.admin);
    const costFor = async (first: number) => {
      const before = await hub.statements(hub.civilStatus);
      const res = await hub.graphql<{ citizens: { nodes: unknown[] } }>(LIST, { first }, { token: admin });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.citizens.nodes).toHaveLength(first);
      return (await hub.statements(hub.civilStatus)) - before;
    };
    const few = await costFor(2);
    const many = await costFor(12);
    // Five register reads and their audit insert; the windowed dossier query, the rows, their audit insert.
    expect(few).toBe(9);
    expect(many).toBe(few);
  });

  it("denies an analyst the records on the _entities path, and audits each denial", async () => {
    // Another subgraph's query asks civil status for citizens' records on an analyst's behalf.
    const ids = residents.slice(0, 3).map((r) => r.personalId);
    const key = await loadHandoffPrivateKey(hub.keys.privateKeyFile);
    const caller = { subject: "analyst-01", role: "ANALYST", fields: [] };
    const token = await signHandoff(key, "civil-status", { caller, requestId: "cs-entities" } as never, 30);
    const res = await fetch(hub.civilStatus.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Citizen { civilStatus { maritalStatus } } } }`,
        variables: { reps: ids.map((personalId) => ({ __typename: "Citizen", personalId })) },
      }),
    });
    const body = (await res.json()) as {
      data: { _entities: unknown[] };
      errors: { path: (string | number)[]; extensions: { code: string } }[];
    };
    expect(body.data._entities).toEqual(ids.map(() => ({ civilStatus: null })));
    expect(body.errors.map((e) => [e.path, e.extensions.code])).toEqual(
      ids.map((_id, index) => [["_entities", index, "civilStatus"], "FORBIDDEN"]),
    );
    const audit = await hub.civilStatus.database.dataSource.query(
      "SELECT entity_id AS id, outcome FROM audit_event WHERE request_id = 'cs-entities' ORDER BY entity_id",
    );
    expect(audit).toEqual([...ids].sort().map((id) => ({ id, outcome: "DENIED" })));
  });
});
