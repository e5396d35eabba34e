import { communesOfProvince } from "../../subgraphs/kit/admin-units";
import { ADMIN_UNITS_FILE } from "../support/repo";
import type { SubgraphUnderTest } from "../support/subgraph";
import { PEOPLE, startLandForTest } from "./support";

/**
 * A holder who has died shows on the desk (rights awaiting inheritance): for one commune or every
 * commune of the city at the same cost, named people audited once per request.
 */

let land: SubgraphUnderTest;
let marked: { communeCode: string; personalId: string; serial: string }[];

const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Commune { code
  land { rightsOfDeceased(first: 5) { role deceasedOn citizen { personalId } validCertificate { serial } } } } } }`;

type Answer = {
  _entities: {
    code: string;
    land: {
      rightsOfDeceased: {
        role: string;
        deceasedOn: string;
        citizen: { personalId: string };
        validCertificate: { serial: string };
      }[];
    };
  }[];
};

beforeAll(async () => {
  land = await startLandForTest();
  const db = land.service.database.dataSource;
  // The register learns of two deaths (the civil-status event that will fill this is not built yet).
  marked = [];
  for (const communeCode of ["10369", "00004"]) {
    const [holder] = (await db.query(
      `SELECT h.id, h.personal_id AS personalId, c.serial FROM land_certificate_holder h
         JOIN land_certificate c ON c.id = h.certificate_id
        WHERE c.commune_code = ? AND c.status = 'VALID' ORDER BY h.id LIMIT 1`,
      [communeCode],
    )) as { id: number; personalId: string; serial: string }[];
    await db.query("UPDATE land_certificate_holder SET deceased_on = ? WHERE id = ?", ["2026-05-01", holder.id]);
    marked.push({ communeCode, personalId: holder.personalId, serial: holder.serial });
  }
});

afterAll(async () => {
  await land?.close();
});

describe("land > desk > rightsOfDeceased", () => {
  it("lists each desk's holdings of deceased holders, for every commune of the city at the cost of one", async () => {
    const communes = communesOfProvince(ADMIN_UNITS_FILE, "01").map((commune) => commune.code);
    const costOf = async (codes: string[]) => {
      const before = await land.statements();
      const res = await land.graphql<Answer>(PEOPLE.cityOfficer, query, {
        reps: codes.map((code) => ({ __typename: "Commune", code })),
      });
      expect(res.body.errors).toBeUndefined();
      return { cost: (await land.statements()) - before, entities: res.body.data!._entities };
    };
    const one = await costOf(["10369"]);
    const all = await costOf(communes);
    expect(all.cost).toBe(one.cost);
    const shown = all.entities
      .filter((entity) => entity.land.rightsOfDeceased.length > 0)
      .map((entity) => [
        entity.code,
        entity.land.rightsOfDeceased.map((r) => [r.citizen.personalId, r.validCertificate.serial, r.deceasedOn]),
      ]);
    expect(shown).toEqual(
      marked
        .sort((a, b) => communes.indexOf(a.communeCode) - communes.indexOf(b.communeCode))
        .map((m) => [m.communeCode, [[m.personalId, m.serial, "2026-05-01"]]]),
    );
  });

  it("is for the desk and its city officers: an analyst and another commune's desk are refused", async () => {
    for (const caller of [PEOPLE.analyst, PEOPLE.otherOfficer]) {
      const res = await land.graphql<Answer>(caller, query, { reps: [{ __typename: "Commune", code: "10369" }] });
      expect([caller.sub, res.body.errors?.[0]?.extensions?.code]).toEqual([caller.sub, "FORBIDDEN"]);
    }
  });
});
