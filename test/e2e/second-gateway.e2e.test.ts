import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

import { devTokenVerifier } from "../../gateway/auth";
import { loadSavedOperations, type SavedOperation } from "../../gateway/graphiql";
import { limitSettings } from "../../gateway/limits";
import { type RunningHiveGateway, startHiveGateway } from "../../infra/hive/hive-gateway";
import { communesOfProvince } from "../../subgraphs/kit/admin-units";
import type { IdentityClaims } from "../../subgraphs/kit/caller";
import { loadConfig } from "../../subgraphs/kit/config";
import { type CitizenSeed, generateCitizens } from "../../subgraphs/kit/population";
import { DEV_SECRET, type GraphqlResponse, type Hub, PERSONAS, startHub } from "../support/hub";
import { ADMIN_UNITS_FILE, REPO_ROOT } from "../support/repo";

/**
 * The graph is not tied to one gateway engine: Hive Gateway, installed from npm, runs the committed
 * supergraph byte for byte beside our @apollo/gateway, over the same subgraphs, signing hand-offs
 * with the same key; every operation sent to both with the same token gets the same data, and its
 * errors the same codes on the same paths — a person across all four subgraphs, the city
 * dashboard over 126 communes, entities resolved across subgraphs, refusals, and a mutation whose
 * effect one gateway reads back after the other made it.
 */

jest.setTimeout(180_000);

const SUPERGRAPH_FILE = resolve(REPO_ROOT, "schema/supergraph.graphql");
const UNG_THIEN = "10369";

const officer = (communeCode: string, field: string): IdentityClaims => ({
  sub: `officer-${communeCode}-${field.toLowerCase()}`,
  role: "COMMUNE_OFFICER",
  communeCode,
  provinceCode: "01",
  fields: [field],
});
const LEADER: IdentityClaims = {
  sub: `leader-${UNG_THIEN}`,
  role: "COMMUNE_LEADER",
  communeCode: UNG_THIEN,
  provinceCode: "01",
  fields: ["CIVIL_STATUS", "LAND", "SOCIAL"],
};

let hub: Hub;
let hive: RunningHiveGateway;
let person: CitizenSeed;
let landDossierCode: string;

type Answer = GraphqlResponse["body"] & { status: number };

const ask = async (
  url: string,
  claims: IdentityClaims | undefined,
  query: string,
  variables = {},
  headers: Record<string, string> = {},
): Promise<Answer> => {
  const res = await hub.graphql(query, variables, {
    url,
    headers,
    token: claims ? await hub.token(claims) : undefined,
  });
  return { status: res.status, ...res.body };
};

/** What must agree between two engines: the status, the data, each error's code and path. */
const comparable = (answer: Answer) => ({
  status: answer.status,
  data: answer.data,
  errors: (answer.errors ?? [])
    .map((error) => ({ code: error.extensions?.code, path: error.path }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
});

/** Sends one operation to our gateway, then to Hive Gateway, with the same caller; both answers must agree. */
const onBoth = async (
  claims: IdentityClaims | undefined,
  query: string,
  variables = {},
  headers: Record<string, string> = {},
): Promise<Answer> => {
  const apollo = await ask(hub.gatewayUrl, claims, query, variables, headers);
  const second = await ask(hive.url, claims, query, variables, headers);
  expect(comparable(second)).toEqual(comparable(apollo));
  return apollo;
};

const savedOperation = (name: string): SavedOperation => {
  const operation = loadSavedOperations().find((saved) => saved.name === name);
  if (!operation) throw new Error(`no saved operation ${name}`);
  return operation;
};

/** Receives a dossier through our gateway, as the officer at the desk would. */
const receive = async (claims: IdentityClaims, mutation: string, inputType: string, procedureCode: string) => {
  const res = await ask(
    hub.gatewayUrl,
    claims,
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { code version } }`,
    {
      input: {
        idempotencyKey: `second-gateway-${procedureCode}`,
        procedureCode,
        applicantPersonalId: person.personalId,
      },
    },
  );
  expect(res.errors).toBeUndefined();
  return (res.data as Record<string, { code: string; version: number }>)[mutation];
};

const result = async (claims: IdentityClaims, mutation: string, inputType: string, input: Record<string, unknown>) => {
  const res = await ask(
    hub.gatewayUrl,
    claims,
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { code status } }`,
    { input },
  );
  expect(res.errors).toBeUndefined();
  expect((res.data as Record<string, { status: string }>)[mutation].status).toBe("COMPLETED");
};

beforeAll(async () => {
  hub = await startHub();
  hive = await startHiveGateway({
    supergraphFile: SUPERGRAPH_FILE,
    subgraphUrls: Object.fromEntries(Object.entries(hub.subgraphs).map(([name, subgraph]) => [name, subgraph.url])),
    handoffPrivateKeyFile: hub.keys.privateKeyFile,
    verifier: devTokenVerifier(DEV_SECRET),
    // The limits our gateway runs with in the hub: the development defaults.
    limits: loadConfig(limitSettings, { NODE_ENV: "test" }),
    handoffTtlSeconds: 30,
  });

  // A working-age resident of Ứng Thiên from the test population, given records in every field
  // at Ứng Thiên through our gateway: a civil-status dossier, a first land certificate, an allowance.
  person = [...generateCitizens(communesOfProvince(ADMIN_UNITS_FILE, "01"), "test")].find(
    (citizen) =>
      citizen.residenceCommuneCode === UNG_THIEN &&
      citizen.birthDate >= "1970-01-01" &&
      citizen.birthDate <= "2005-01-01",
  )!;
  await receive(
    officer(UNG_THIEN, "CIVIL_STATUS"),
    "receiveCivilStatusDossier",
    "ReceiveCivilStatusDossierInput",
    "1.004873",
  );

  const land = await receive(officer(UNG_THIEN, "LAND"), "receiveLandDossier", "ReceiveLandDossierInput", "1.013978");
  landDossierCode = land.code;
  await result(officer(UNG_THIEN, "LAND"), "registerFirstCertificate", "RegisterFirstCertificateInput", {
    dossierCode: land.code,
    expectedVersion: land.version,
    parcel: {
      mapUnitCode: UNG_THIEN,
      mapSheet: 41,
      parcelNumber: 12,
      areaM2: 180,
      address: "Thôn Đông, xã Ứng Thiên",
      uses: [{ landUseCode: "ONT", areaM2: 180 }],
    },
    certificate: { serial: "EV 410012", form: "GCN_2024" },
    holders: [{ personalId: person.personalId, role: "INDIVIDUAL" }],
  });

  const social = await receive(
    officer(UNG_THIEN, "SOCIAL"),
    "receiveSocialDossier",
    "ReceiveSocialDossierInput",
    "1.001776",
  );
  await result(officer(UNG_THIEN, "SOCIAL"), "grantAllowance", "GrantAllowanceInput", {
    dossierCode: social.code,
    expectedVersion: social.version,
    person: { personalId: person.personalId, birthDate: person.birthDate },
    groupCode: "ND20-5.6-DBN-ADULT",
    startMonth: "2026-05",
    decisionNo: "41/QĐ-UBND",
  });
});
afterAll(async () => {
  await hive?.close();
  await hub?.close();
});

describe("e2e > second gateway > Hive Gateway on the committed supergraph", () => {
  it("loads the committed supergraph byte for byte, the file our own gateway serves", () => {
    const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
    expect(sha256(Buffer.from(hive.supergraphSdl, "utf8"))).toBe(sha256(readFileSync(SUPERGRAPH_FILE)));
  });

  it("answers the Citizen 360 saved operation across registry, civil status, land and social alike", async () => {
    // The commune leader of Ứng Thiên reviews the person in every field.
    const citizen360 = savedOperation("Citizen360");
    const answer = await onBoth(LEADER, citizen360.query, { ...citizen360.variables, personalId: person.personalId });
    expect(answer.errors).toBeUndefined();
    const citizen = (
      answer.data as {
        citizen: {
          personalId: string;
          residence: { code: string; province: { code: string } };
          civilStatus: { maritalStatus: string } | null;
          land: { rights: { certificate: { serial: string } }[] } | null;
          social: { benefits: { groupCode: string }[] } | null;
        };
      }
    ).citizen;
    // Each subgraph's part is there, not merely equal on both sides.
    expect(citizen.personalId).toBe(person.personalId);
    expect([citizen.residence.code, citizen.residence.province.code]).toEqual([UNG_THIEN, "01"]);
    expect(citizen.civilStatus).not.toBeNull();
    expect(citizen.land?.rights.map((right) => right.certificate.serial)).toEqual(["EV 410012"]);
    expect(citizen.social?.benefits.map((benefit) => benefit.groupCode)).toEqual(["ND20-5.6-DBN-ADULT"]);
  });

  it("answers the CityDashboard saved operation over Hà Nội's 126 communes alike", async () => {
    const dashboard = savedOperation("CityDashboard");
    // The saved period is a month of the demo; this hub's desks work in July 2026.
    const answer = await onBoth(PERSONAS.hanoiCityOfficer, dashboard.query, {
      ...dashboard.variables,
      from: "2026-07-01",
      to: "2026-07-31",
      month: "2026-07",
    });
    expect(answer.errors).toBeUndefined();
    const province = (
      answer.data as {
        province: { communes: { code: string; land: { stats: { received: number } } }[] };
      }
    ).province;
    expect(province.communes).toHaveLength(126);
    expect(province.communes.find((commune) => commune.code === UNG_THIEN)!.land.stats.received).toBe(1);
  });

  it("resolves a dossier's applicant from the registry, and a dossier routed by the registry, alike", async () => {
    // A land dossier read from land, its applicant an entity of the registry.
    const landDossier = await onBoth(
      officer(UNG_THIEN, "LAND"),
      `query($code: ID!) { landDossier(code: $code) { code procedureCode status version
         applicant { personalId fullName birthDate residence { name province { name } } } } }`,
      { code: landDossierCode },
    );
    expect(landDossier.errors).toBeUndefined();
    expect(landDossier.data).toMatchObject({
      landDossier: { code: landDossierCode, status: "COMPLETED", applicant: { personalId: person.personalId } },
    });

    // The same dossier through the registry's router: an interface, its fields from land.
    const routed = await onBoth(
      officer(UNG_THIEN, "LAND"),
      `query($code: ID!) { dossier(code: $code) { __typename code supplementCount
         ... on LandDossier { status applicant { fullName } } } }`,
      { code: landDossierCode },
    );
    expect(routed.errors).toBeUndefined();
    expect(routed.data).toEqual({
      dossier: {
        __typename: "LandDossier",
        code: landDossierCode,
        supplementCount: 0,
        status: "COMPLETED",
        applicant: { fullName: person.fullName },
      },
    });
  });

  it("refuses another commune's officer the person's civil-status records with FORBIDDEN on the same paths", async () => {
    // Ba Đình's civil-status officer may look the person up, not at what Ứng Thiên holds of them.
    const answer = await onBoth(
      officer("00004", "CIVIL_STATUS"),
      `query($id: ID!, $from: Date!, $to: Date!) {
         citizen(personalId: $id) { personalId fullName civilStatus { maritalStatus birth { registeredAt } } }
         commune(code: "${UNG_THIEN}") { code civilStatus { stats(from: $from, to: $to) { received } } } }`,
      { id: person.personalId, from: "2026-07-01", to: "2026-07-31" },
    );
    expect(comparable(answer).errors).toEqual([
      { code: "FORBIDDEN", path: ["citizen", "civilStatus"] },
      { code: "FORBIDDEN", path: ["commune", "civilStatus", "stats"] },
    ]);
    expect(answer.data).toMatchObject({
      citizen: { personalId: person.personalId, civilStatus: null },
      commune: { code: UNG_THIEN, civilStatus: null },
    });
  });

  it("refuses a caller without a token, and a bad token, alike", async () => {
    const anonymous = await onBoth(undefined, `{ provinces { code } }`);
    expect(comparable(anonymous).errors).toEqual([{ code: "UNAUTHENTICATED", path: ["provinces"] }]);

    const forged = await Promise.all(
      [hub.gatewayUrl, hive.url].map((url) => hub.graphql(`{ provinces { code } }`, {}, { url, token: "not-a-token" })),
    );
    expect(forged.map((res) => [res.status, res.body.errors?.[0]?.extensions?.code])).toEqual([
      [401, "UNAUTHENTICATED"],
      [401, "UNAUTHENTICATED"],
    ]);
  });

  it("refuses what our request limits refuse, and a field the schema lacks, alike", async () => {
    // Lists nested in lists: billions of objects estimated, refused before any subgraph is asked.
    const costly = await onBoth(
      PERSONAS.hanoiCityOfficer,
      `{ provinces { communes { province { communes { province { communes { code } } } } } } }`,
    );
    expect(comparable(costly)).toMatchObject({ status: 400, data: undefined, errors: [{ code: "QUERY_TOO_COSTLY" }] });

    // A spec validation error. Asked with the GraphQL-over-HTTP media type, both answer 400; to a
    // client accepting only application/json, Hive Gateway answers 200 (as that spec allows) and
    // our gateway 400.
    const unknownField = await onBoth(
      PERSONAS.hanoiCityOfficer,
      `{ province(code: "01") { mayor } }`,
      {},
      {
        accept: "application/graphql-response+json",
      },
    );
    expect(comparable(unknownField)).toMatchObject({ status: 400, errors: [{ code: "GRAPHQL_VALIDATION_FAILED" }] });
  });

  it("receives a dossier through Hive Gateway, and our gateway replays and reads back the same dossier", async () => {
    // The same receipt, same idempotency key, sent to Hive Gateway first: our gateway's retry
    // gets the first result back, not a second dossier.
    const receipt = `mutation($input: ReceiveSocialDossierInput!) {
      receiveSocialDossier(input: $input) { code procedureCode status version channel receivedAt dueAt applicant { fullName } } }`;
    const input = {
      idempotencyKey: "second-gateway-hive-first",
      procedureCode: "1.001776",
      applicantPersonalId: person.personalId,
    };
    const social = officer(UNG_THIEN, "SOCIAL");
    const first = await ask(hive.url, social, receipt, { input });
    expect(first.errors).toBeUndefined();
    const dossier = (first.data as { receiveSocialDossier: { code: string; status: string } }).receiveSocialDossier;
    expect(dossier).toMatchObject({ status: "ACCEPTED", applicant: { fullName: person.fullName } });
    const retried = await ask(hub.gatewayUrl, social, receipt, { input });
    expect(comparable(retried)).toEqual(comparable(first));

    // Read back through both: the dossier Hive Gateway wrote, with its history, is the same dossier.
    const read = await onBoth(
      social,
      `query($code: ID!) { socialDossier(code: $code) { code status version applicant { personalId }
         history { fromStatus toStatus actor role note } } }`,
      { code: dossier.code },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data).toMatchObject({
      socialDossier: {
        code: dossier.code,
        status: "ACCEPTED",
        version: 1,
        history: [{ fromStatus: null, toStatus: "ACCEPTED", actor: social.sub }],
      },
    });
  });
});
