import { AuditEvent } from "../../subgraphs/kit/audit";
import { Citizen } from "../../subgraphs/registry/entities/citizen";
import { type Hub, PERSONAS, startHub } from "../support/hub";

interface CitizenRow {
  personalId: string;
  fullName: string;
  gender: string;
  birthDate: string;
  residence: { code: string; name: string };
}

let hub: Hub;
let cityOfficer: string;
let ungThienOfficer: string;

const SEARCH = `query Search($communeCode: ID, $search: String, $first: Int, $after: String) {
  citizens(communeCode: $communeCode, search: $search, first: $first, after: $after) {
    nodes { personalId fullName gender birthDate residence { code name } }
    pageInfo { endCursor hasNextPage }
  }
}`;

const auditRows = () => hub.registry.database.dataSource.manager.find(AuditEvent, { order: { id: "ASC" } });

beforeAll(async () => {
  hub = await startHub();
  cityOfficer = await hub.token(PERSONAS.hanoiCityOfficer);
  ungThienOfficer = await hub.token(PERSONAS.ungThienOfficer);
});
afterAll(() => hub?.close());

describe("e2e > citizens", () => {
  it("finds Nguyễn Văn … when searching 'nguyen van', ignoring case and diacritics", async () => {
    // A city officer types the name without accents, as people do at a keyboard.
    const res = await hub.graphql<{ citizens: { nodes: CitizenRow[] } }>(
      SEARCH,
      { search: "NGUYEN van", first: 100 },
      { token: cityOfficer },
    );
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!.citizens.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes)
      expect(
        node.fullName
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
          .toLowerCase(),
      ).toContain("nguyen van");
    expect(nodes.some((n) => n.fullName.startsWith("Nguyễn Văn "))).toBe(true);
  });

  it("lists names that start with the phrase first, then those with it at a later word, paging without gaps", async () => {
    // "hoang" is the family name Hoàng, and the middle or given name Hoàng of others.
    const everyone = await hub.registry.database.dataSource.manager.find(Citizen);
    const folded = (name: string) =>
      name
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[đĐ]/g, "d")
        .toLowerCase();
    const byName = (a: Citizen, b: Citizen) =>
      a.searchName < b.searchName ? -1 : a.searchName > b.searchName ? 1 : a.personalId < b.personalId ? -1 : 1;
    const first = everyone.filter((c) => folded(c.fullName).startsWith("hoang")).sort(byName);
    const later = everyone
      .filter((c) => !folded(c.fullName).startsWith("hoang") && folded(c.fullName).includes(" hoang"))
      .sort(byName);
    expect(first.length).toBeGreaterThan(20);
    expect(later.length).toBeGreaterThan(0);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const res: {
        body: {
          data?: {
            citizens: { nodes: CitizenRow[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
          } | null;
        };
      } = await hub.graphql(SEARCH, { search: "Hoàng", first: 20, after }, { token: cityOfficer });
      seen.push(...res.body.data!.citizens.nodes.map((n) => n.personalId));
      if (!res.body.data!.citizens.pageInfo.hasNextPage) break;
      after = res.body.data!.citizens.pageInfo.endCursor;
    }
    expect(seen).toEqual([...first, ...later].map((c) => c.personalId));
  });

  it("matches đ as d", async () => {
    // "dang" must find "Đặng", whose đ has no Unicode decomposition.
    const res = await hub.graphql<{ citizens: { nodes: CitizenRow[] } }>(
      SEARCH,
      { search: "dang", first: 50 },
      { token: cityOfficer },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.citizens.nodes.some((n) => n.fullName.includes("Đặng"))).toBe(true);
  });

  it("pages through a commune's residents without gaps or repeats", async () => {
    // The Ứng Thiên desk reads its residents five at a time.
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: {
        body: {
          data?: {
            citizens: { nodes: CitizenRow[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
          } | null;
        };
      } = await hub.graphql(SEARCH, { first: 5, after }, { token: ungThienOfficer });
      const page = res.body.data!.citizens;
      seen.push(...page.nodes.map((n) => n.personalId));
      for (const node of page.nodes) expect(node.residence.code).toBe("10369");
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const stored = await hub.registry.database.dataSource.manager.countBy(Citizen, { residenceCommuneCode: "10369" });
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(stored);
  });

  it("reads one citizen by exact personalId and audits the read", async () => {
    // An officer of Ứng Thiên looks up a resident of another commune who files here.
    const other = await hub.registry.database.dataSource.manager.findOneByOrFail(Citizen, {
      residenceCommuneCode: "00004",
    });
    const before = (await auditRows()).length;
    const res = await hub.graphql<{ citizen: CitizenRow }>(
      `query($id: ID!) { citizen(personalId: $id) { personalId fullName birthDate residence { code } } }`,
      { id: other.personalId },
      { token: ungThienOfficer },
    );
    expect(res.body).toEqual({
      data: {
        citizen: {
          personalId: other.personalId,
          fullName: other.fullName,
          birthDate: other.birthDate,
          residence: { code: "00004" },
        },
      },
    });
    const added = (await auditRows()).slice(before);
    expect(added).toEqual([
      expect.objectContaining({
        actor: "officer-10369",
        role: "COMMUNE_OFFICER",
        communeCode: "10369",
        operation: "citizen.read",
        entityType: "Citizen",
        entityId: other.personalId,
        outcome: "ALLOWED",
      }),
    ]);
    expect(added[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("rejects a malformed personalId with BAD_USER_INPUT naming the field", async () => {
    // A typo at the desk: five digits instead of twelve.
    const before = (await auditRows()).length;
    const res = await hub.graphql(`{ citizen(personalId: "12345") { fullName } }`, {}, { token: cityOfficer });
    expect(res.body.data).toEqual({ citizen: null });
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "personalId" });
    expect(await auditRows()).toHaveLength(before);
  });

  it("forbids an officer to search another commune's residents and audits the denial", async () => {
    // An officer of Ứng Thiên tries to list the residents of Phường Hoàn Kiếm.
    const before = (await auditRows()).length;
    const res = await hub.graphql(SEARCH, { communeCode: "00070", search: "nguyen" }, { token: ungThienOfficer });
    expect(res.body.data).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions!.code).toBe("FORBIDDEN");
    const added = (await auditRows()).slice(before);
    expect(added).toEqual([
      expect.objectContaining({
        actor: "officer-10369",
        operation: "citizens.search",
        entityType: "Commune",
        entityId: "00070",
        outcome: "DENIED",
      }),
    ]);
  });

  it("denies personal data to analysts", async () => {
    // An analyst exploring in GraphiQL tries to read a person.
    const analyst = await hub.token(PERSONAS.analyst);
    const someone = await hub.registry.database.dataSource.manager.findOneByOrFail(Citizen, {
      residenceCommuneCode: "10369",
    });
    const byId = await hub.graphql(
      `query($id: ID!) { citizen(personalId: $id) { fullName } }`,
      { id: someone.personalId },
      { token: analyst },
    );
    expect(byId.body.data).toEqual({ citizen: null });
    expect(byId.body.errors![0].extensions!.code).toBe("FORBIDDEN");
    const search = await hub.graphql(SEARCH, { search: "nguyen" }, { token: analyst });
    expect(search.body.errors![0].extensions!.code).toBe("FORBIDDEN");
  });

  it("refuses anonymous callers with UNAUTHENTICATED", async () => {
    // A request without a token reaches the gateway.
    const res = await hub.graphql(`{ provinces { code } }`);
    expect(res.status).toBe(200);
    expect(res.body.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
    expect(res.body.data).toBeNull();
  });

  it.each([
    [{ first: 0 }, "first"],
    [{ first: 101 }, "first"],
    [{ after: "not-a-cursor" }, "after"],
    [{ communeCode: "1036" }, "communeCode"],
    [{ communeCode: "99999" }, "communeCode"],
    [{ search: "   " }, "search"],
  ])("rejects bad arguments %j with BAD_USER_INPUT on %s", async (variables, field) => {
    // A client sends an argument the list cannot honour.
    const res = await hub.graphql(SEARCH, variables, { token: cityOfficer });
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });
});

describe("e2e > batching", () => {
  const countFor = async (first: number): Promise<{ statements: number; listed: number }> => {
    const before = await hub.statements(hub.registry);
    const res = await hub.graphql<{ citizens: { nodes: CitizenRow[] } }>(SEARCH, { first }, { token: cityOfficer });
    const after = await hub.statements(hub.registry);
    expect(res.body.errors).toBeUndefined();
    return { statements: after - before, listed: res.body.data!.citizens.nodes.length };
  };

  it("lists 10 or 100 citizens with their residence in the same number of SQL statements", async () => {
    // A city officer lists residents with their communes: citizens, one audit insert, one commune batch.
    const ten = await countFor(10);
    const hundred = await countFor(100);
    expect(ten.listed).toBe(10);
    expect(hundred.listed).toBe(100);
    expect(hundred.statements).toBe(ten.statements);
    expect(hundred.statements).toBe(3);
  });
});
