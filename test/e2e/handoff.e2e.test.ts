import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { SignJWT } from "jose";

import { ensureHandoffKeys } from "../../infra/dev/keys";
import { loadHandoffPrivateKey, signHandoff } from "../../subgraphs/kit/handoff";
import { type Hub, PERSONAS, startHub } from "../support/hub";

let hub: Hub;

beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.close());

const officerHandoff = {
  caller: { subject: "x", role: "ADMIN", fields: [] },
  requestId: "r-1",
} as unknown as Parameters<typeof signHandoff>[2];

describe("e2e > identity hand-off > subgraphs answer the gateway only", () => {
  const direct = async (query: string, authorization?: string) => {
    const res = await fetch(hub.registry.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables: { reps: [{ __typename: "Province", code: "01" }] } }),
    });
    return { status: res.status, body: (await res.json()) as { errors?: { extensions?: { code?: string } }[] } };
  };

  it.each([
    ["a root query", `{ provinces { code } }`],
    ["_service", `{ _service { sdl } }`],
    ["_entities", `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Province { name } } }`],
  ])("refuses %s without a gateway token with 401", async (_name, query) => {
    // Someone on the internal network posts straight to the registry's port.
    const before = await hub.statements(hub.registry);
    const res = await direct(query);
    expect(res.status).toBe(401);
    expect(res.body.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
    expect(await hub.statements(hub.registry)).toBe(before);
  });

  it("refuses a client's own token, a token for another subgraph, one from another key, and an expired one", async () => {
    // Tokens that are not this subgraph's fresh hand-off from this gateway are all refused.
    const gatewayKey = await loadHandoffPrivateKey(hub.keys.privateKeyFile);
    const otherKeys = await ensureHandoffKeys(mkdtempSync(join(tmpdir(), "other-keys-")));
    const otherKey = await loadHandoffPrivateKey(otherKeys.privateKeyFile);
    const clientToken = await hub.token(PERSONAS.admin);
    const wrongAudience = await signHandoff(gatewayKey, "land", officerHandoff, 30);
    const wrongKey = await signHandoff(otherKey, "registry", officerHandoff, 30);
    const expired = await new SignJWT({ role: "ADMIN", rid: "r" })
      .setProtectedHeader({ alg: "ES256" })
      .setIssuer("hub-gateway")
      .setAudience("registry")
      .setSubject("x")
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(gatewayKey);
    const tooLong = await new SignJWT({ role: "ADMIN", rid: "r" })
      .setProtectedHeader({ alg: "ES256" })
      .setIssuer("hub-gateway")
      .setAudience("registry")
      .setSubject("x")
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(gatewayKey);
    for (const token of [clientToken, wrongAudience, wrongKey, expired, tooLong]) {
      const res = await direct(`{ _service { sdl } }`, `Bearer ${token}`);
      expect(res.status).toBe(401);
    }
    const good = await signHandoff(gatewayKey, "registry", officerHandoff, 30);
    const ok = await direct(`{ provinces { code } }`, `Bearer ${good}`);
    expect(ok.status).toBe(200);
  });
});

describe("e2e > identity hand-off > __resolveReference is guarded like the root fields", () => {
  const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Citizen { personalId fullName } } }`;

  const asCaller = async (caller: Record<string, unknown>, personalIds: string[]) => {
    const key = await loadHandoffPrivateKey(hub.keys.privateKeyFile);
    const token = await signHandoff(key, "registry", { caller, requestId: "entities-test" } as never, 30);
    const res = await fetch(hub.registry.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: ENTITIES,
        variables: { reps: personalIds.map((personalId) => ({ __typename: "Citizen", personalId })) },
      }),
    });
    return (await res.json()) as {
      data?: { _entities: ({ personalId: string; fullName: string } | null)[] };
      errors?: { path?: (string | number)[]; extensions?: { code?: string } }[];
    };
  };

  const residentsOf = async (communeCode: string, count: number): Promise<string[]> =>
    (
      await hub.registry.database.dataSource.query(
        "SELECT personal_id AS id FROM citizen WHERE residence_commune_code = ? ORDER BY personal_id LIMIT ?",
        [communeCode, count],
      )
    ).map((row: { id: string }) => row.id);

  const auditOf = async (requestId: string) =>
    hub.registry.database.dataSource.query(
      "SELECT entity_id AS id, outcome FROM audit_event WHERE request_id = ? ORDER BY entity_id",
      [requestId],
    );

  it("denies an analyst every citizen reference and audits each denial", async () => {
    // Another subgraph resolves citizens for an analyst's query; the registry refuses them.
    await hub.registry.database.dataSource.query("DELETE FROM audit_event WHERE request_id = 'entities-test'");
    const ids = await residentsOf("10369", 3);
    const body = await asCaller({ subject: "analyst-01", role: "ANALYST", fields: [] }, ids);
    expect(body.data?._entities).toEqual([null, null, null]);
    expect(body.errors!.map((e) => [e.path, e.extensions!.code])).toEqual(
      ids.map((_id, index) => [["_entities", index], "FORBIDDEN"]),
    );
    expect(await auditOf("entities-test")).toEqual(ids.map((id) => ({ id, outcome: "DENIED" })));
  });

  it("refuses an anonymous caller with UNAUTHENTICATED", async () => {
    // A hand-off token whose caller has no role, as for a client that sent no token.
    const ids = await residentsOf("10369", 1);
    const body = await asCaller({ subject: "anonymous", fields: [] }, ids);
    expect(body.data).toBeNull();
    expect(body.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
  });

  it("lets a city officer resolve residents of their province only, in a constant number of statements", async () => {
    // A city officer of Hà Nội sees Hà Nội residents; the batch size does not change the SQL cost.
    const cityOfficer = { subject: "city-officer-01", role: "CITY_OFFICER", provinceCode: "01", fields: [] };
    const ten = await residentsOf("10369", 10);
    const many = [
      ...(await residentsOf("10369", 40)),
      ...(await residentsOf("00004", 40)),
      ...(await residentsOf("00070", 20)),
    ];
    const before10 = await hub.statements(hub.registry);
    const body10 = await asCaller(cityOfficer, ten);
    const cost10 = (await hub.statements(hub.registry)) - before10;
    const before100 = await hub.statements(hub.registry);
    const body100 = await asCaller(cityOfficer, many);
    const cost100 = (await hub.statements(hub.registry)) - before100;
    expect(body10.errors).toBeUndefined();
    expect(body100.errors).toBeUndefined();
    expect(body100.data!._entities.map((c) => c!.personalId)).toEqual(many);
    expect(cost100).toBe(cost10);

    const outsider = { ...cityOfficer, provinceCode: "79" };
    const denied = await asCaller(outsider, ten.slice(0, 2));
    expect(denied.errors!.map((e) => e.extensions!.code)).toEqual(["FORBIDDEN", "FORBIDDEN"]);
  });
});

describe("e2e > identity hand-off > the gateway", () => {
  it("ignores identity headers a client forges", async () => {
    // An analyst adds headers claiming to be an admin; the registry still sees an analyst.
    const analyst = await hub.token(PERSONAS.analyst);
    const res = await hub.graphql(
      `{ citizens(search: "nguyen") { nodes { fullName } } }`,
      {},
      {
        token: analyst,
        headers: {
          "x-role": "ADMIN",
          "x-user-role": "ADMIN",
          "x-commune-code": "10369",
          "x-forwarded-user": "admin-01",
        },
      },
    );
    expect(res.body.errors![0].extensions!.code).toBe("FORBIDDEN");
  });

  it("refuses with 401 a token signed with the wrong secret, an expired one, and alg none", async () => {
    // Forged or stale client tokens never reach a subgraph.
    const before = await hub.statements(hub.registry);
    const wrong = await new SignJWT({ role: "ADMIN" })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("not-the-secret"));
    const expired = await new SignJWT({ role: "ADMIN" })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode("test-secret-for-hub-tests"));
    const none = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${Buffer.from(
      JSON.stringify({ role: "ADMIN", exp: Math.floor(Date.now() / 1000) + 3600 }),
    ).toString("base64url")}.`;
    for (const token of [wrong, expired, none]) {
      const res = await hub.graphql(`{ provinces { code } }`, {}, { token });
      expect(res.status).toBe(401);
      expect(res.body.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
    }
    expect(await hub.statements(hub.registry)).toBe(before);
  });

  it("carries each request's id into the subgraph's audit events, though the caller's hand-off is reused", async () => {
    // The response's x-request-id names the audit events the read wrote in the registry; the same
    // officer's next read, carried by the same hand-off token, is audited under its own id.
    const officer = await hub.token(PERSONAS.ungThienOfficer);
    const read = () =>
      fetch(hub.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${officer}` },
        body: JSON.stringify({ query: `{ citizens(first: 3) { nodes { personalId } } }` }),
      });
    const ids = [(await read()).headers.get("x-request-id"), (await read()).headers.get("x-request-id")];
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
    for (const requestId of ids) {
      const rows = await hub.registry.database.dataSource.query(
        "SELECT COUNT(*) AS n FROM audit_event WHERE request_id = ? AND operation = 'citizens.search'",
        [requestId],
      );
      expect(Number(rows[0].n)).toBe(3);
    }
  });
});

describe("e2e > identity hand-off > the registry checks its own input", () => {
  it("refuses a page over 100 even when the gateway's limits are bypassed", async () => {
    // Defence in depth: a request that reached the registry with a valid hand-off still gets BAD_USER_INPUT.
    const key = await loadHandoffPrivateKey(hub.keys.privateKeyFile);
    const token = await signHandoff(key, "registry", officerHandoff, 30);
    const res = await fetch(hub.registry.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ communes(first: 500) { nodes { code } } }` }),
    });
    const body = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});
