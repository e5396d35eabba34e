import type { SubgraphUnderTest } from "../support/subgraph";
import {
  ANH,
  BINH,
  CHI,
  codeOf,
  counts,
  DOSSIER_FIELDS,
  DUNG,
  fieldOf,
  oneMoreReceipt,
  PEOPLE,
  receive,
  registerFirst,
  startLandForTest,
  UNG_THIEN,
} from "./support";

let land: SubgraphUnderTest;

beforeAll(async () => {
  land = await startLandForTest();
});

afterAll(async () => {
  await land?.close();
});

const PARCEL_QUERY = `query($u: ID!, $s: Int!, $n: Int!) {
  landParcel(mapUnitCode: $u, mapSheet: $s, parcelNumber: $n) {
    areaM2 active uses { landUseCode areaM2 termUntil }
    certificates { serial status holders { role deceasedOn citizen { personalId } } endorsements { kind } }
    encumbrances { kind blocksTransfer until }
    permits { kind startDeadline extensions }
  }
}`;

const parcelOf = async (sheet: number, number: number) =>
  (
    await land.graphql<{ landParcel: Record<string, unknown> }>(PEOPLE.officer, PARCEL_QUERY, {
      u: UNG_THIEN,
      s: sheet,
      n: number,
    })
  ).body;

const TRANSFER = `mutation($input: RegisterTransferInput!) { registerTransfer(input: $input) { ${DOSSIER_FIELDS} } }`;

const transfer = async (
  sheet: number,
  number: number,
  from: string,
  to: string,
  oldSerial: string,
  newSerial: string,
) => {
  const dossier = await receive(land, "1.013831", to);
  return land.graphql<{ registerTransfer: { status: string } }>(PEOPLE.officer, TRANSFER, {
    input: {
      dossierCode: dossier.code,
      expectedVersion: dossier.version,
      parcel: { mapUnitCode: UNG_THIEN, mapSheet: sheet, parcelNumber: number },
      kind: "SALE",
      certificateSerial: oldSerial,
      transferorIds: [from],
      transferees: [{ personalId: to, role: "INDIVIDUAL" }],
      newCertificate: { serial: newSerial },
    },
  });
};

describe("land > receiveLandDossier", () => {
  it("fixes a house permit's due date 7 working days on, and refuses a case the procedure does not have", async () => {
    const house = await receive(land, "1.013225", ANH, { caseKey: "INDIVIDUAL_HOUSE" });
    // Accepted Wed 1 Jul 2026 08:30: 7 working days end on Fri 10 Jul.
    expect(house.dueAt.slice(0, 10)).toBe("2026-07-10");
    const works = await receive(land, "1.013225", ANH, { caseKey: "OTHER_WORKS" });
    expect(works.dueAt.slice(0, 10)).toBe("2026-07-15");
    const res = await land.graphql(
      PEOPLE.officer,
      `mutation($input: ReceiveLandDossierInput!) { receiveLandDossier(input: $input) { code } }`,
      {
        input: {
          idempotencyKey: "land-bad-case-1",
          procedureCode: "1.013831",
          applicantPersonalId: ANH,
          caseKey: "CASE_H",
        },
      },
    );
    expect(codeOf(res.body.errors)).toBe("BAD_USER_INPUT");
    expect(fieldOf(res.body.errors)).toBe("caseKey");
    expect(res.body.errors?.[0].message).toMatch(/1\.013831 has no case "CASE_H"/);
  });
});

describe("land > registerFirstCertificate", () => {
  it("registers the parcel with its uses and issues a valid certificate to the holders, completing the dossier", async () => {
    const res = await registerFirst(land, { mapSheet: 901, parcelNumber: 1 }, "AA 100001", [
      { personalId: ANH, role: "HUSBAND" },
      { personalId: BINH, role: "WIFE" },
    ]);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.registerFirstCertificate.status).toBe("COMPLETED");
    const parcel = await parcelOf(901, 1);
    expect(parcel.data?.landParcel).toEqual({
      areaM2: 250.5,
      active: true,
      uses: [
        { landUseCode: "ONT", areaM2: 150, termUntil: null },
        { landUseCode: "CLN", areaM2: 100.5, termUntil: "2076-07-01" },
      ],
      certificates: [
        {
          serial: "AA 100001",
          status: "VALID",
          holders: [
            { role: "HUSBAND", deceasedOn: null, citizen: { personalId: ANH } },
            { role: "WIFE", deceasedOn: null, citizen: { personalId: BINH } },
          ],
          endorsements: [],
        },
      ],
      encumbrances: [],
      permits: [],
    });
  });

  it.each([
    [
      "uses larger than the parcel",
      { areaM2: 100, uses: [{ landUseCode: "ONT", areaM2: 150 }] },
      [{ personalId: CHI, role: "INDIVIDUAL" }],
      "parcel.uses",
    ],
    [
      "an area of 0",
      { areaM2: 0, uses: [{ landUseCode: "ONT", areaM2: 0 }] },
      [{ personalId: CHI, role: "INDIVIDUAL" }],
      "parcel.areaM2",
    ],
    ["an unknown holder", {}, [{ personalId: "999999999999", role: "INDIVIDUAL" }], "holders[0].personalId"],
  ])("refuses %s, naming the field and changing nothing", async (_what, parcel, holders, field) => {
    const before = await counts(land);
    const res = await registerFirst(land, { mapSheet: 902, parcelNumber: 1, ...parcel }, "AA 100009", holders);
    expect(codeOf(res.body.errors)).toBe("BAD_USER_INPUT");
    expect(fieldOf(res.body.errors)).toBe(field);
    expect(await counts(land)).toEqual(oneMoreReceipt(before));
  });

  it("refuses a second valid certificate for one parcel", async () => {
    const before = await counts(land);
    const res = await registerFirst(land, { mapSheet: 901, parcelNumber: 1 }, "AA 100002", [
      { personalId: CHI, role: "INDIVIDUAL" },
    ]);
    expect(fieldOf(res.body.errors)).toBe("parcel");
    expect(res.body.errors?.[0].message).toMatch(/already has the valid certificate AA 100001/);
    expect(await counts(land)).toEqual(oneMoreReceipt(before));
  });

  it("answers NOT_FOUND for an unknown dossier, FORBIDDEN to another commune, another field and analysts", async () => {
    const input = (dossierCode: string, version: number) => ({
      input: {
        dossierCode,
        expectedVersion: version,
        parcel: {
          mapUnitCode: UNG_THIEN,
          mapSheet: 903,
          parcelNumber: 1,
          areaM2: 100,
          uses: [{ landUseCode: "ONT", areaM2: 100 }],
        },
        certificate: { serial: "AA 100003" },
        holders: [{ personalId: CHI, role: "INDIVIDUAL" }],
      },
    });
    const query = `mutation($input: RegisterFirstCertificateInput!) { registerFirstCertificate(input: $input) { code } }`;
    const missing = await land.graphql(PEOPLE.officer, query, input("10369.DD-260701-9999", 1));
    expect(codeOf(missing.body.errors)).toBe("NOT_FOUND");
    const dossier = await receive(land, "1.013978", CHI);
    const before = await counts(land);
    for (const caller of [PEOPLE.otherOfficer, PEOPLE.civilStatusOfficer, PEOPLE.analyst, PEOPLE.cityOfficer]) {
      const res = await land.graphql(caller, query, input(dossier.code, dossier.version));
      expect([caller.sub, codeOf(res.body.errors)]).toEqual([caller.sub, "FORBIDDEN"]);
    }
    expect(await counts(land)).toEqual(before);
    const allowed = await land.graphql<{ registerFirstCertificate: { code: string } }>(
      PEOPLE.leader,
      query,
      input(dossier.code, dossier.version),
    );
    expect(allowed.body.data?.registerFirstCertificate.code).toBe(dossier.code);
  });
});

describe("land > registerTransfer", () => {
  beforeAll(async () => {
    await registerFirst(land, { mapSheet: 910, parcelNumber: 1 }, "AB 200001", [
      { personalId: ANH, role: "INDIVIDUAL" },
    ]);
    await registerFirst(land, { mapSheet: 910, parcelNumber: 2 }, "AB 200002", [
      { personalId: ANH, role: "INDIVIDUAL" },
    ]);
    await registerFirst(
      land,
      {
        mapSheet: 910,
        parcelNumber: 3,
        areaM2: 500,
        uses: [{ landUseCode: "LUC", areaM2: 500, termUntil: "2020-12-31" }],
      },
      "AB 200003",
      [{ personalId: ANH, role: "INDIVIDUAL" }],
    );
  });

  it("replaces the certificate: the old one REPLACED, a new VALID one for the transferee, endorsed", async () => {
    const res = await transfer(910, 1, ANH, CHI, "AB 200001", "AB 200011");
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.registerTransfer.status).toBe("COMPLETED");
    const parcel = (await parcelOf(910, 1)).data?.landParcel as { certificates: unknown[] };
    expect(parcel.certificates).toEqual([
      {
        serial: "AB 200011",
        status: "VALID",
        holders: [{ role: "INDIVIDUAL", deceasedOn: null, citizen: { personalId: CHI } }],
        endorsements: [{ kind: "SALE" }],
      },
      {
        serial: "AB 200001",
        status: "REPLACED",
        holders: [{ role: "INDIVIDUAL", deceasedOn: null, citizen: { personalId: ANH } }],
        endorsements: [],
      },
    ]);
  });

  it("refuses a certificate that is no longer valid, changing nothing", async () => {
    const before = await counts(land);
    const res = await transfer(910, 1, ANH, DUNG, "AB 200001", "AB 200012");
    expect(fieldOf(res.body.errors)).toBe("certificateSerial");
    expect(res.body.errors?.[0].message).toMatch(/AB 200001 is REPLACED/);
    expect(await counts(land)).toEqual(oneMoreReceipt(before));
  });

  it("refuses a parcel under a blocking mortgage until the mortgage is released", async () => {
    const recorded = await land.graphql<{
      recordLandEncumbrance: { id: string; kind: string; blocksTransfer: boolean };
    }>(
      PEOPLE.officer,
      `mutation($input: RecordEncumbranceInput!) { recordLandEncumbrance(input: $input) { id kind blocksTransfer } }`,
      {
        input: {
          idempotencyKey: "mortgage-910-2",
          parcel: { mapUnitCode: UNG_THIEN, mapSheet: 910, parcelNumber: 2 },
          kind: "MORTGAGE",
          from: "2026-06-01",
          reference: "HĐTC 12/2026",
        },
      },
    );
    expect(recorded.body.data?.recordLandEncumbrance).toMatchObject({ kind: "MORTGAGE", blocksTransfer: true });
    const before = await counts(land);
    const refused = await transfer(910, 2, ANH, CHI, "AB 200002", "AB 200021");
    expect(fieldOf(refused.body.errors)).toBe("parcel");
    expect(refused.body.errors?.[0].message).toMatch(/a mortgage \(thế chấp\)/);
    expect(await counts(land)).toEqual(oneMoreReceipt(before));
    const id = recorded.body.data?.recordLandEncumbrance.id;
    const released = await land.graphql<{ releaseLandEncumbrance: { until: string } }>(
      PEOPLE.officer,
      `mutation($id: ID!) { releaseLandEncumbrance(id: $id, on: "2026-07-01") { until } }`,
      { id },
    );
    expect(released.body.data?.releaseLandEncumbrance.until).toBe("2026-07-01");
    const allowed = await transfer(910, 2, ANH, CHI, "AB 200002", "AB 200022");
    expect(allowed.body.data?.registerTransfer.status).toBe("COMPLETED");
  });

  it("refuses land past its term", async () => {
    const res = await transfer(910, 3, ANH, CHI, "AB 200003", "AB 200031");
    expect(fieldOf(res.body.errors)).toBe("parcel");
    expect(res.body.errors?.[0].message).toMatch(/ended on 2020-12-31/);
  });

  it("answers NOT_FOUND for a parcel the register does not have", async () => {
    const res = await transfer(999, 99, ANH, CHI, "AB 200001", "AB 299999");
    expect(codeOf(res.body.errors)).toBe("NOT_FOUND");
    expect(fieldOf(res.body.errors)).toBe("parcel");
  });

  it("lets exactly one of two desks transferring the same parcel at once succeed", async () => {
    await registerFirst(land, { mapSheet: 911, parcelNumber: 1 }, "AC 300001", [
      { personalId: ANH, role: "INDIVIDUAL" },
    ]);
    const [a, b] = await Promise.all([receive(land, "1.013831", CHI), receive(land, "1.013831", DUNG)]);
    const send = (dossier: { code: string; version: number }, to: string, serial: string) =>
      land.graphql(PEOPLE.officer, TRANSFER, {
        input: {
          dossierCode: dossier.code,
          expectedVersion: dossier.version,
          parcel: { mapUnitCode: UNG_THIEN, mapSheet: 911, parcelNumber: 1 },
          kind: "SALE",
          certificateSerial: "AC 300001",
          transferorIds: [ANH],
          transferees: [{ personalId: to, role: "INDIVIDUAL" }],
          newCertificate: { serial },
        },
      });
    const results = await Promise.all([send(a, CHI, "AC 300002"), send(b, DUNG, "AC 300003")]);
    const succeeded = results.filter((res) => !res.body.errors);
    const failed = results.filter((res) => res.body.errors);
    expect(succeeded).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(["BAD_USER_INPUT", "CONFLICT"]).toContain(codeOf(failed[0].body.errors));
    const parcel = (await parcelOf(911, 1)).data?.landParcel as { certificates: { status: string }[] };
    expect(parcel.certificates.filter((certificate) => certificate.status === "VALID")).toHaveLength(1);
    expect(parcel.certificates).toHaveLength(2);
  });
});

describe("land > splitParcel", () => {
  it("refuses a split in Hà Nội, whose minimum split area is not configured, changing nothing", async () => {
    await registerFirst(
      land,
      { mapSheet: 920, parcelNumber: 1, areaM2: 300, uses: [{ landUseCode: "ONT", areaM2: 300 }] },
      "AD 400001",
      [{ personalId: ANH, role: "INDIVIDUAL" }],
    );
    const dossier = await receive(land, "1.012784", ANH);
    const before = await counts(land);
    const res = await land.graphql(
      PEOPLE.officer,
      `mutation($input: SplitParcelInput!) { splitParcel(input: $input) { code } }`,
      {
        input: {
          dossierCode: dossier.code,
          expectedVersion: dossier.version,
          parcel: { mapUnitCode: UNG_THIEN, mapSheet: 920, parcelNumber: 1 },
          zone: "COMMUNE",
          parts: [
            { parcelNumber: 2, areaM2: 150, landUseCode: "ONT", serial: "AD 400002" },
            { parcelNumber: 3, areaM2: 150, landUseCode: "ONT", serial: "AD 400003" },
          ],
        },
      },
    );
    expect(codeOf(res.body.errors)).toBe("BAD_USER_INPUT");
    expect(fieldOf(res.body.errors)).toBe("zone");
    expect(res.body.errors?.[0].message).toMatch(/minimum split area is not configured for province 01/);
    expect(await counts(land)).toEqual(before);
  });
});

describe("land > construction permits", () => {
  const PERMIT = `mutation($input: IssueConstructionPermitInput!) { issueConstructionPermit(input: $input) { ${DOSSIER_FIELDS} } }`;
  const permitInput = (dossier: { code: string; version: number }, sheet: number) => ({
    input: {
      dossierCode: dossier.code,
      expectedVersion: dossier.version,
      parcel: { mapUnitCode: UNG_THIEN, mapSheet: sheet, parcelNumber: 1 },
      kind: "NEW",
      workType: "INDIVIDUAL_HOUSE",
      floors: 3,
      groundFloorAreaM2: 80,
      grossFloorAreaM2: 240,
    },
  });

  beforeAll(async () => {
    await registerFirst(land, { mapSheet: 930, parcelNumber: 1 }, "AE 500001", [
      { personalId: DUNG, role: "INDIVIDUAL" },
    ]);
    await registerFirst(
      land,
      { mapSheet: 931, parcelNumber: 1, areaM2: 500, uses: [{ landUseCode: "LUC", areaM2: 500 }] },
      "AE 500002",
      [{ personalId: DUNG, role: "INDIVIDUAL" }],
    );
  });

  it("refuses a house on a parcel with no residential land", async () => {
    const dossier = await receive(land, "1.013225", DUNG, { caseKey: "INDIVIDUAL_HOUSE" });
    const before = await counts(land);
    const res = await land.graphql(PEOPLE.officer, PERMIT, permitInput(dossier, 931));
    expect(fieldOf(res.body.errors)).toBe("parcel");
    expect(res.body.errors?.[0].message).toMatch(/needs residential land \(ONT or ODT\)/);
    expect(await counts(land)).toEqual(before);
  });

  it("issues a permit due to start within 12 months, extends it twice and refuses a third extension", async () => {
    const dossier = await receive(land, "1.013225", DUNG, { caseKey: "INDIVIDUAL_HOUSE" });
    const res = await land.graphql(PEOPLE.officer, PERMIT, permitInput(dossier, 930));
    expect(res.body.errors).toBeUndefined();
    const permits = async () =>
      (
        (await parcelOf(930, 1)).data?.landParcel as {
          permits: { id?: string; startDeadline: string; extensions: number }[];
        }
      ).permits;
    expect(await permits()).toEqual([{ kind: "NEW", startDeadline: "2027-07-01", extensions: 0 }]);
    const [row] = (await land.service.database.dataSource.query(
      "SELECT id FROM construction_permit WHERE dossier_code = ?",
      [dossier.code],
    )) as { id: number }[];
    const extend = async () => {
      const extension = await receive(land, "1.013227", DUNG);
      return land.graphql(
        PEOPLE.officer,
        `mutation($input: ExtendConstructionPermitInput!) { extendConstructionPermit(input: $input) { status } }`,
        { input: { dossierCode: extension.code, expectedVersion: extension.version, permitId: String(row.id) } },
      );
    };
    expect((await extend()).body.errors).toBeUndefined();
    expect((await extend()).body.errors).toBeUndefined();
    expect(await permits()).toEqual([{ kind: "NEW", startDeadline: "2029-07-01", extensions: 2 }]);
    const before = await counts(land);
    const third = await extend();
    expect(fieldOf(third.body.errors)).toBe("permitId");
    expect(third.body.errors?.[0].message).toMatch(/extended at most 2 times/);
    expect(await counts(land)).toEqual({ ...before, dossier_transition: before.dossier_transition + 1 });
  });
});
