import type { SubgraphUnderTest } from "../support/subgraph";
import { ANH, BINH, citizen, codeOf, PEOPLE, receive, registerFirst, startLandForTest, UNG_THIEN } from "./support";

let land: SubgraphUnderTest;

beforeAll(async () => {
  land = await startLandForTest();
  await registerFirst(land, { mapSheet: 940, parcelNumber: 1 }, "BA 100001", [{ personalId: ANH, role: "INDIVIDUAL" }]);
});

afterAll(async () => {
  await land?.close();
});

const PARCEL = `query { landParcel(mapUnitCode: "${UNG_THIEN}", mapSheet: 940, parcelNumber: 1) { areaM2 validCertificate { serial } } }`;

const auditRows = (operation: string) =>
  land.service.database.dataSource.query(
    "SELECT actor, entity_type AS type, entity_id AS id, outcome FROM audit_event WHERE operation = ? ORDER BY id",
    [operation],
  ) as Promise<{ actor: string; type: string; id: string; outcome: string }[]>;

describe("land > landParcel", () => {
  it("shows the parcel to its desk, its city officers and its holder; refuses others; audits every read", async () => {
    for (const caller of [PEOPLE.officer, PEOPLE.cityOfficer, citizen(ANH), PEOPLE.admin]) {
      const res = await land.graphql(caller, PARCEL);
      expect([caller.sub, res.body.data]).toEqual([
        caller.sub,
        { landParcel: { areaM2: 250.5, validCertificate: { serial: "BA 100001" } } },
      ]);
    }
    for (const caller of [PEOPLE.analyst, PEOPLE.otherOfficer, PEOPLE.civilStatusOfficer, citizen(BINH)]) {
      const res = await land.graphql(caller, PARCEL);
      expect([caller.sub, codeOf(res.body.errors), res.body.data?.landParcel ?? null]).toEqual([
        caller.sub,
        "FORBIDDEN",
        null,
      ]);
    }
    const rows = (await auditRows("parcel.read")).filter((row) => row.type === "Citizen");
    expect(rows.map((row) => [row.actor, row.id, row.outcome])).toEqual([
      ["land-officer-10369", ANH, "ALLOWED"],
      ["city-01", ANH, "ALLOWED"],
      [`citizen-${ANH}`, ANH, "ALLOWED"],
      ["admin-01", ANH, "ALLOWED"],
      ["analyst-01", ANH, "DENIED"],
      ["land-officer-00004", ANH, "DENIED"],
      ["cs-officer-10369", ANH, "DENIED"],
      [`citizen-${BINH}`, ANH, "DENIED"],
    ]);
  });

  it("answers NOT_FOUND for a parcel the register does not have", async () => {
    const res = await land.graphql(
      PEOPLE.officer,
      `query { landParcel(mapUnitCode: "${UNG_THIEN}", mapSheet: 999, parcelNumber: 1) { areaM2 } }`,
    );
    expect(codeOf(res.body.errors)).toBe("NOT_FOUND");
  });
});

describe("land > _entities", () => {
  it("refuses a land dossier to an analyst and audits the denial", async () => {
    const dossier = await receive(land, "1.013831", ANH);
    const res = await land.graphql(
      PEOPLE.analyst,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on LandDossier { code } } }`,
      { r: [{ __typename: "LandDossier", code: dossier.code }] },
    );
    expect(codeOf(res.body.errors)).toBe("FORBIDDEN");
    expect(res.body.data).toEqual({ _entities: [null] });
    const rows = await auditRows("dossier.read");
    expect(rows.map((row) => [row.actor, row.type, row.id, row.outcome])).toEqual([
      ["analyst-01", "LandDossier", dossier.code, "DENIED"],
    ]);
  });
});

describe("land > Citizen.land", () => {
  const CITIZEN_LAND = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { land {
    rights { role deceasedOn certificate { serial status } parcel { mapSheet parcelNumber } }
    dossiers { nodes { procedureCode } }
    accessLog(first: 100) { nodes { actor operation outcome } }
  } } } }`;

  it("lets a citizen read their own rights and who read them; another citizen gets FORBIDDEN", async () => {
    const res = await land.graphql<{ _entities: { land: Record<string, { nodes?: unknown[] } & unknown> }[] }>(
      citizen(ANH),
      CITIZEN_LAND,
      { r: [{ __typename: "Citizen", personalId: ANH }] },
    );
    expect(res.body.errors).toBeUndefined();
    const mine = res.body.data?._entities[0].land as unknown as {
      rights: unknown[];
      dossiers: { nodes: { procedureCode: string }[] };
      accessLog: { nodes: { actor: string; operation: string; outcome: string }[] };
    };
    expect(mine.rights).toEqual([
      {
        role: "INDIVIDUAL",
        deceasedOn: null,
        certificate: { serial: "BA 100001", status: "VALID" },
        parcel: { mapSheet: 940, parcelNumber: 1 },
      },
    ]);
    expect(mine.dossiers.nodes.map((node) => node.procedureCode).sort()).toEqual(["1.013831", "1.013978"]);
    expect(mine.accessLog.nodes).toContainEqual({
      actor: "land-officer-10369",
      operation: "land.issue.FIRST_CERTIFICATE",
      outcome: "ALLOWED",
    });
    expect(mine.accessLog.nodes).toContainEqual({ actor: "analyst-01", operation: "parcel.read", outcome: "DENIED" });
    const other = await land.graphql(
      citizen(BINH),
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { land { rights { role } } } } }`,
      {
        r: [{ __typename: "Citizen", personalId: ANH }],
      },
    );
    expect(codeOf(other.body.errors)).toBe("FORBIDDEN");
    expect(other.body.data).toEqual({ _entities: [{ land: null }] });
  });
});

describe("land > LandDesk.registerStats", () => {
  const STATS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Commune { code land {
    registerStats(from: "2000-01-01", to: "2026-12-31") { certificatesIssued transfers permitsIssued permitsByKind { kind count } } } } } }`;

  it("costs the same statements for one commune as for many, and counts Ứng Thiên's first certificate", async () => {
    const communes = (await land.service.database.dataSource.query(
      "SELECT DISTINCT commune_code AS c FROM land_parcel ORDER BY commune_code",
    )) as { c: string }[];
    expect(communes.length).toBe(126);
    const run = async (codes: string[]) => {
      const before = await land.statements();
      const res = await land.graphql<{
        _entities: { code: string; land: { registerStats: { certificatesIssued: number } } }[];
      }>(PEOPLE.admin, STATS, { r: codes.map((code) => ({ __typename: "Commune", code })) });
      expect(res.body.errors).toBeUndefined();
      return { statements: (await land.statements()) - before, data: res.body.data?._entities ?? [] };
    };
    const one = await run([UNG_THIEN]);
    const many = await run(communes.map((row) => row.c));
    expect(many.statements).toBe(one.statements);
    expect(many.data).toHaveLength(126);
    const [row] = (await land.service.database.dataSource.query(
      "SELECT COUNT(*) AS n FROM land_certificate WHERE commune_code = ?",
      [UNG_THIEN],
    )) as { n: number }[];
    expect(one.data[0].land.registerStats.certificatesIssued).toBe(Number(row.n));
    const forbidden = await land.graphql(PEOPLE.otherOfficer, STATS, {
      r: [{ __typename: "Commune", code: UNG_THIEN }],
    });
    expect(codeOf(forbidden.body.errors)).toBe("FORBIDDEN");
  });
});
