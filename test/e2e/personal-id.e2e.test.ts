import { type Hub, PERSONAS, startHub } from "../support/hub";

/**
 * A person may keep their personal ID after a gender re-determination or a corrected birth year
 * (Nghị định 70/2024/NĐ-CP art. 11(7)–(8)): the desk compares papers with the registers' facts and
 * refuses only a number issued now, at birth registration, that disagrees (DESIGN §6).
 */

jest.setTimeout(120_000);

let hub: Hub;

/** Digits of a woman born in 1990 (century/gender digit 1); the person's papers now say male. */
const KEPT_NUMBER = "001190999998";

beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.close());

const receive = async (key: string, procedureCode: string, applicantPersonalId: string) => {
  const res = await hub.graphql<{ receiveCivilStatusDossier: { code: string; version: number } }>(
    `mutation($input: ReceiveCivilStatusDossierInput!) { receiveCivilStatusDossier(input: $input) { code version } }`,
    { input: { idempotencyKey: key, procedureCode, applicantPersonalId } },
    { token: await hub.token(PERSONAS.ungThienOfficer) },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.receiveCivilStatusDossier;
};

describe("e2e > personal IDs > a number kept after a change of gender", () => {
  it("issues a marital-status certificate to a person whose number's digits predate their gender", async () => {
    const dossier = await receive("kept-number-certificate", "1.004873", KEPT_NUMBER);
    const res = await hub.graphql<{ issueMaritalStatusCertificate: { status: string } }>(
      `mutation($input: IssueMaritalStatusCertificateInput!) { issueMaritalStatusCertificate(input: $input) { status } }`,
      {
        input: {
          dossierCode: dossier.code,
          expectedVersion: dossier.version,
          person: { personalId: KEPT_NUMBER, gender: "MALE", birthDate: "1990-05-01" },
          purpose: "Kết hôn",
        },
      },
      { token: await hub.token(PERSONAS.ungThienOfficer) },
    );
    expect(res.body).toEqual({ data: { issueMaritalStatusCertificate: { status: "COMPLETED" } } });
  });

  it("registers a birth whose father's number carries the other gender's digit, but refuses a new number that disagrees", async () => {
    const mother = "001187900002";
    const good = await receive("kept-number-birth", "1.001193", mother);
    const officer = await hub.token(PERSONAS.ungThienOfficer);
    const register = (dossier: { code: string; version: number }, childId: string) =>
      hub.graphql<{ registerBirth: { status: string } }>(
        `mutation($input: RegisterBirthInput!) { registerBirth(input: $input) { status } }`,
        {
          input: {
            dossierCode: dossier.code,
            expectedVersion: dossier.version,
            child: { personalId: childId, fullName: "Nguyễn Văn Bình", gender: "MALE", birthDate: "2026-06-20" },
            fatherPersonalId: KEPT_NUMBER,
            motherPersonalId: mother,
          },
        },
        { token: officer },
      );
    expect((await register(good, "001226000777")).body).toEqual({ data: { registerBirth: { status: "COMPLETED" } } });
    // The child's number is issued now: its digits must say male, born 2026.
    const bad = await receive("kept-number-birth-bad", "1.001193", mother);
    const refused = await register(bad, "001326000778");
    expect(refused.body.errors!.map((error) => [error.extensions!.code, error.extensions!.field])).toEqual([
      ["BAD_USER_INPUT", "child.personalId"],
    ]);
  });
});
