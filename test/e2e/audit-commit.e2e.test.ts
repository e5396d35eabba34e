import { type Hub, PERSONAS, startHub } from "../support/hub";

/**
 * Reads of personal data are audited by group commit: concurrent reads share one INSERT, and no
 * read is answered before the commit holding its audit row has returned.
 */

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.close());

describe("e2e > audit > group commit of reads", () => {
  it("answers each of 30 concurrent reads only once its audit row is stored, with fewer INSERTs than reads", async () => {
    // Thirty officers' lookups arrive at once; each answer must find its own audit row already there.
    const officer = await hub.token(PERSONAS.ungThienOfficer);
    const ids = (
      (await hub.registry.database.dataSource.query(
        "SELECT personal_id AS id FROM citizen WHERE residence_commune_code = ? ORDER BY personal_id LIMIT 10",
        ["10369"],
      )) as { id: string }[]
    ).map((row) => row.id);
    let inserts = 0;
    hub.registry.database.statements.listener = (query) => {
      if (/^\s*INSERT INTO\s+\W?audit_event/i.test(query)) inserts += 1;
    };
    try {
      const stored = await Promise.all(
        Array.from({ length: 30 }, async (_, index) => {
          const res = await fetch(hub.gatewayUrl, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${officer}` },
            body: JSON.stringify({
              query: `query ($id: ID!) { citizen(personalId: $id) { personalId } }`,
              variables: { id: ids[index % ids.length] },
            }),
          });
          const body = (await res.json()) as { data: { citizen: { personalId: string } } };
          expect(body.data.citizen.personalId).toBe(ids[index % ids.length]);
          const requestId = res.headers.get("x-request-id");
          // Read at once, as the answer arrives: the row must already be there.
          const rows = (await hub.registry.database.dataSource.query(
            "SELECT entity_id AS id, outcome FROM audit_event WHERE request_id = ?",
            [requestId],
          )) as { id: string; outcome: string }[];
          return rows;
        }),
      );
      expect(stored).toEqual(
        Array.from({ length: 30 }, (_, index) => [{ id: ids[index % ids.length], outcome: "ALLOWED" }]),
      );
      expect(inserts).toBeGreaterThan(0);
      expect(inserts).toBeLessThan(30);
    } finally {
      hub.registry.database.statements.listener = undefined;
    }
  });
});
