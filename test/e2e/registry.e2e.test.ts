import { type Hub, PERSONAS, startHub } from "../support/hub";

let hub: Hub;
let cityOfficer: string;

beforeAll(async () => {
  hub = await startHub();
  cityOfficer = await hub.token(PERSONAS.hanoiCityOfficer);
});
afterAll(() => hub?.close());

describe("e2e > registry through the gateway", () => {
  it("lists Hà Nội's 126 communes with Ứng Thiên among them", async () => {
    // A city officer of Hà Nội opens the city's unit list on the dashboard.
    const res = await hub.graphql<{ province: { name: string; communes: { code: string; name: string }[] } }>(
      `query { province(code: "01") { name communes { code name } } }`,
      {},
      { token: cityOfficer },
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const communes = res.body.data!.province.communes;
    expect(res.body.data!.province.name).toBe("Hà Nội");
    expect(communes).toHaveLength(126);
    expect(communes).toContainEqual({ code: "10369", name: "Ứng Thiên" });
    expect(communes.map((c) => c.code)).toEqual([...communes.map((c) => c.code)].sort());
  });

  it("shows the four former communes merged into Ứng Thiên", async () => {
    // An officer maps an old address in Liên Bạt to today's commune.
    const res = await hub.graphql(
      `query { commune(code: "10369") { fullName kind mergedFrom { code name mergeKind } } }`,
      {},
      {
        token: cityOfficer,
      },
    );
    expect(res.body).toEqual({
      data: {
        commune: {
          fullName: "Xã Ứng Thiên",
          kind: "COMMUNE",
          mergedFrom: [
            { code: "10363", name: "Xã Hoa Viên", mergeKind: "FULL" },
            { code: "10366", name: "Xã Quảng Phú Cầu", mergeKind: "FULL" },
            { code: "10369", name: "Xã Trường Thịnh", mergeKind: "FULL" },
            { code: "10375", name: "Xã Liên Bạt", mergeKind: "FULL" },
          ],
        },
      },
    });
  });

  it("finds a commune by its name without diacritics and pages through a province", async () => {
    // A desk officer types "ung thien"; a dashboard reads all of Hà Nội 50 units at a time.
    const search = await hub.graphql(
      `{ communes(search: "ung thien") { nodes { code fullName } pageInfo { hasNextPage } } }`,
      {},
      {
        token: cityOfficer,
      },
    );
    expect(search.body).toEqual({
      data: { communes: { nodes: [{ code: "10369", fullName: "Xã Ứng Thiên" }], pageInfo: { hasNextPage: false } } },
    });
    const codes: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: {
        body: {
          data?: {
            communes: { nodes: { code: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
          } | null;
        };
      } = await hub.graphql(
        `query($after: String) { communes(provinceCode: "01", first: 50, after: $after) { nodes { code } pageInfo { endCursor hasNextPage } } }`,
        { after },
        { token: cityOfficer },
      );
      const page = res.body.data!.communes;
      codes.push(...page.nodes.map((n) => n.code));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(codes).toHaveLength(126);
    expect(new Set(codes).size).toBe(126);
  });

  it("flags no Hà Nội commune as a difficult area, as the recorded instruments list none", async () => {
    // Land limits at a difficult-area commune are 10 working days longer: the flag is data, never a guess.
    const res = await hub.graphql<{ province: { communes: { code: string; difficultArea: boolean }[] } }>(
      `query { province(code: "01") { communes { code difficultArea } } }`,
      undefined,
      { token: await hub.token(PERSONAS.analyst) },
    );
    const communes = res.body.data!.province.communes;
    expect(communes).toHaveLength(126);
    expect(communes.filter((commune) => commune.difficultArea)).toEqual([]);
  });

  it("lets an analyst read administrative units, which are not personal data", async () => {
    // An analyst explores the unit tree in GraphiQL.
    const analyst = await hub.token(PERSONAS.analyst);
    const res = await hub.graphql(
      `{ provinces { code } commune(code: "10369") { province { code name } } }`,
      {},
      { token: analyst },
    );
    expect(res.body.errors).toBeUndefined();
    const data = res.body.data as {
      provinces: { code: string }[];
      commune: { province: { code: string; name: string } };
    };
    expect(data.provinces).toHaveLength(34);
    expect(data.commune.province).toEqual({ code: "01", name: "Hà Nội" });
  });

  it.each([
    [`{ province(code: "1") { name } }`, "BAD_USER_INPUT", "code"],
    [`{ province(code: "99") { name } }`, "NOT_FOUND", "code"],
    [`{ commune(code: "1036a") { name } }`, "BAD_USER_INPUT", "code"],
    [`{ commune(code: "99999") { name } }`, "NOT_FOUND", "code"],
    [`{ communes(provinceCode: "001") { nodes { code } } }`, "BAD_USER_INPUT", "provinceCode"],
    [`{ communes(after: "eyJ4Ijox") { nodes { code } } }`, "BAD_USER_INPUT", "after"],
    [`{ communes(search: "${"a".repeat(101)}") { nodes { code } } }`, "BAD_USER_INPUT", "search"],
  ])("answers %s with %s on %s", async (query, code, field) => {
    // A client asks for a unit with a malformed or unknown code.
    const res = await hub.graphql(query, {}, { token: cityOfficer });
    expect(res.status).toBe(200);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions).toMatchObject({ code, field });
  });
});
