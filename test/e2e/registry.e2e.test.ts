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
});
