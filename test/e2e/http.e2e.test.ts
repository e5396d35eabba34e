import { type Hub, PERSONAS, startHub } from "../support/hub";

let hub: Hub;
let token: string;

beforeAll(async () => {
  hub = await startHub();
  token = await hub.token(PERSONAS.hanoiCityOfficer);
});
afterAll(() => hub?.close());

const origin = (url: string): string => new URL(url).origin;

describe("e2e > http front", () => {
  it("answers /health and /ready on the gateway and the registry", async () => {
    // A load balancer probes every service before sending it traffic.
    for (const [url, service] of [
      [hub.gatewayUrl, "gateway"],
      [hub.registry.url, "registry"],
    ]) {
      const health = await fetch(`${origin(url)}/health`);
      expect([health.status, await health.json()]).toEqual([200, { status: "ok", service }]);
      const ready = await fetch(`${origin(url)}/ready`);
      expect([ready.status, await ready.json()]).toEqual([200, { ready: true, service }]);
    }
  });

  it("refuses a body over the limit with 413 before any subgraph is called, declared or streamed", async () => {
    // A client posts a 200 kB document; the gateway accepts 100 kB.
    const before = await hub.statements(hub.registry);
    const query = `{ provinces { code } } # ${"x".repeat(200_000)}`;
    const declared = await fetch(hub.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      "PAYLOAD_TOO_LARGE",
    );
    const payload = new TextEncoder().encode(JSON.stringify({ query }));
    const streamed = await fetch(hub.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: new ReadableStream({
        start(controller) {
          for (let at = 0; at < payload.length; at += 16_384) controller.enqueue(payload.slice(at, at + 16_384));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await hub.statements(hub.registry)).toBe(before);
  });

  it("answers malformed JSON with 400 and an unknown path with 404", async () => {
    // A client with a broken serializer, and one with a wrong URL.
    const malformed = await fetch(hub.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: '{"query": "{ provinces { code } }"',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      "BAD_REQUEST",
    );
    const unknown = await fetch(`${origin(hub.gatewayUrl)}/graphql/v2`);
    expect(unknown.status).toBe(404);
  });

  it("counts SQL statements on /metrics", async () => {
    // An operator scrapes the registry's metrics; a query moves the statement counter.
    const before = await hub.statements(hub.registry);
    await hub.graphql(`{ provinces { code } }`, {}, { token });
    expect(await hub.statements(hub.registry)).toBe(before + 1);
  });
});
