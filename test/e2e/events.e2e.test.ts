import { mintDevToken } from "../../gateway/auth";
import type { IdentityClaims } from "../../subgraphs/kit/caller";
import { loadServicePrivateKey, signServiceToken } from "../../subgraphs/kit/events/service-token";
import { Citizen } from "../../subgraphs/registry/entities/citizen";
import { DEV_SECRET, type Hub, PERSONAS, startHub } from "../support/hub";

/**
 * Civil status's events reach the fields that act on them (DESIGN §3): a registered birth makes the
 * child a citizen of the population reference, a registered death marks the citizen deceased and
 * flags the land rights they held. Only the services that consume the feed may read it, each with
 * its own identity.
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

const feedUrl = () => new URL("/events", hub.civilStatus.url).toString();

const receive = async (
  mutation: string,
  inputType: string,
  claims: IdentityClaims,
  procedureCode: string,
  applicant: string,
) => {
  keys += 1;
  const res = await hub.graphql<Record<string, { code: string; version: number }>>(
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { code version } }`,
    { input: { idempotencyKey: `events-e2e-${keys}`, procedureCode, applicantPersonalId: applicant } },
    { token: await hub.token(claims) },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data![mutation];
};

const civilStatus = async (
  mutation: string,
  inputType: string,
  procedureCode: string,
  input: Record<string, unknown>,
) => {
  const dossier = await receive(
    "receiveCivilStatusDossier",
    "ReceiveCivilStatusDossierInput",
    PERSONAS.ungThienOfficer,
    procedureCode,
    residents[0].personalId,
  );
  const res = await hub.graphql(
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { code status } }`,
    { input: { dossierCode: dossier.code, expectedVersion: dossier.version, ...input } },
    { token: await hub.token(PERSONAS.ungThienOfficer) },
  );
  expect(res.body.errors).toBeUndefined();
};

beforeAll(async () => {
  hub = await startHub();
  residents = await hub.registry.database.dataSource.manager.find(Citizen, {
    where: { residenceCommuneCode: "10369" },
    order: { personalId: "ASC" },
    take: 10,
  });
});
afterAll(() => hub?.close());

describe("e2e > events > the feed", () => {
  const read = (token?: string, query = "?after=0&limit=10") =>
    fetch(`${feedUrl()}${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("answers the services that consume it, with their own key, and refuses everyone else", async () => {
    const registryKey = await loadServicePrivateKey(hub.envOf("registry").SERVICE_KEY_FILE!);
    const landKey = await loadServicePrivateKey(hub.envOf("land").SERVICE_KEY_FILE!);
    const allowed = await read(await signServiceToken(registryKey, "registry", "civil-status"));
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ producer: "civil-status", events: expect.any(Array) });

    const refusals = await Promise.all([
      read().then((res) => res.status),
      // A user's token, even an administrator's.
      hub
        .token(PERSONAS.admin)
        .then(read)
        .then((res) => res.status),
      mintDevToken(DEV_SECRET, PERSONAS.admin, 60)
        .then(read)
        .then((res) => res.status),
      // Land's key claiming to be the registry; a token for another producer.
      signServiceToken(landKey, "registry", "civil-status")
        .then(read)
        .then((res) => res.status),
      signServiceToken(registryKey, "registry", "land")
        .then(read)
        .then((res) => res.status),
      // The civil-status service itself is not among its feed's readers.
      signServiceToken(registryKey, "civil-status", "civil-status")
        .then(read)
        .then((res) => res.status),
    ]);
    expect(refusals).toEqual([401, 403, 403, 403, 403, 403]);
    const bad = await read(await signServiceToken(registryKey, "registry", "civil-status"), "?after=-1");
    expect(bad.status).toBe(400);
  });
});

describe("e2e > events > registry", () => {
  it("makes a newborn a citizen, found by personal ID and through the birth's citizen field", async () => {
    const child = { personalId: "001326777701", fullName: "Nguyễn Thị Mai", gender: "FEMALE", birthDate: "2026-06-20" };
    const before = await hub.graphql(
      `query($id: ID!) { citizen(personalId: $id) { fullName } }`,
      { id: child.personalId },
      {
        token: await hub.token(PERSONAS.ungThienOfficer),
      },
    );
    expect(before.body.errors![0].extensions!.code).toBe("NOT_FOUND");

    await civilStatus("registerBirth", "RegisterBirthInput", "1.001193", {
      child: { ...child, fullName: child.fullName.normalize("NFD") },
      placeOfBirth: "Trạm y tế xã Ứng Thiên",
    });
    await hub.caughtUp();
    const token = await hub.token(PERSONAS.ungThienOfficer);
    const found = await hub.graphql(
      `query($id: ID!) { citizen(personalId: $id) { personalId fullName gender birthDate deceasedOn residence { code }
        civilStatus { birth { citizen { personalId fullName } } } } }`,
      { id: child.personalId },
      { token },
    );
    expect(found.body).toEqual({
      data: {
        citizen: {
          personalId: child.personalId,
          fullName: "Nguyễn Thị Mai",
          gender: "FEMALE",
          birthDate: "2026-06-20",
          deceasedOn: null,
          residence: { code: "10369" },
          civilStatus: { birth: { citizen: { personalId: child.personalId, fullName: "Nguyễn Thị Mai" } } },
        },
      },
    });
    // Stored NFC, found by a folded search.
    const row = await hub.registry.database.dataSource.manager.findOneByOrFail(Citizen, {
      personalId: child.personalId,
    });
    expect([row.fullName === row.fullName.normalize("NFC"), row.searchName]).toEqual([true, "nguyen thi mai"]);
  });

  it("marks the deceased, and flags the land rights they held, from the date of death", async () => {
    const person = residents[3];
    // The person holds a certificate in the land register of Ứng Thiên.
    const land = await receive(
      "receiveLandDossier",
      "ReceiveLandDossierInput",
      LAND_OFFICER,
      "1.013978",
      person.personalId,
    );
    const registered = await hub.graphql(
      `mutation($input: RegisterFirstCertificateInput!) { registerFirstCertificate(input: $input) { status } }`,
      {
        input: {
          dossierCode: land.code,
          expectedVersion: land.version,
          parcel: {
            mapUnitCode: "10369",
            mapSheet: 77,
            parcelNumber: 7,
            areaM2: 200,
            address: "Thôn Đông, xã Ứng Thiên",
            uses: [{ landUseCode: "ONT", areaM2: 200 }],
          },
          certificate: { serial: "EV 700001", form: "GCN_2024" },
          holders: [{ personalId: person.personalId, role: "INDIVIDUAL" }],
        },
      },
      { token: await hub.token(LAND_OFFICER) },
    );
    expect(registered.body.errors).toBeUndefined();

    await civilStatus("registerDeath", "RegisterDeathInput", "1.000656", {
      person: { personalId: person.personalId, gender: person.gender, birthDate: person.birthDate },
      diedOn: "2026-06-28",
    });
    await hub.caughtUp();
    const read = await hub.graphql(
      `query($id: ID!) { citizen(personalId: $id) { deceasedOn } commune(code: "10369") { land { rightsOfDeceased(first: 10) { deceasedOn validCertificate { serial } citizen { personalId } } } } }`,
      { id: person.personalId },
      { token: await hub.token({ ...LAND_OFFICER, fields: ["LAND", "CIVIL_STATUS"] }) },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data).toEqual({
      citizen: { deceasedOn: "2026-06-28" },
      commune: {
        land: {
          rightsOfDeceased: [
            {
              deceasedOn: "2026-06-28",
              validCertificate: { serial: "EV 700001" },
              citizen: { personalId: person.personalId },
            },
          ],
        },
      },
    });
  });

  it("publishes each consumer's position and lag in /metrics", async () => {
    await hub.caughtUp();
    const metrics = await (await fetch(new URL("/metrics", hub.registry.url))).text();
    const value = (name: string) =>
      Number(new RegExp(`^${name}\\{producer="civil-status"\\} (\\S+)$`, "m").exec(metrics)?.[1]);
    expect(value("event_consumer_lag_events")).toBe(0);
    expect(value("event_consumer_position")).toBe(value("event_consumer_head"));
    expect(value("event_consumer_position")).toBeGreaterThanOrEqual(2);
  });
});
