import { Citizen } from "../../subgraphs/registry/entities/citizen";
import { type Hub, PERSONAS, startHub } from "../support/hub";

/**
 * The civil-status registers through the gateway, on the desk day of 1 July 2026: each result is
 * issued and its dossier completed together, the officer's rules refuse what the registers
 * contradict, and a refusal leaves every table as it was.
 */

interface Person {
  personalId: string;
  gender: string;
  birthDate: string;
}

const DOSSIER = `code status version result { __typename
  ... on CivilStatusRegisterEntry { registeredAt communeCode dossierCode } }`;
const RECEIVE = `mutation($input: ReceiveCivilStatusDossierInput!) { receiveCivilStatusDossier(input: $input) { code version } }`;
const MOVE = `mutation($code: ID!, $v: Int!, $to: DossierStatus!, $note: String) {
  moveCivilStatusDossier(code: $code, expectedVersion: $v, to: $to, note: $note) { code status version } }`;
const REGISTER_BIRTH = `mutation($input: RegisterBirthInput!) { registerBirth(input: $input) { ${DOSSIER} } }`;
const REGISTER_MARRIAGE = `mutation($input: RegisterMarriageInput!) { registerMarriage(input: $input) { ${DOSSIER} } }`;
const REGISTER_DEATH = `mutation($input: RegisterDeathInput!) { registerDeath(input: $input) { ${DOSSIER} } }`;
const ISSUE_COPY = `mutation($input: IssueExtractCopyInput!) { issueExtractCopy(input: $input) { ${DOSSIER}
  result { ... on ExtractCopy { register copies personalId } } } }`;
const ISSUE_CERTIFICATE = `mutation($input: IssueMaritalStatusCertificateInput!) {
  issueMaritalStatusCertificate(input: $input) { ${DOSSIER} result { ... on MaritalStatusCertificate { maritalStatus } } } }`;
const RECORDS = `query($id: ID!) { citizen(personalId: $id) { civilStatus {
  maritalStatus
  birth { fullName birthDate placeOfBirth father { personalId } mother { personalId } registeredAt }
  death { diedOn }
  marriages { registeredAt endedOn endReason inForce spouse { personalId fullName } husband { personalId } wife { personalId } } } } }`;

const TABLES = [
  "civil_status_dossier",
  "dossier_transition",
  "birth_registration",
  "death_registration",
  "marriage_registration",
  "marital_status_certificate",
  "extract_copy",
  "civil_status_correction",
  "idempotency_record",
];

let hub: Hub;
let officer: string;
let keys = 0;
let husband: Person;
let wife: Person;
let rival: Person;

const person = (citizen: Citizen): Person => ({
  personalId: citizen.personalId,
  gender: citizen.gender,
  birthDate: citizen.birthDate,
});

/** Every row of every civil-status table that a request could touch, to compare before and after. */
const snapshot = async (): Promise<Record<string, unknown[]>> => {
  const tables: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    tables[table] = await hub.civilStatus.database.dataSource.query(`SELECT * FROM ${table} ORDER BY 1`);
  }
  return tables;
};

/** Receives a dossier at the Ứng Thiên desk; returns its code at version 1. */
const receive = async (procedureCode: string, applicantPersonalId: string): Promise<string> => {
  keys += 1;
  const res = await hub.graphql<{ receiveCivilStatusDossier: { code: string } }>(
    RECEIVE,
    { input: { idempotencyKey: `registers-${String(keys).padStart(4, "0")}`, procedureCode, applicantPersonalId } },
    { token: officer },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.receiveCivilStatusDossier.code;
};

const records = async (personalId: string) => {
  const res = await hub.graphql<{ citizen: { civilStatus: Record<string, unknown> } }>(
    RECORDS,
    { id: personalId },
    { token: await hub.token(PERSONAS.admin) },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.citizen.civilStatus;
};

const adults = async (gender: "MALE" | "FEMALE", count: number): Promise<Person[]> =>
  (
    await hub.registry.database.dataSource.manager
      .createQueryBuilder(Citizen, "c")
      .where("c.gender = :gender AND c.birthDate < :born", { gender, born: "1990-01-01" })
      .orderBy("c.personalId")
      .limit(count)
      .getMany()
  ).map(person);

beforeAll(async () => {
  hub = await startHub();
  officer = await hub.token(PERSONAS.ungThienOfficer);
  [husband, rival] = await adults("MALE", 2);
  [wife] = await adults("FEMALE", 1);
});
afterAll(() => hub?.close());

describe("e2e > civil-status > registerBirth", () => {
  const child = {
    personalId: "001226012345",
    gender: "MALE",
    birthDate: "2026-06-20",
    fullName: "Nguyễn Minh Khôi",
  };

  it("registers a birth with its parents and completes the dossier in one step", async () => {
    // Parents bring their ten-day-old son to the desk.
    const code = await receive("1.001193", husband.personalId);
    const res = await hub.graphql(
      REGISTER_BIRTH,
      {
        input: {
          dossierCode: code,
          expectedVersion: 1,
          child: { ...child, fullName: "Nguyê\u0303n Minh Kho\u0302i" },
          placeOfBirth: "Bệnh viện Đa khoa Vân Đình",
          fatherPersonalId: husband.personalId,
          motherPersonalId: wife.personalId,
        },
      },
      { token: officer },
    );
    expect(res.body).toEqual({
      data: {
        registerBirth: {
          code,
          status: "COMPLETED",
          version: 2,
          result: {
            __typename: "BirthRegistration",
            registeredAt: "2026-07-01",
            communeCode: "10369",
            dossierCode: code,
          },
        },
      },
    });
    // The name typed with combining marks is stored composed (NFC). The newborn is not in the
    // population reference yet, so the birth is read from the dossier's result.
    const read = await hub.graphql(
      `query($code: ID!) { civilStatusDossier(code: $code) { result { ... on BirthRegistration {
        personalId fullName gender birthDate placeOfBirth father { personalId } mother { personalId } registeredAt } } } }`,
      { code },
      { token: officer },
    );
    expect(read.body).toEqual({
      data: {
        civilStatusDossier: {
          result: {
            personalId: child.personalId,
            fullName: "Nguyễn Minh Khôi",
            gender: "MALE",
            birthDate: "2026-06-20",
            placeOfBirth: "Bệnh viện Đa khoa Vân Đình",
            father: { personalId: husband.personalId },
            mother: { personalId: wife.personalId },
            registeredAt: "2026-07-01",
          },
        },
      },
    });
    const [stored] = await hub.civilStatus.database.dataSource.query(
      "SELECT full_name AS name FROM birth_registration WHERE personal_id = ?",
      [child.personalId],
    );
    expect(stored.name).toBe("Nguyễn Minh Khôi".normalize("NFC"));
  });

  it("refuses a certificate whose papers disagree with the registered birth", async () => {
    // Someone brings papers for the newborn with another birth date.
    const code = await receive("1.004873", husband.personalId);
    const before = await snapshot();
    const res = await hub.graphql(
      ISSUE_CERTIFICATE,
      {
        input: {
          dossierCode: code,
          expectedVersion: 1,
          person: { personalId: child.personalId, gender: "MALE", birthDate: "2026-06-21" },
          purpose: "Thử",
        },
      },
      { token: officer },
    );
    expect(res.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "person.birthDate" });
    expect(res.body.errors![0].message).toContain("2026-06-20");
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["a second registration of the same birth", child, "child.personalId"],
    [
      "a birth date in the future",
      { ...child, personalId: "001226099999", birthDate: "2026-07-02" },
      "child.birthDate",
    ],
    ["an ID that does not match the gender", { ...child, personalId: "001326054321" }, "child.personalId"],
    ["an invalid personal ID", { ...child, personalId: "12345" }, "child.personalId"],
  ])("refuses %s with BAD_USER_INPUT and changes nothing", async (_case, refused, field) => {
    const code = await receive("1.001193", husband.personalId);
    const before = await snapshot();
    const res = await hub.graphql(
      REGISTER_BIRTH,
      { input: { dossierCode: code, expectedVersion: 1, child: refused } },
      { token: officer },
    );
    expect(res.body.data).toBeNull();
    expect(res.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await snapshot()).toEqual(before);
  });
});

describe("e2e > civil-status > correctBirthRegistration", () => {
  const CORRECT = `mutation($input: CorrectBirthRegistrationInput!) { correctBirthRegistration(input: $input) { ${DOSSIER}
    result { ... on CivilStatusCorrection { personalId field previousValue newValue } } } }`;
  const childId = "001226012345";

  it("changes a registered name, keeping the old one, and refuses a change to nothing new or of no registered birth", async () => {
    // The parents come back: the son's given name is to be Khoa, not Khôi.
    const code = await receive("1.004859", husband.personalId);
    const changed = await hub.graphql(
      CORRECT,
      {
        input: {
          dossierCode: code,
          expectedVersion: 1,
          personalId: childId,
          field: "FULL_NAME",
          value: " Nguyễn Minh Khoa ",
        },
      },
      { token: officer },
    );
    expect(changed.body).toEqual({
      data: {
        correctBirthRegistration: {
          code,
          status: "COMPLETED",
          version: 2,
          result: {
            __typename: "CivilStatusCorrection",
            registeredAt: "2026-07-01",
            communeCode: "10369",
            dossierCode: code,
            personalId: childId,
            field: "FULL_NAME",
            previousValue: "Nguyễn Minh Khôi",
            newValue: "Nguyễn Minh Khoa",
          },
        },
      },
    });
    const [birth] = await hub.civilStatus.database.dataSource.query(
      "SELECT full_name AS name FROM birth_registration WHERE personal_id = ?",
      [childId],
    );
    expect(birth.name).toBe("Nguyễn Minh Khoa");

    const again = await receive("1.004859", husband.personalId);
    const before = await snapshot();
    const same = await hub.graphql(
      CORRECT,
      {
        input: {
          dossierCode: again,
          expectedVersion: 1,
          personalId: childId,
          field: "FULL_NAME",
          value: "Nguyễn Minh Khoa",
        },
      },
      { token: officer },
    );
    expect(same.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "value" });
    const unregistered = await hub.graphql(
      CORRECT,
      {
        input: {
          dossierCode: again,
          expectedVersion: 1,
          personalId: husband.personalId,
          field: "PLACE_OF_BIRTH",
          value: "Hà Nội",
        },
      },
      { token: officer },
    );
    expect(unregistered.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "personalId" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("e2e > civil-status > registerMarriage and registerDeath", () => {
  it("marries two residents, refuses to marry a married person, and widows the survivor of a death", async () => {
    // A couple registers their marriage; later another man asks to marry the wife; then the husband dies.
    const code = await receive("1.000894", husband.personalId);
    const married = await hub.graphql(
      REGISTER_MARRIAGE,
      { input: { dossierCode: code, expectedVersion: 1, a: wife, b: husband } },
      { token: officer },
    );
    expect(married.body.errors).toBeUndefined();
    const wifeRecords = await records(wife.personalId);
    expect(wifeRecords.maritalStatus).toBe("MARRIED");
    expect(wifeRecords.marriages).toEqual([
      {
        registeredAt: "2026-07-01",
        endedOn: null,
        endReason: null,
        inForce: true,
        spouse: { personalId: husband.personalId, fullName: expect.any(String) },
        husband: { personalId: husband.personalId },
        wife: { personalId: wife.personalId },
      },
    ]);
    expect((await records(husband.personalId)).maritalStatus).toBe("MARRIED");

    const second = await receive("1.000894", rival.personalId);
    const before = await snapshot();
    const bigamy = await hub.graphql(
      REGISTER_MARRIAGE,
      { input: { dossierCode: second, expectedVersion: 1, a: rival, b: wife } },
      { token: officer },
    );
    expect(bigamy.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "b.personalId" });
    expect(await snapshot()).toEqual(before);

    const death = await receive("1.000656", wife.personalId);
    const died = await hub.graphql(
      REGISTER_DEATH,
      { input: { dossierCode: death, expectedVersion: 1, person: husband, diedOn: "2026-06-30" } },
      { token: officer },
    );
    // The register says the marriage was entered on 1 July: a death on 30 June contradicts it.
    expect(died.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "diedOn" });
    const diedToday = await hub.graphql(
      REGISTER_DEATH,
      { input: { dossierCode: death, expectedVersion: 1, person: husband, diedOn: "2026-07-01" } },
      { token: officer },
    );
    expect(diedToday.body.errors).toBeUndefined();
    const widow = await records(wife.personalId);
    expect(widow.maritalStatus).toBe("WIDOWED");
    expect(widow.marriages).toMatchObject([{ endedOn: "2026-07-01", endReason: "DEATH_OF_SPOUSE", inForce: false }]);
    expect((await records(husband.personalId)).death).toEqual({ diedOn: "2026-07-01" });

    // A death is registered once; a marriage certificate is refused to the deceased.
    const again = await receive("1.000656", wife.personalId);
    const beforeAgain = await snapshot();
    const twice = await hub.graphql(
      REGISTER_DEATH,
      { input: { dossierCode: again, expectedVersion: 1, person: husband, diedOn: "2026-07-01" } },
      { token: officer },
    );
    expect(twice.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "person.personalId" });
    const certificate = await receive("1.004873", husband.personalId);
    const forTheDead = await hub.graphql(
      ISSUE_CERTIFICATE,
      { input: { dossierCode: certificate, expectedVersion: 1, person: husband, purpose: "Kết hôn" } },
      { token: officer },
    );
    expect(forTheDead.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "person.personalId" });
    const afterAgain = await snapshot();
    // Only the new certificate dossier's receipt is new; nothing else changed.
    expect(afterAgain.death_registration).toEqual(beforeAgain.death_registration);
    expect(afterAgain.marital_status_certificate).toEqual(beforeAgain.marital_status_certificate);

    // The widow may marry again: her certificate says so.
    const widowCertificate = await receive("1.004873", wife.personalId);
    const certified = await hub.graphql<{ issueMaritalStatusCertificate: { result: { maritalStatus: string } } }>(
      ISSUE_CERTIFICATE,
      { input: { dossierCode: widowCertificate, expectedVersion: 1, person: wife, purpose: "Kết hôn" } },
      { token: officer },
    );
    expect(certified.body.data!.issueMaritalStatusCertificate.result.maritalStatus).toBe("WIDOWED");
  });
});

describe("e2e > civil-status > concurrent marriages", () => {
  it("lets only one of two desks marry the same woman at the same moment", async () => {
    // Two men file at two communes to marry the same woman; both officers press the button at once.
    const [groomA, groomB] = await adults("MALE", 4).then((men) => men.slice(2, 4));
    const [bride] = await adults("FEMALE", 2).then((women) => women.slice(1, 2));
    const hoanKiem = await hub.token({ ...PERSONAS.ungThienOfficer, sub: "officer-00070", communeCode: "00070" });
    const desks = [
      { token: officer, groom: groomA },
      { token: hoanKiem, groom: groomB },
    ];
    const dossiers: string[] = [];
    for (const desk of desks) {
      keys += 1;
      const res = await hub.graphql<{ receiveCivilStatusDossier: { code: string } }>(
        RECEIVE,
        {
          input: {
            idempotencyKey: `registers-${String(keys).padStart(4, "0")}`,
            procedureCode: "1.000894",
            applicantPersonalId: desk.groom.personalId,
          },
        },
        { token: desk.token },
      );
      dossiers.push(res.body.data!.receiveCivilStatusDossier.code);
    }
    const results = await Promise.all(
      desks.map((desk, i) =>
        hub.graphql(
          REGISTER_MARRIAGE,
          { input: { dossierCode: dossiers[i], expectedVersion: 1, a: desk.groom, b: bride } },
          { token: desk.token },
        ),
      ),
    );
    const outcomes = results.map((res) => (res.body.errors ? res.body.errors[0].extensions!.code : "OK")).sort();
    expect(outcomes).toEqual(["BAD_USER_INPUT", "OK"]);
    const marriages = await hub.civilStatus.database.dataSource.query(
      "SELECT COUNT(*) AS n FROM marriage_registration WHERE wife_personal_id = ?",
      [bride.personalId],
    );
    expect(Number(marriages[0].n)).toBe(1);
    const statuses = await hub.civilStatus.database.dataSource.query(
      `SELECT status FROM civil_status_dossier WHERE code IN (?, ?) ORDER BY status`,
      dossiers,
    );
    expect(statuses).toEqual([{ status: "ACCEPTED" }, { status: "COMPLETED" }]);
  });
});

describe("e2e > civil-status > issueExtractCopy", () => {
  it("copies an entry the register holds, and refuses a register with no entry for the person", async () => {
    // The widow asks for two copies of the marriage extract, then for a birth extract the commune never made.
    const code = await receive("2.000635", wife.personalId);
    const copied = await hub.graphql(
      ISSUE_COPY,
      {
        input: { dossierCode: code, expectedVersion: 1, personalId: wife.personalId, register: "MARRIAGE", copies: 2 },
      },
      { token: officer },
    );
    expect(copied.body.errors).toBeUndefined();
    expect(copied.body.data).toMatchObject({
      issueExtractCopy: {
        status: "COMPLETED",
        result: { __typename: "ExtractCopy", register: "MARRIAGE", copies: 2, personalId: wife.personalId },
      },
    });
    const other = await receive("2.000635", wife.personalId);
    const before = await snapshot();
    const missing = await hub.graphql(
      ISSUE_COPY,
      { input: { dossierCode: other, expectedVersion: 1, personalId: wife.personalId, register: "BIRTH" } },
      { token: officer },
    );
    expect(missing.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "register" });
    const tooMany = await hub.graphql(
      ISSUE_COPY,
      {
        input: {
          dossierCode: other,
          expectedVersion: 1,
          personalId: wife.personalId,
          register: "MARRIAGE",
          copies: 11,
        },
      },
      { token: officer },
    );
    expect(tooMany.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "copies" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("e2e > civil-status > a dossier completes only with its result", () => {
  it("refuses a plain move to COMPLETED, a result of another procedure, a stale version and another commune", async () => {
    // The desk tries shortcuts around the registers.
    const code = await receive("1.004873", wife.personalId);
    const before = await snapshot();
    const move = await hub.graphql(MOVE, { code, v: 1, to: "COMPLETED" }, { token: officer });
    expect(move.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
    expect(move.body.errors![0].message).toContain("issueMaritalStatusCertificate");
    const wrongPaper = await hub.graphql(
      ISSUE_COPY,
      { input: { dossierCode: code, expectedVersion: 1, personalId: wife.personalId, register: "MARRIAGE" } },
      { token: officer },
    );
    expect(wrongPaper.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "dossierCode" });
    const stale = await hub.graphql(
      ISSUE_CERTIFICATE,
      { input: { dossierCode: code, expectedVersion: 7, person: wife, purpose: "Kết hôn" } },
      { token: officer },
    );
    expect(stale.body.errors![0].extensions).toMatchObject({ code: "CONFLICT", field: "expectedVersion" });
    const outsider = await hub.token({ ...PERSONAS.ungThienOfficer, sub: "officer-00070", communeCode: "00070" });
    const elsewhere = await hub.graphql(
      ISSUE_CERTIFICATE,
      { input: { dossierCode: code, expectedVersion: 1, person: wife, purpose: "Kết hôn" } },
      { token: outsider },
    );
    expect(elsewhere.body.errors![0].extensions!.code).toBe("FORBIDDEN");
    const analyst = await hub.graphql(
      ISSUE_CERTIFICATE,
      { input: { dossierCode: code, expectedVersion: 1, person: wife, purpose: "Kết hôn" } },
      { token: await hub.token(PERSONAS.analyst) },
    );
    expect(analyst.body.errors![0].extensions!.code).toBe("FORBIDDEN");
    expect(await snapshot()).toEqual(before);
  });
});
