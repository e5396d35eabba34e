import { type Hub, PERSONAS, startHub } from "../support/hub";

/**
 * Civil status publishes what other fields must act on (DESIGN §3) through an outbox written in the
 * same transaction as the change: a registration writes its event, a refused one writes nothing.
 * The rows have the columns of Debezium's outbox event router.
 */

jest.setTimeout(120_000);

let hub: Hub;

/** Two adults not in the population reference (so no birth record constrains them) and their child. */
const HUSBAND = { personalId: "001090888801", gender: "MALE", birthDate: "1990-03-04" };
const WIFE = { personalId: "001192888802", gender: "FEMALE", birthDate: "1992-08-09" };
const CHILD = "001226888803";

const events = async () =>
  (await hub.civilStatus.database.dataSource.query(
    "SELECT seq, id, aggregatetype, aggregateid, type, payload, timestamp FROM outbox_event ORDER BY seq",
  )) as { seq: number; id: string; aggregatetype: string; aggregateid: string; type: string; payload: string }[];

const receive = async (key: string, procedureCode: string, applicantPersonalId: string) => {
  const res = await hub.graphql<{ receiveCivilStatusDossier: { code: string; version: number } }>(
    `mutation($input: ReceiveCivilStatusDossierInput!) { receiveCivilStatusDossier(input: $input) { code version } }`,
    { input: { idempotencyKey: key, procedureCode, applicantPersonalId } },
    { token: await hub.token(PERSONAS.ungThienOfficer) },
  );
  return res.body.data!.receiveCivilStatusDossier;
};

const issue = async (mutation: string, inputType: string, input: Record<string, unknown>) =>
  hub.graphql(
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { status } }`,
    { input },
    {
      token: await hub.token(PERSONAS.ungThienOfficer),
    },
  );

beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.close());

describe("e2e > outbox > civil-status events", () => {
  it("writes MarriageRegistered, BirthRegistered, DeathRegistered and MarriageEnded with their changes, and nothing for a refusal", async () => {
    const marriage = await receive("outbox-marriage", "1.000894", HUSBAND.personalId);
    expect(
      (
        await issue("registerMarriage", "RegisterMarriageInput", {
          dossierCode: marriage.code,
          expectedVersion: marriage.version,
          a: HUSBAND,
          b: WIFE,
        })
      ).body.errors,
    ).toBeUndefined();
    const birth = await receive("outbox-birth", "1.001193", WIFE.personalId);
    const child = { personalId: CHILD, fullName: "Trần Minh An", gender: "MALE", birthDate: "2026-06-25" };
    const birthInput = {
      dossierCode: birth.code,
      expectedVersion: birth.version,
      child,
      fatherPersonalId: HUSBAND.personalId,
      motherPersonalId: WIFE.personalId,
    };
    expect((await issue("registerBirth", "RegisterBirthInput", birthInput)).body.errors).toBeUndefined();
    // A second registration of the same birth is refused, and publishes nothing.
    const again = await receive("outbox-birth-again", "1.001193", WIFE.personalId);
    const refused = await issue("registerBirth", "RegisterBirthInput", {
      ...birthInput,
      dossierCode: again.code,
      expectedVersion: again.version,
    });
    expect(refused.body.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    const death = await receive("outbox-death", "1.000656", WIFE.personalId);
    expect(
      (
        await issue("registerDeath", "RegisterDeathInput", {
          dossierCode: death.code,
          expectedVersion: death.version,
          person: HUSBAND,
          diedOn: "2026-07-01",
        })
      ).body.errors,
    ).toBeUndefined();

    const rows = await events();
    expect(rows.map((row) => [row.type, row.aggregatetype, row.aggregateid])).toEqual([
      ["MarriageRegistered", "Marriage", `${HUSBAND.personalId}:${WIFE.personalId}:2026-07-01`],
      ["BirthRegistered", "Citizen", CHILD],
      ["DeathRegistered", "Citizen", HUSBAND.personalId],
      ["MarriageEnded", "Marriage", `${HUSBAND.personalId}:${WIFE.personalId}:2026-07-01`],
    ]);
    expect(new Set(rows.map((row) => row.id)).size).toBe(4);
    for (const row of rows) expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(rows[1].payload)).toMatchObject({
      personalId: CHILD,
      fullName: "Trần Minh An",
      gender: "MALE",
      birthDate: "2026-06-25",
      fatherPersonalId: HUSBAND.personalId,
      motherPersonalId: WIFE.personalId,
      communeCode: "10369",
      dossierCode: birth.code,
    });
    expect(JSON.parse(rows[2].payload)).toMatchObject({ personalId: HUSBAND.personalId, diedOn: "2026-07-01" });
    expect(JSON.parse(rows[3].payload)).toMatchObject({ endedOn: "2026-07-01", endReason: "DEATH_OF_SPOUSE" });
  });
});
