import { Citizen } from "../../subgraphs/registry/entities/citizen";
import { type Hub, PERSONAS, startHub } from "../support/hub";

/**
 * Dashboards show the national indicator 2.1 beside the hub's own on-time figure (DESIGN §4): the
 * national one counts every accepted dossier, open ones too (within their due date as on time),
 * and ends a dossier on withdrawal; the hub's counts ended dossiers only.
 */

jest.setTimeout(120_000);

let hub: Hub;

const STATS = `query { commune(code: "10369") { civilStatus { stats(from: "2026-07-01", to: "2026-07-31") {
  received completed onTime late overdue onTimeRate nationalOnTime nationalCounted nationalOnTimeRate } } } }`;

beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.close());

describe("e2e > indicator 2.1", () => {
  it("counts open and withdrawn dossiers as the national system does, beside the hub's own figure", async () => {
    const officer = await hub.token(PERSONAS.ungThienOfficer);
    const residents = await hub.registry.database.dataSource.manager.find(Citizen, {
      where: { residenceCommuneCode: "10369" },
      take: 4,
    });
    const receive = async (key: string, personalId: string) =>
      (
        await hub.graphql<{ receiveCivilStatusDossier: { code: string; version: number } }>(
          `mutation($input: ReceiveCivilStatusDossierInput!) { receiveCivilStatusDossier(input: $input) { code version } }`,
          { input: { idempotencyKey: key, procedureCode: "1.004873", applicantPersonalId: personalId } },
          { token: officer },
        )
      ).body.data!.receiveCivilStatusDossier;
    const move = async (code: string, version: number, to: string) => {
      const res = await hub.graphql(
        `mutation($code: ID!, $v: Int!, $to: DossierStatus!) { moveCivilStatusDossier(code: $code, expectedVersion: $v, to: $to) { version } }`,
        { code, v: version, to },
        { token: officer },
      );
      expect(res.body.errors).toBeUndefined();
    };
    // A: certificate issued today, on time. B: withdrawn at the citizen's request. C: open, not yet
    // due. D: open, its due date already past (set in the table, as if it had been received long ago).
    const a = await receive("indicator-a", residents[0].personalId);
    const issued = await hub.graphql(
      `mutation($input: IssueMaritalStatusCertificateInput!) { issueMaritalStatusCertificate(input: $input) { status } }`,
      {
        input: {
          dossierCode: a.code,
          expectedVersion: a.version,
          person: {
            personalId: residents[0].personalId,
            gender: residents[0].gender,
            birthDate: residents[0].birthDate,
          },
          purpose: "Kết hôn",
        },
      },
      { token: officer },
    );
    expect(issued.body.errors).toBeUndefined();
    const b = await receive("indicator-b", residents[1].personalId);
    await move(b.code, b.version, "WITHDRAWN");
    await receive("indicator-c", residents[2].personalId);
    const d = await receive("indicator-d", residents[3].personalId);
    await hub.civilStatus.database.dataSource.query(
      "UPDATE civil_status_dossier SET due_at = ?, effective_due_at = ? WHERE code = ?",
      ["2026-07-01 00:00:00.000", "2026-07-01 00:00:00.000", d.code],
    );

    const res = await hub.graphql(STATS, undefined, { token: await hub.token(PERSONAS.analyst) });
    expect(res.body).toEqual({
      data: {
        commune: {
          civilStatus: {
            stats: {
              received: 4,
              completed: 1,
              // The hub's own: ended dossiers only, and a withdrawal is not an end.
              onTime: 1,
              late: 0,
              overdue: 1,
              onTimeRate: 1,
              // Indicator 2.1: A, B (ended by withdrawal, in time) and C (open, in time) of the four.
              nationalOnTime: 3,
              nationalCounted: 4,
              nationalOnTimeRate: 0.75,
            },
          },
        },
      },
    });
  });
});
