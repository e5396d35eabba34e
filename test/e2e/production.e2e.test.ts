import { spawn } from "node:child_process";
import { resolve } from "node:path";

import type { RunningGateway } from "../../gateway/server";
import { subgraphUrlSettings } from "../../infra/manifest";
import { type Hub, PERSONAS, startHub } from "../support/hub";
import { type ProductionGateway, startProductionGateway } from "../support/production";
import { REPO_ROOT } from "../support/repo";

const ALLOWED_ORIGIN = "https://dashboard.hanoi.gov.vn.test";

let hub: Hub;
let production: ProductionGateway;
let gateway: RunningGateway;

const idpToken = (claims: Record<string, unknown>, overrides: { issuer?: string; audience?: string } = {}) =>
  production.idpToken(claims, overrides);

const post = async (query: string, token?: string) => {
  const res = await fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    },
  };
};

beforeAll(async () => {
  hub = await startHub();
  production = await startProductionGateway(hub, { CORS_ORIGINS: ALLOWED_ORIGIN });
  gateway = production.gateway;
});
afterAll(async () => {
  await production?.close();
  await hub?.close();
});

describe("e2e > production gateway > start-up", () => {
  it("exits non-zero naming the missing identity-provider settings", async () => {
    // An operator deploys the gateway with NODE_ENV=production and forgets the key configuration.
    const child = spawn(process.execPath, [resolve(REPO_ROOT, "dist/gateway/main.js")], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        HANDOFF_PRIVATE_KEY_FILE: hub.keys.privateKeyFile,
        ...subgraphUrlSettings(hub.subgraphs),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.once("exit", done));
    expect(code).toBe(1);
    expect(output).toContain("JWKS_FILE (or JWKS_URL), JWT_ISSUER, JWT_AUDIENCE required in production");
  });
});

describe("e2e > production gateway > authentication", () => {
  it("accepts an ES256 token from the configured key set", async () => {
    // A city officer signed in at the city's identity provider.
    const res = await post(`{ province(code: "01") { name } }`, await idpToken(PERSONAS.hanoiCityOfficer));
    expect(res).toEqual({ status: 200, body: { data: { province: { name: "Hà Nội" } } } });
  });

  it("refuses the HS256 development token, another audience and another issuer with 401", async () => {
    // Tokens that would pass in development, or were issued for another system.
    for (const token of [
      await hub.token(PERSONAS.hanoiCityOfficer),
      await idpToken(PERSONAS.hanoiCityOfficer, { audience: "another-system" }),
      await idpToken(PERSONAS.hanoiCityOfficer, { issuer: "https://elsewhere.test" }),
    ]) {
      const res = await post(`{ provinces { code } }`, token);
      expect(res.status).toBe(401);
      expect(res.body.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
    }
  });
});

describe("e2e > production gateway > what it reveals", () => {
  const INTROSPECTION = `{ __schema { queryType { name } } }`;

  it("shows the schema to analysts and admins only", async () => {
    // An analyst explores in GraphiQL; a citizen and an anonymous caller try the same.
    const analyst = await post(INTROSPECTION, await idpToken(PERSONAS.analyst));
    expect(analyst).toEqual({ status: 200, body: { data: { __schema: { queryType: { name: "Query" } } } } });
    const citizen = await post(
      INTROSPECTION,
      await idpToken({ sub: "c", role: "CITIZEN", personalId: "001090000001" }),
    );
    expect([citizen.status, citizen.body.errors![0].extensions!.code]).toEqual([403, "FORBIDDEN"]);
    const anonymous = await post(INTROSPECTION);
    expect([anonymous.status, anonymous.body.errors![0].extensions!.code]).toEqual([401, "UNAUTHENTICATED"]);
  });

  it("gives no field suggestions and no stack traces, but keeps error codes", async () => {
    // A caller probes for field names by typos, and triggers a bad-input error.
    const officer = await idpToken(PERSONAS.hanoiCityOfficer);
    const typo = await post(`{ provincez { code } }`, officer);
    expect(typo.status).toBe(400);
    expect(typo.body.errors![0].message).not.toMatch(/Did you mean/);
    expect(typo.body.errors![0].extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const bad = await post(`{ citizen(personalId: "12345") { fullName } }`, officer);
    expect(bad.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "personalId" });
    expect(bad.body.errors![0].extensions!.stacktrace).toBeUndefined();
  });

  it("answers CORS preflights from allowed origins only", async () => {
    // The city dashboard's page calls the gateway from its own origin; another site tries too.
    const preflight = (origin: string) =>
      fetch(gateway.url, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization, content-type",
        },
      });
    const allowed = await preflight(ALLOWED_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    const other = await preflight("https://evil.example");
    expect(other.status).toBe(403);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});
