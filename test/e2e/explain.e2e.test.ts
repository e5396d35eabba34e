import { loadSavedOperations } from "../../gateway/graphiql";
import { communesOfProvince } from "../../subgraphs/kit/admin-units";
import { generateCitizens, showcaseResident } from "../../subgraphs/kit/population";
import { type Hub, PERSONAS, startHub } from "../support/hub";
import { ADMIN_UNITS_FILE } from "../support/repo";

/**
 * Every statement on a hot path can use an index. The test runs the hub's hot paths through the
 * gateway (every saved operation, a search, a lookup), records each SELECT every subgraph sends
 * with its parameters, and asks the database how it would run it: MariaDB's EXPLAIN, SQLite's
 * EXPLAIN QUERY PLAN. A table read in full with no index that could serve the statement fails the
 * test, naming the statement. (On a small test database MariaDB may still choose a scan where an
 * index exists; what must hold is that one exists for it: `possible_keys`.)
 */

interface Plan {
  service: string;
  query: string;
  scans: string[];
}

/** Tables read in full on purpose: small reference lists, read whole and cached. */
const WHOLE_TABLE_READS = new Set<string>([]);

let hub: Hub;
const recorded = new Map<string, Map<string, readonly unknown[] | undefined>>();

beforeAll(async () => {
  hub = await startHub();
  for (const [name, subgraph] of Object.entries(hub.subgraphs)) {
    const seen = new Map<string, readonly unknown[] | undefined>();
    recorded.set(name, seen);
    subgraph.database.statements.listener = (query, parameters) => {
      if (/^\s*(SELECT|WITH)\b/i.test(query) && !seen.has(query)) seen.set(query, parameters);
    };
  }
});
afterAll(async () => {
  for (const subgraph of Object.values(hub?.subgraphs ?? {})) subgraph.database.statements.listener = undefined;
  await hub?.close();
});

const scansOf = async (
  service: string,
  query: string,
  parameters: readonly unknown[] | undefined,
): Promise<string[]> => {
  const database = hub.subgraphs[service].database;
  if (database.kind === "mysql") {
    const rows = (await database.dataSource.query(`EXPLAIN ${query}`, [...(parameters ?? [])])) as {
      table: string | null;
      type: string | null;
      possible_keys: string | null;
    }[];
    return rows
      .filter((row) => row.type === "ALL" && row.possible_keys === null && row.table && !row.table.startsWith("<"))
      .map((row) => row.table!)
      .filter((table) => !WHOLE_TABLE_READS.has(table));
  }
  const rows = (await database.dataSource.query(`EXPLAIN QUERY PLAN ${query}`, [...(parameters ?? [])])) as {
    detail: string;
  }[];
  // A subquery's own rows (a CO-ROUTINE or MATERIALIZE step) are read in full by design.
  const derived = new Set(rows.map((row) => /^(?:CO-ROUTINE|MATERIALIZE) (\w+)/.exec(row.detail)?.[1]).filter(Boolean));
  return rows
    .map((row) => /^SCAN (\w+)(?: AS \w+)?$/.exec(row.detail)?.[1])
    .filter((table): table is string => table !== undefined && !derived.has(table) && !WHOLE_TABLE_READS.has(table));
};

describe("e2e > explain > hot paths use indexes", () => {
  it("every SELECT of the saved operations, a search and a lookup can use an index", async () => {
    // The operations the hub's users run all day, as the roles that run them and as an admin
    // (who reaches every list), on the test population.
    const communes = communesOfProvince(ADMIN_UNITS_FILE, "01");
    const people = [...generateCitizens(communes, "test")];
    const person = showcaseResident(people)!;
    const admin = await hub.token(PERSONAS.admin);
    const city = await hub.token(PERSONAS.hanoiCityOfficer);
    const officer = await hub.token(PERSONAS.ungThienOfficer);
    const run = async (query: string, variables: Record<string, unknown>, token: string) => {
      const res = await hub.graphql(query, variables, { token });
      expect(res.status).toBe(200);
      return res;
    };
    for (const operation of loadSavedOperations()) {
      const variables =
        "personalId" in operation.variables
          ? { ...operation.variables, personalId: person.personalId }
          : operation.variables;
      await run(operation.query, variables, admin);
      await run(operation.query, variables, city);
    }
    await run(
      `query ($q: String!) { citizens(search: $q, first: 20) { nodes { personalId fullName residence { name } } } }`,
      { q: "nguyen van" },
      officer,
    );
    await run(
      `query ($id: ID!) { citizen(personalId: $id) { fullName civilStatus { maritalStatus } land { rights { role } } social { monthlyAmountVnd } } }`,
      { id: person.personalId },
      admin,
    );

    const plans: Plan[] = [];
    for (const [service, statements] of recorded) {
      for (const [query, parameters] of statements) {
        plans.push({
          service,
          query: query.replace(/\s+/g, " ").slice(0, 400),
          scans: await scansOf(service, query, parameters),
        });
      }
    }
    // The operations reached every subgraph's data.
    expect(
      [...recorded]
        .filter(([, statements]) => statements.size > 0)
        .map(([service]) => service)
        .sort(),
    ).toEqual(Object.keys(hub.subgraphs).sort());
    expect(plans.length).toBeGreaterThan(40);
    expect(plans.filter((plan) => plan.scans.length > 0)).toEqual([]);
    // The check itself sees a scan where no index serves: a statement on a column without one.
    expect(await scansOf("social", "SELECT commune_code FROM social_roll_closure WHERE closed_by = ?", ["x"])).toEqual([
      "social_roll_closure",
    ]);
  }, 120_000);
});
