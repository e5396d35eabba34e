import { loadWorkingCalendar } from "../../subgraphs/kit/calendar";
import { Citizen } from "../../subgraphs/registry/entities/citizen";
import { type Hub, PERSONAS, startHub } from "../support/hub";
import { REPO_ROOT } from "../support/repo";

interface DossierView {
  code: string;
  status: string;
  nationalStatusCode: number;
  version: number;
  procedureName: string;
  acceptedAt: string;
  dueAt: string;
  timeliness: string;
  history: { fromStatus: string | null; toStatus: string; actor: string }[];
}

const FIELDS = `code status nationalStatusCode version procedureName acceptedAt dueAt timeliness
  history { fromStatus toStatus actor }`;
const RECEIVE = `mutation($input: ReceiveCivilStatusDossierInput!) { receiveCivilStatusDossier(input: $input) { ${FIELDS} } }`;
const MOVE = `mutation($code: ID!, $v: Int!, $to: DossierStatus!, $note: String) {
  moveCivilStatusDossier(code: $code, expectedVersion: $v, to: $to, note: $note) { ${FIELDS} } }`;

let hub: Hub;
let officer: string;
let resident: Citizen;
const calendar = loadWorkingCalendar(`${REPO_ROOT}/infra/calendar`);

const dossierCount = async (): Promise<number> =>
  Number((await hub.civilStatus.database.dataSource.query("SELECT COUNT(*) AS n FROM civil_status_dossier"))[0].n);

const receive = (idempotencyKey: string, overrides: Record<string, unknown> = {}, token = officer) =>
  hub.graphql<{ receiveCivilStatusDossier: DossierView }>(
    RECEIVE,
    { input: { idempotencyKey, procedureCode: "1.004873", applicantPersonalId: resident.personalId, ...overrides } },
    { token },
  );

beforeAll(async () => {
  hub = await startHub();
  officer = await hub.token(PERSONAS.ungThienOfficer);
  resident = await hub.registry.database.dataSource.manager.findOneByOrFail(Citizen, { residenceCommuneCode: "10369" });
});
afterAll(() => hub?.close());

describe("e2e > civil-status > a marital-status certificate at the Ứng Thiên desk on 1 July", () => {
  const ISSUE = `mutation($input: IssueMaritalStatusCertificateInput!) {
    issueMaritalStatusCertificate(input: $input) { ${FIELDS}
      result { __typename ... on MaritalStatusCertificate { maritalStatus purpose validUntil registeredAt communeCode dossierCode } } } }`;
  const RECORDS = `query($id: ID!) { citizen(personalId: $id) { personalId
    civilStatus { maritalStatus maritalStatusCertificates { maritalStatus validUntil dossierCode }
      dossiers { nodes { code status } } } } }`;

  it("is received, certified, returned on time with its history, and shown to the officer and the citizen only", async () => {
    // A resident asks for a marital-status certificate to marry; the officer issues it and hands it over.
    const received = await receive("ut-msc-0001");
    expect(received.body.errors).toBeUndefined();
    const dossier = received.body.data!.receiveCivilStatusDossier;
    expect(dossier.code).toBe("10369.HT-260701-0001");
    expect(dossier).toMatchObject({ status: "ACCEPTED", nationalStatusCode: 2, version: 1, timeliness: "IN_PROGRESS" });
    expect(dossier.procedureName).toBe("Cấp Giấy xác nhận tình trạng hôn nhân");
    // Three working days from Wednesday 1 July 2026: due at the end of Monday 6 July.
    expect(dossier.dueAt).toBe(
      calendar.dueAt(new Date(dossier.acceptedAt), { kind: "WORKING_DAYS", days: 3 }).toISOString(),
    );
    expect(dossier.dueAt).toBe("2026-07-06T16:59:59.999Z");

    const issued = await hub.graphql<{ issueMaritalStatusCertificate: DossierView & { result: unknown } }>(
      ISSUE,
      {
        input: {
          dossierCode: dossier.code,
          expectedVersion: 1,
          person: { personalId: resident.personalId, gender: resident.gender, birthDate: resident.birthDate },
          purpose: "Để đăng ký kết hôn",
        },
      },
      { token: officer },
    );
    expect(issued.body.errors).toBeUndefined();
    expect(issued.body.data!.issueMaritalStatusCertificate).toMatchObject({
      status: "COMPLETED",
      version: 2,
      result: {
        __typename: "MaritalStatusCertificate",
        maritalStatus: "SINGLE",
        purpose: "Để đăng ký kết hôn",
        validUntil: "2027-01-01",
        registeredAt: "2026-07-01",
        communeCode: "10369",
        dossierCode: dossier.code,
      },
    });
    const returned = await hub.graphql<{ moveCivilStatusDossier: DossierView }>(
      MOVE,
      { code: dossier.code, v: 2, to: "RETURNED" },
      { token: officer },
    );
    expect(returned.body.errors).toBeUndefined();

    const read = await hub.graphql<{ civilStatusDossier: DossierView }>(
      `query($code: ID!) { civilStatusDossier(code: $code) { ${FIELDS} } }`,
      { code: dossier.code },
      { token: officer },
    );
    expect(read.body.data!.civilStatusDossier).toMatchObject({
      status: "RETURNED",
      nationalStatusCode: 10,
      version: 3,
      timeliness: "ON_TIME",
    });
    expect(read.body.data!.civilStatusDossier.history).toEqual([
      { fromStatus: null, toStatus: "ACCEPTED", actor: "officer-10369" },
      { fromStatus: "ACCEPTED", toStatus: "COMPLETED", actor: "officer-10369" },
      { fromStatus: "COMPLETED", toStatus: "RETURNED", actor: "officer-10369" },
    ]);

    // The officer and the citizen see the status and the certificate; an officer elsewhere does not.
    const expected = {
      citizen: {
        personalId: resident.personalId,
        civilStatus: {
          maritalStatus: "SINGLE",
          maritalStatusCertificates: [{ maritalStatus: "SINGLE", validUntil: "2027-01-01", dossierCode: dossier.code }],
          dossiers: { nodes: [{ code: dossier.code, status: "RETURNED" }] },
        },
      },
    };
    const byOfficer = await hub.graphql(RECORDS, { id: resident.personalId }, { token: officer });
    expect(byOfficer.body).toEqual({ data: expected });
    const citizen = await hub.token({
      sub: `citizen-${resident.personalId}`,
      role: "CITIZEN",
      personalId: resident.personalId,
      fields: [],
    });
    const byCitizen = await hub.graphql(RECORDS, { id: resident.personalId }, { token: citizen });
    expect(byCitizen.body).toEqual({ data: expected });

    const outsider = await hub.token({ ...PERSONAS.ungThienOfficer, sub: "officer-00070", communeCode: "00070" });
    const denied = await hub.graphql(RECORDS, { id: resident.personalId }, { token: outsider });
    expect(denied.body.data).toEqual({ citizen: { personalId: resident.personalId, civilStatus: null } });
    expect(denied.body.errors!.map((e) => [e.path, e.extensions!.code])).toEqual([
      [["citizen", "civilStatus"], "FORBIDDEN"],
    ]);
    const audit = await hub.civilStatus.database.dataSource.query(
      "SELECT actor, outcome FROM audit_event WHERE entity_id = ? AND operation = 'registers.read' ORDER BY id",
      [resident.personalId],
    );
    expect(audit).toEqual([
      { actor: "officer-10369", outcome: "ALLOWED" },
      { actor: `citizen-${resident.personalId}`, outcome: "ALLOWED" },
      { actor: "officer-00070", outcome: "DENIED" },
    ]);

    // A move out of RETURNED, and a move from a stale version, change nothing.
    const before = await hub.civilStatus.database.dataSource.query(
      "SELECT status, version FROM civil_status_dossier WHERE code = ?",
      [dossier.code],
    );
    const fromReturned = await hub.graphql(MOVE, { code: dossier.code, v: 3, to: "PROCESSING" }, { token: officer });
    expect(fromReturned.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
    const stale = await hub.graphql(MOVE, { code: dossier.code, v: 2, to: "PROCESSING" }, { token: officer });
    expect(stale.body.errors![0].extensions).toMatchObject({ code: "CONFLICT", field: "expectedVersion" });
    expect(
      await hub.civilStatus.database.dataSource.query(
        "SELECT status, version FROM civil_status_dossier WHERE code = ?",
        [dossier.code],
      ),
    ).toEqual(before);
  });

  it("shows the citizen, and no officer, who accessed their civil-status data", async () => {
    // After the visit, the resident checks online who has read their records.
    const LOG = `query($id: ID!, $first: Int, $after: String) { citizen(personalId: $id) { civilStatus {
      accessLog(first: $first, after: $after) { nodes { actor role communeCode operation entityId outcome }
        pageInfo { hasNextPage endCursor } } } } }`;
    type Log = { nodes: Record<string, unknown>[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    const citizen = await hub.token({
      sub: `citizen-${resident.personalId}`,
      role: "CITIZEN",
      personalId: resident.personalId,
      fields: [],
    });
    const read = async (variables: Record<string, unknown>) => {
      const res = await hub.graphql<{ citizen: { civilStatus: { accessLog: Log } } }>(
        LOG,
        { id: resident.personalId, ...variables },
        { token: citizen },
      );
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.citizen.civilStatus.accessLog;
    };
    const all = await read({ first: 100 });
    const code = "10369.HT-260701-0001";
    const officerAt = (operation: string, entityId: string) => ({
      actor: "officer-10369",
      role: "COMMUNE_OFFICER",
      communeCode: "10369",
      operation,
      entityId,
      outcome: "ALLOWED",
    });
    const byCitizen = (operation: string, entityId: string) => ({
      actor: `citizen-${resident.personalId}`,
      role: "CITIZEN",
      communeCode: null,
      operation,
      entityId,
      outcome: "ALLOWED",
    });
    // Newest first, this very read included (each read of the log reads the records too), then the
    // outsider's refusal, the officer's reads, the certificate and the receipt.
    expect(all.nodes).toEqual([
      expect.objectContaining({ actor: "citizen-" + resident.personalId, operation: "registers.read" }),
      {
        actor: "officer-00070",
        role: "COMMUNE_OFFICER",
        communeCode: "00070",
        operation: "registers.read",
        entityId: resident.personalId,
        outcome: "DENIED",
      },
      byCitizen("dossier.list", code),
      byCitizen("registers.read", resident.personalId),
      officerAt("dossier.list", code),
      officerAt("registers.read", resident.personalId),
      officerAt("dossier.read", code),
      officerAt("dossier.move.RETURNED", code),
      officerAt("issue.MARITAL_STATUS_CERTIFICATE", resident.personalId),
      officerAt("issue.MARITAL_STATUS_CERTIFICATE", code),
      officerAt("dossier.receive", code),
    ]);
    expect(all.pageInfo.hasNextPage).toBe(false);
    const first = await read({ first: 4 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await read({ first: 4, after: first.pageInfo.endCursor });
    // Two more reads of the log have happened since `all`: the page after the first four of the
    // second read is entries 6–9 of the third.
    expect(next.nodes).toEqual((await read({ first: 100 })).nodes.slice(6, 10));

    const byOfficer = await hub.graphql(LOG, { id: resident.personalId, first: 5 }, { token: officer });
    expect(byOfficer.body.errors!.map((e) => [e.path, e.extensions!.code])).toEqual([
      [["citizen", "civilStatus", "accessLog"], "FORBIDDEN"],
    ]);
  });

  it("is hidden from an officer of another commune, and the denial is audited", async () => {
    // An officer of Phường Hoàn Kiếm tries to open Ứng Thiên's dossier.
    const made = await receive("ut-msc-0002");
    const code = made.body.data!.receiveCivilStatusDossier.code;
    const outsider = await hub.token({ ...PERSONAS.ungThienOfficer, sub: "officer-00070", communeCode: "00070" });
    const res = await hub.graphql(
      `query($code: ID!) { civilStatusDossier(code: $code) { code } }`,
      { code },
      { token: outsider },
    );
    expect(res.body.data).toEqual({ civilStatusDossier: null });
    expect(res.body.errors![0].extensions!.code).toBe("FORBIDDEN");
    const audit = await hub.civilStatus.database.dataSource.query(
      "SELECT actor, outcome FROM audit_event WHERE entity_id = ? AND operation = 'dossier.read'",
      [code],
    );
    expect(audit).toEqual([{ actor: "officer-00070", outcome: "DENIED" }]);
  });
});

describe("e2e > civil-status > bad input changes nothing", () => {
  it.each([
    [{ procedureCode: "9.999999" }, "BAD_USER_INPUT", "procedureCode"],
    [{ applicantPersonalId: "12345" }, "BAD_USER_INPUT", "applicantPersonalId"],
    [{ idempotencyKey: "x" }, "BAD_USER_INPUT", "idempotencyKey"],
  ])("refuses %j with %s on %s", async (overrides, code, field) => {
    // A desk client sends a receipt the hub cannot accept.
    const before = await dossierCount();
    const res = await receive("ut-bad-0001", overrides);
    expect(res.body.errors![0].extensions).toMatchObject({ code, field });
    expect(await dossierCount()).toBe(before);
  });

  it("refuses a reused idempotency key with another payload as CONFLICT", async () => {
    // A client reuses a key for a different procedure.
    await receive("ut-reuse-0001");
    const before = await dossierCount();
    const res = await receive("ut-reuse-0001", { procedureCode: "2.000635" });
    expect(res.body.errors![0].extensions).toMatchObject({ code: "CONFLICT", field: "idempotencyKey" });
    expect(await dossierCount()).toBe(before);
  });
});

describe("e2e > civil-status > concurrency", () => {
  it("gives 50 concurrent receipts 50 distinct codes, and 50 retries of one receipt one dossier", async () => {
    // A busy morning at the desk, and a client that resends one receipt fifty times at once.
    const before = await dossierCount();
    const distinct = await Promise.all(
      Array.from({ length: 50 }, (_, i) => receive(`ut-rush-${String(i).padStart(4, "0")}`)),
    );
    const codes = distinct.map((res) => res.body.data!.receiveCivilStatusDossier.code);
    expect(new Set(codes).size).toBe(50);
    const retries = await Promise.all(Array.from({ length: 50 }, () => receive("ut-retry-0001")));
    expect(new Set(retries.map((res) => res.body.data!.receiveCivilStatusDossier.code)).size).toBe(1);
    expect(await dossierCount()).toBe(before + 51);
  });
});

describe("e2e > civil-status > Query.dossier routes by code", () => {
  it("answers a civil-status code from the registry with the owner's fields, and keeps the owner's rules", async () => {
    // A reception client looks a dossier up by the code on the citizen's receipt, not knowing its field.
    const made = await receive("ut-route-0001");
    const code = made.body.data!.receiveCivilStatusDossier.code;
    const query = `query($code: ID!) { dossier(code: $code) { __typename code ... on Dossier { status } ... on CivilStatusDossier { procedureName } } }`;
    const res = await hub.graphql(query, { code }, { token: officer });
    expect(res.body).toEqual({
      data: {
        dossier: {
          __typename: "CivilStatusDossier",
          code,
          status: "ACCEPTED",
          procedureName: "Cấp Giấy xác nhận tình trạng hôn nhân",
        },
      },
    });
    const analyst = await hub.token(PERSONAS.analyst);
    const denied = await hub.graphql(query, { code }, { token: analyst });
    expect(denied.body.errors![0].extensions!.code).toBe("FORBIDDEN");
    const bad = await hub.graphql(query, { code: "10369.XX-250701-0001" }, { token: officer });
    expect(bad.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "code" });
  });
});

describe("e2e > civil-status > the city dashboard", () => {
  const DASHBOARD = `query($from: Date!, $to: Date!) { province(code: "01") { communes { code
    civilStatus { stats(from: $from, to: $to) { received completed onTime late overdue onTimeRate byProcedure { procedureCode received } } } } } }`;
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const period = { from: "2025-07-01", to: today };

  it("reads all 126 communes' figures in one SQL statement, equal to a direct count", async () => {
    // A city officer opens the dashboard for Hà Nội since the reform.
    const city = await hub.token(PERSONAS.hanoiCityOfficer);
    const before = await hub.statements(hub.civilStatus);
    const res = await hub.graphql<{
      province: {
        communes: {
          code: string;
          civilStatus: {
            stats: {
              received: number;
              completed: number;
              onTime: number;
              late: number;
              overdue: number;
              onTimeRate: number | null;
            };
          };
        }[];
      };
    }>(DASHBOARD, period, { token: city });
    const cost = (await hub.statements(hub.civilStatus)) - before;
    expect(res.body.errors).toBeUndefined();
    const communes = res.body.data!.province.communes;
    expect(communes).toHaveLength(126);
    expect(cost).toBe(1);

    const direct = (await hub.civilStatus.database.dataSource.query(
      `SELECT commune_code AS code, COUNT(*) AS received,
              SUM(CASE WHEN status IN ('COMPLETED', 'RETURNED') THEN 1 ELSE 0 END) AS completed
         FROM civil_status_dossier GROUP BY commune_code`,
    )) as { code: string; received: number | string; completed: number | string }[];
    const byCode = new Map(direct.map((row) => [row.code, row]));
    for (const commune of communes) {
      const row = byCode.get(commune.code);
      expect([commune.code, commune.civilStatus.stats.received, commune.civilStatus.stats.completed]).toEqual([
        commune.code,
        Number(row?.received ?? 0),
        Number(row?.completed ?? 0),
      ]);
    }
    const ungThien = communes.find((c) => c.code === "10369")!.civilStatus.stats;
    expect(ungThien).toMatchObject({ onTime: 1, late: 0, overdue: 0, onTimeRate: 1 });
  });

  it("lets an analyst read figures but not an officer of another commune", async () => {
    // Aggregates are for analysts; a commune desk sees only its own.
    const query = `query($from: Date!, $to: Date!) { commune(code: "10369") { civilStatus { stats(from: $from, to: $to) { received } } } }`;
    const analyst = await hub.graphql(query, period, { token: await hub.token(PERSONAS.analyst) });
    expect(analyst.body.errors).toBeUndefined();
    const outsider = await hub.token({ ...PERSONAS.ungThienOfficer, sub: "officer-00070", communeCode: "00070" });
    const denied = await hub.graphql(query, period, { token: outsider });
    expect(denied.body.errors![0].extensions!.code).toBe("FORBIDDEN");
    const backwards = await hub.graphql(
      query,
      { from: today, to: "2025-07-01" },
      { token: await hub.token(PERSONAS.analyst) },
    );
    expect(backwards.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
  });
});
