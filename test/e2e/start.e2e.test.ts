import { SUBGRAPH_MANIFEST } from "../../subgraphs/kit/manifest";
import { type LaunchedHub, launchHub } from "../support/launcher";

const portAnswers = async (port: number): Promise<boolean> =>
  fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1000) }).then(
    () => true,
    () => false,
  );

describe("e2e > npm start", () => {
  let hub: LaunchedHub | undefined;
  afterAll(() => hub?.cleanUp());

  it("starts each service as its own process, seeds an empty hub, prints a working token, and stops cleanly on SIGTERM", async () => {
    // An engineer runs the one start command on a fresh machine, queries the gateway, then stops it.
    hub = await launchHub("start");
    const launcher = hub.process;
    const output = hub.output();
    const { gateway: gatewayPort, ...subgraphPorts } = hub.ports;
    expect(output).toContain(`Gateway: http://127.0.0.1:${gatewayPort}/graphql`);
    const token = /^(eyJ[\w-]+\.[\w-]+\.[\w-]+)$/m.exec(output)?.[1];
    expect(token).toBeDefined();

    const res = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ province(code: "01") { communes { code } } }` }),
    });
    const body = (await res.json()) as { data: { province: { communes: { code: string }[] } } };
    expect(body.data.province.communes).toHaveLength(126);

    // The civil-status desk was seeded with demo dossiers for the same synthetic residents.
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const figures = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `query($to: Date!) { province(code: "01") { civilStatus { stats(from: "2025-01-01", to: $to) { received completed onTime late overdue } } } }`,
        variables: { to: today },
      }),
    });
    const stats = ((await figures.json()) as { data: { province: { civilStatus: { stats: Record<string, number> } } } })
      .data.province.civilStatus.stats;
    expect(stats.received).toBeGreaterThan(400);
    expect(stats.completed).toBeGreaterThan(0);
    expect(stats.onTime).toBeGreaterThan(stats.late);
    expect(stats.late + stats.overdue).toBeGreaterThan(0);

    // …and with the registers: every resident's birth, and marital statuses derived from marriages.
    const records = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `{ citizens(communeCode: "10369", first: 12) { nodes { civilStatus { maritalStatus birth { registeredAt } } } } }`,
      }),
    });
    const residents = (
      (await records.json()) as {
        data: {
          citizens: { nodes: { civilStatus: { maritalStatus: string; birth: { registeredAt: string } | null } }[] };
        };
      }
    ).data.citizens.nodes;
    expect(residents).toHaveLength(12);
    for (const { civilStatus } of residents) {
      expect(civilStatus.birth?.registeredAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(["SINGLE", "MARRIED", "DIVORCED", "WIDOWED"]).toContain(civilStatus.maritalStatus);
    }
    // Every subgraph of the manifest runs as its own process on its own port.
    expect(Object.keys(subgraphPorts)).toEqual(SUBGRAPH_MANIFEST.map((entry) => entry.name));
    for (const port of Object.values(subgraphPorts)) expect(await portAnswers(port)).toBe(true);
    const ready = await fetch(`http://127.0.0.1:${gatewayPort}/ready`);
    expect([ready.status, await ready.json()]).toEqual([200, { ready: true, service: "gateway" }]);

    const exited = new Promise<number | null>((done) => launcher!.once("exit", (code) => done(code)));
    launcher.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(await portAnswers(gatewayPort)).toBe(false);
    for (const port of Object.values(subgraphPorts)) expect(await portAnswers(port)).toBe(false);
  }, 180_000);
});
