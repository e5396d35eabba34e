import type { IdentityClaims } from "../../subgraphs/kit/caller";
import { Citizen } from "../../subgraphs/registry/entities/citizen";
import { type Hub, PERSONAS, startHub } from "../support/hub";

/**
 * Land through the gateway, beside civil status: the city dashboard reads both fields' desks for
 * every commune at a constant cost, a person's records in both fields cost the same for one person
 * or twenty, `dossier(code)` routes land codes to the land subgraph, and land's wait for fees and
 * taxes stops the clock.
 */

jest.setTimeout(120_000);

const LAND_OFFICER = {
  sub: "land-officer-10369",
  role: "COMMUNE_OFFICER",
  communeCode: "10369",
  provinceCode: "01",
  fields: ["LAND"],
} satisfies IdentityClaims;

let hub: Hub;
let residents: Citizen[];
let keys = 0;

const officerOf = (communeCode: string, field: string): IdentityClaims => ({
  ...LAND_OFFICER,
  sub: `officer-${communeCode}-${field}`,
  communeCode,
  fields: [field],
});

const receive = async (claims: IdentityClaims, procedureCode: string, applicant: string) => {
  keys += 1;
  const res = await hub.graphql<{ receiveLandDossier: { code: string; version: number; dueAt: string } }>(
    `mutation($input: ReceiveLandDossierInput!) { receiveLandDossier(input: $input) { code version dueAt } }`,
    { input: { idempotencyKey: `land-e2e-${keys}`, procedureCode, applicantPersonalId: applicant } },
    { token: await hub.token(claims) },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.receiveLandDossier;
};

beforeAll(async () => {
  hub = await startHub();
  residents = await hub.registry.database.dataSource.manager.find(Citizen, {
    where: { residenceCommuneCode: "10369" },
    order: { personalId: "ASC" },
    take: 20,
  });
  // Both desks of Ứng Thiên and of one other commune receive something.
  await receive(LAND_OFFICER, "1.013831", residents[0].personalId);
  await receive(LAND_OFFICER, "1.013225", residents[1].personalId);
  await receive(officerOf("00004", "LAND"), "1.013978", residents[2].personalId);
  keys += 1;
  const civil = await hub.graphql(
    `mutation($input: ReceiveCivilStatusDossierInput!) { receiveCivilStatusDossier(input: $input) { code } }`,
    {
      input: {
        idempotencyKey: `land-e2e-${keys}`,
        procedureCode: "1.004873",
        applicantPersonalId: residents[0].personalId,
      },
    },
    { token: await hub.token(PERSONAS.ungThienOfficer) },
  );
  expect(civil.body.errors).toBeUndefined();
});
afterAll(() => hub?.close());

const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const period = { from: "2025-07-01", to: today < "2026-07-01" ? "2026-07-01" : today };

describe("e2e > land > the city dashboard with civil status and land", () => {
  it("reads all 126 communes' figures in both fields with one SQL statement in each field subgraph", async () => {
    // A city officer opens the dashboard: every commune, both desks.
    const city = await hub.token(PERSONAS.hanoiCityOfficer);
    const before = { civil: await hub.statements(hub.civilStatus), land: await hub.statements(hub.subgraphs.land) };
    const res = await hub.graphql<{
      province: {
        communes: {
          code: string;
          civilStatus: { stats: { received: number } };
          land: { stats: { received: number; completed: number } };
        }[];
      };
    }>(
      `query($from: Date!, $to: Date!) { province(code: "01") { communes { code
         civilStatus { stats(from: $from, to: $to) { received } }
         land { stats(from: $from, to: $to) { received completed } } } } }`,
      period,
      { token: city },
    );
    const cost = {
      civil: (await hub.statements(hub.civilStatus)) - before.civil,
      land: (await hub.statements(hub.subgraphs.land)) - before.land,
    };
    expect(res.body.errors).toBeUndefined();
    expect(cost).toEqual({ civil: 1, land: 1 });
    const communes = res.body.data!.province.communes;
    expect(communes).toHaveLength(126);
    const direct = (await hub.subgraphs.land.database.dataSource.query(
      "SELECT commune_code AS code, COUNT(*) AS received FROM land_dossier GROUP BY commune_code ORDER BY commune_code",
    )) as { code: string; received: number | string }[];
    expect(
      communes
        .filter((c) => c.land.stats.received > 0)
        .map((c) => [c.code, c.land.stats.received])
        .sort(),
    ).toEqual(direct.map((row) => [row.code, Number(row.received)]));
    expect(communes.find((c) => c.code === "10369")!.civilStatus.stats.received).toBe(1);
  });

  it("adds the land register's figures at one more statement, however many communes", async () => {
    const city = await hub.token(PERSONAS.hanoiCityOfficer);
    const costOf = async (query: string) => {
      const before = await hub.statements(hub.subgraphs.land);
      const res = await hub.graphql(query, period, { token: city });
      expect(res.body.errors).toBeUndefined();
      return (await hub.statements(hub.subgraphs.land)) - before;
    };
    const one = await costOf(
      `query($from: Date!, $to: Date!) { commune(code: "10369") { land { stats(from: $from, to: $to) { received } registerStats(from: $from, to: $to) { certificatesIssued } } } }`,
    );
    const all = await costOf(
      `query($from: Date!, $to: Date!) { province(code: "01") { communes { land { stats(from: $from, to: $to) { received } registerStats(from: $from, to: $to) { certificatesIssued } } } } }`,
    );
    expect([one, all]).toEqual([2, 2]);
  });
});

describe("e2e > land > a person's records in both fields", () => {
  it("costs the same statements in each field subgraph for one person as for twenty", async () => {
    // An administrator reviews people with their marital status and land rights.
    const admin = await hub.token(PERSONAS.admin);
    const query = `query($first: Int) { citizens(first: $first) { nodes { personalId
      civilStatus { maritalStatus } land { rights { role } permits { kind } } } } }`;
    const costOf = async (first: number) => {
      const before = { civil: await hub.statements(hub.civilStatus), land: await hub.statements(hub.subgraphs.land) };
      const res = await hub.graphql<{ citizens: { nodes: unknown[] } }>(query, { first }, { token: admin });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.citizens.nodes).toHaveLength(first);
      return {
        civil: (await hub.statements(hub.civilStatus)) - before.civil,
        land: (await hub.statements(hub.subgraphs.land)) - before.land,
      };
    };
    const one = await costOf(1);
    const twenty = await costOf(20);
    expect(twenty).toEqual(one);
  });
});

describe("e2e > land > dossiers", () => {
  it("routes a land code through dossier(code) to the land subgraph, which decides who may read it", async () => {
    const { code } = await receive(LAND_OFFICER, "1.012783", residents[3].personalId);
    const query = `query($code: ID!) { dossier(code: $code) { code ... on LandDossier { procedureName status applicant { personalId } } } }`;
    const own = await hub.graphql(query, { code }, { token: await hub.token(LAND_OFFICER) });
    expect(own.body).toEqual({
      data: {
        dossier: {
          code,
          procedureName: "Cấp đổi Giấy chứng nhận",
          status: "ACCEPTED",
          applicant: { personalId: residents[3].personalId },
        },
      },
    });
    // The civil-status officer of the same commune works in another field.
    const other = await hub.graphql(query, { code }, { token: await hub.token(PERSONAS.ungThienOfficer) });
    expect(other.body.errors!.map((error) => [error.extensions!.code, error.path])).toEqual([
      ["FORBIDDEN", ["dossier"]],
    ]);
  });

  it("stops the clock while the citizen pays fees and taxes, which civil status has none of", async () => {
    // A transfer waits a working day for the registration fee and personal income tax.
    const dossier = await receive(LAND_OFFICER, "1.013831", residents[4].personalId);
    const token = await hub.token(LAND_OFFICER);
    const move = (code: string, version: number, to: string, note?: string) =>
      hub.graphql<{ moveLandDossier: { version: number; status: string; nationalStatusCode: number; dueAt: string } }>(
        `mutation($code: ID!, $v: Int!, $to: DossierStatus!, $note: String) {
           moveLandDossier(code: $code, expectedVersion: $v, to: $to, note: $note) { version status nationalStatusCode dueAt } }`,
        { code, v: version, to, note },
        { token },
      );
    const processing = await move(dossier.code, dossier.version, "PROCESSING");
    const waiting = await move(
      dossier.code,
      processing.body.data!.moveLandDossier.version,
      "FINANCIAL_OBLIGATION",
      "Chờ nộp lệ phí trước bạ",
    );
    expect(waiting.body.data!.moveLandDossier).toMatchObject({ status: "FINANCIAL_OBLIGATION", nationalStatusCode: 6 });
    const [row] = (await hub.subgraphs.land.database.dataSource.query(
      "SELECT supplement_count AS n, supplement_since AS since FROM land_dossier WHERE code = ?",
      [dossier.code],
    )) as { n: number | string; since: string | null }[];
    // Waiting for fees is not a supplement request: it stops the clock without counting towards lateness.
    expect(Number(row.n)).toBe(0);
    expect(row.since).not.toBeNull();

    const civil = await hub.graphql<{ receiveCivilStatusDossier: { code: string; version: number } }>(
      `mutation($input: ReceiveCivilStatusDossierInput!) { receiveCivilStatusDossier(input: $input) { code version } }`,
      {
        input: {
          idempotencyKey: "land-e2e-civil-fees",
          procedureCode: "1.004873",
          applicantPersonalId: residents[4].personalId,
        },
      },
      { token: await hub.token(PERSONAS.ungThienOfficer) },
    );
    const refused = await hub.graphql(
      `mutation($code: ID!) { moveCivilStatusDossier(code: $code, expectedVersion: 1, to: FINANCIAL_OBLIGATION, note: "x") { status } }`,
      { code: civil.body.data!.receiveCivilStatusDossier.code },
      { token: await hub.token(PERSONAS.ungThienOfficer) },
    );
    expect(refused.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
  });
});

describe("e2e > land > who sees a person's dossiers", () => {
  it("shows a desk only the dossiers kept at its own commune, as reading each by code does", async () => {
    // Someone from Ứng Thiên filed at Ứng Thiên and at Ba Đình (00004).
    const person = residents[5].personalId;
    const here = await receive(LAND_OFFICER, "1.012786", person);
    const there = await receive(officerOf("00004", "LAND"), "1.012786", person);
    const query = `query($id: ID!) { citizen(personalId: $id) { land { dossiers { nodes { code } } } } }`;
    const list = async (claims: IdentityClaims) =>
      (
        await hub.graphql<{ citizen: { land: { dossiers: { nodes: { code: string }[] } } } }>(
          query,
          { id: person },
          { token: await hub.token(claims) },
        )
      ).body.data!.citizen.land.dossiers.nodes.map((node) => node.code);
    expect(await list(LAND_OFFICER)).toEqual([here.code]);
    expect(await list(officerOf("00004", "LAND"))).toEqual([there.code]);
    expect((await list(PERSONAS.hanoiCityOfficer)).sort()).toEqual([here.code, there.code].sort());
    // Reading the other desk's dossier by code is refused too: the rules agree.
    const byCode = await hub.graphql(
      `query($code: ID!) { landDossier(code: $code) { code } }`,
      { code: there.code },
      {
        token: await hub.token(LAND_OFFICER),
      },
    );
    expect(byCode.body.errors![0].extensions!.code).toBe("FORBIDDEN");
  });
});
