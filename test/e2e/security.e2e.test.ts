import { getIntrospectionQuery } from "graphql";
import { SignJWT } from "jose";

import type { RunningGateway } from "../../gateway/server";
import { DEV_SECRET, type Hub, PERSONAS, startHub } from "../support/hub";
import { type ProductionGateway, startProductionGateway } from "../support/production";

/**
 * Bad requests through HTTP, each answered with its status and error code before any subgraph is
 * called: the subgraphs' own request counters must not move.
 */
let hub: Hub;
let officer: string;

beforeAll(async () => {
  hub = await startHub();
  officer = await hub.token(PERSONAS.hanoiCityOfficer);
});
afterAll(() => hub?.close());

interface Outcome {
  status: number;
  code: unknown;
  message: unknown;
  /** Requests the subgraphs received while this one was answered. */
  subgraphCalls: number;
  headers: Headers;
}

/** Every subgraph's count of GraphQL requests, summed, from their /metrics endpoints. */
const subgraphRequests = async (): Promise<number> => {
  let total = 0;
  for (const service of [hub.registry, hub.civilStatus]) {
    const text = await (await fetch(new URL("/metrics", service.url))).text();
    const match = /^http_requests_total (\d+)$/m.exec(text);
    if (!match) throw new Error(`no http_requests_total on ${service.name}'s /metrics`);
    total += Number(match[1]);
  }
  return total;
};

interface RequestSpec {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Appended to the gateway URL, for GET requests. */
  search?: string;
  url?: string;
}

/** Sends one request and reports how it was answered and whether any subgraph heard of it. */
const attempt = async (spec: RequestSpec): Promise<Outcome> => {
  const before = await subgraphRequests();
  const res = await fetch(`${spec.url ?? hub.gatewayUrl}${spec.search ?? ""}`, {
    method: spec.method ?? "POST",
    headers: spec.headers,
    body: spec.body,
  });
  const text = await res.text();
  let body: { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the status alone must tell.
  }
  return {
    status: res.status,
    code: body.errors?.[0]?.extensions?.code,
    message: body.errors?.[0]?.message,
    subgraphCalls: (await subgraphRequests()) - before,
    headers: res.headers,
  };
};

const JSON_HEADERS = { "content-type": "application/json" };

/** A JSON POST as a well-behaved client sends it, by the Hà Nội city officer unless told otherwise. */
const post = (payload: unknown, headers: Record<string, string> = {}, url?: string): RequestSpec => ({
  headers: { ...JSON_HEADERS, authorization: `Bearer ${officer}`, ...headers },
  body: JSON.stringify(payload),
  url,
});

const operation = (query: string, variables?: Record<string, unknown>): RequestSpec => post({ query, variables });

/** Any harmless query, sent with the given Authorization header. */
const withAuthorization = (authorization: string, url?: string): RequestSpec => ({
  headers: { ...JSON_HEADERS, authorization },
  body: JSON.stringify({ query: `{ provinces { code } }` }),
  url,
});

const refusedBeforeSubgraphs = (status: number, code: string) => ({ status, code, subgraphCalls: 0 });

describe("e2e > security > what the limits let through", () => {
  it("answers GraphiQL's introspection query, 15 fields deep", async () => {
    // An analyst opens GraphiQL, which reads the whole schema first.
    const outcome = await attempt(operation(getIntrospectionQuery()));
    expect(outcome).toMatchObject({ status: 200, code: undefined, subgraphCalls: 0 });
  });

  it("answers a city's communes with their merges, the heaviest saved operation", async () => {
    // A city officer lists Hà Nội's 126 communes with the former communes merged into each.
    const query = `{ province(code: "01") { communes { code name mergedFrom { code name } province { name } } } }`;
    const res = await hub.graphql<{ province: { communes: unknown[] } }>(query, {}, { token: officer });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.province.communes).toHaveLength(126);
  });
});

describe("e2e > security > request limits", () => {
  it("refuses an over-deep operation", async () => {
    // A caller walks commune → province → communes → … sixteen fields deep.
    const query = `{ commune(code: "10369") { ${"province { communes { ".repeat(7)}code${" } }".repeat(7)} } }`;
    expect(await attempt(operation(query))).toMatchObject(refusedBeforeSubgraphs(400, "QUERY_TOO_DEEP"));
  });

  it("refuses depth hidden in a chain of fragments", async () => {
    // Each fragment adds two levels and spreads the next; eight of them make eighteen.
    const fragments = Array.from(
      { length: 8 },
      (_, i) => `fragment F${i} on Province { communes { province { ${i < 7 ? `...F${i + 1}` : "code"} } } }`,
    ).join("\n");
    const query = `{ province(code: "01") { ...F0 } } ${fragments}`;
    expect(await attempt(operation(query))).toMatchObject(refusedBeforeSubgraphs(400, "QUERY_TOO_DEEP"));
  });

  it("refuses over-deep introspection", async () => {
    // A caller nests ofType sixteen fields deep, past what GraphiQL's own introspection needs.
    const query = `{ __type(name: "Query") { ${"ofType { ".repeat(14)}name${" }".repeat(14)} } }`;
    expect(await attempt(operation(query))).toMatchObject(refusedBeforeSubgraphs(400, "QUERY_TOO_DEEP"));
  });

  it("refuses an alias flood", async () => {
    // A caller tries 21 personal identification numbers in one request under different aliases.
    const lookups = Array.from(
      { length: 21 },
      (_, i) => `c${i}: citizen(personalId: "0010900000${String(i).padStart(2, "0")}") { fullName }`,
    );
    expect(await attempt(operation(`{ ${lookups.join(" ")} }`))).toMatchObject(
      refusedBeforeSubgraphs(400, "TOO_MANY_ALIASES"),
    );
  });

  it("refuses a directive flood", async () => {
    // A caller piles 21 @include directives on inline fragments.
    const query = `{ provinces { ${"... @include(if: true) { code } ".repeat(21)}} }`;
    expect(await attempt(operation(query))).toMatchObject(refusedBeforeSubgraphs(400, "TOO_MANY_DIRECTIVES"));
  });

  it("refuses a token flood at parsing with 400, not 500", async () => {
    // A document of 1,005 tokens, well under the body limit: the parser stops at token 1,001.
    const outcome = await attempt(operation(`{ provinces { ${"code ".repeat(1000)}} }`));
    expect(outcome).toMatchObject(refusedBeforeSubgraphs(400, "GRAPHQL_PARSE_FAILED"));
    expect(outcome.message).toMatch(/more (that|than) 1000 tokens/);
  });

  it("refuses a cost bomb of nested lists", async () => {
    // Communes of the province of every commune of every province, twice over.
    const query = `{ provinces { communes { province { communes { province { communes { code } } } } } } }`;
    expect(await attempt(operation(query))).toMatchObject(refusedBeforeSubgraphs(400, "QUERY_TOO_COSTLY"));
  });

  it("refuses a cost bomb of a full page times unpaginated lists", async () => {
    // A hundred residents, each with every commune of their province and each commune's merges.
    const query = `{ citizens(first: 100) { nodes { residence { province { communes { mergedFrom { code } } } } } } }`;
    expect(await attempt(operation(query))).toMatchObject(refusedBeforeSubgraphs(400, "QUERY_TOO_COSTLY"));
  });

  it("refuses the same cost bomb sent as a GET", async () => {
    // The limits do not depend on the HTTP method.
    const query = `{ provinces { communes { province { communes { code } } } } }`;
    const outcome = await attempt({
      method: "GET",
      search: `?query=${encodeURIComponent(query)}`,
      headers: { authorization: `Bearer ${officer}`, "apollo-require-preflight": "true" },
    });
    expect(outcome).toMatchObject(refusedBeforeSubgraphs(400, "QUERY_TOO_COSTLY"));
  });

  it("refuses first: 100000 as a literal", async () => {
    // A caller asks for a hundred thousand residents in one page.
    const outcome = await attempt(operation(`{ citizens(first: 100000) { nodes { fullName } } }`));
    expect(outcome).toMatchObject(refusedBeforeSubgraphs(400, "BAD_USER_INPUT"));
    expect(outcome.message).toBe("Query.citizens: first must be between 1 and 100, got 100000");
  });

  it("refuses first: 100000 through a variable", async () => {
    // The same page size, sent where the gateway cannot see it in the document.
    const query = `query Residents($n: Int) { citizens(first: $n) { nodes { fullName } } }`;
    expect(await attempt(operation(query, { n: 100000 }))).toMatchObject(refusedBeforeSubgraphs(400, "BAD_USER_INPUT"));
  });

  it("refuses an oversized page as a variable's default", async () => {
    // The page size hides in the operation's variable definition.
    const query = `query Residents($n: Int = 5000) { citizens(first: $n) { nodes { fullName } } }`;
    expect(await attempt(operation(query))).toMatchObject(refusedBeforeSubgraphs(400, "BAD_USER_INPUT"));
  });

  it("refuses first: 0", async () => {
    // An empty page is no page.
    expect(await attempt(operation(`{ communes(first: 0) { nodes { code } } }`))).toMatchObject(
      refusedBeforeSubgraphs(400, "BAD_USER_INPUT"),
    );
  });

  it("refuses a variable of the wrong type", async () => {
    // A client sends a string where the page size goes.
    const query = `query Residents($n: Int) { citizens(first: $n) { nodes { fullName } } }`;
    expect(await attempt(operation(query, { n: "ten" }))).toMatchObject(refusedBeforeSubgraphs(400, "BAD_USER_INPUT"));
  });
});

describe("e2e > security > HTTP", () => {
  it("refuses an oversized body with 413", async () => {
    // A client posts 200 kB; the gateway reads at most 100 kB.
    const outcome = await attempt(operation(`{ provinces { code } } # ${"x".repeat(200_000)}`));
    expect(outcome).toMatchObject(refusedBeforeSubgraphs(413, "PAYLOAD_TOO_LARGE"));
  });

  it("refuses a batch array: batching is off", async () => {
    // A client sends two operations in one JSON array.
    const batch = post([{ query: `{ provinces { code } }` }, { query: `{ provinces { name } }` }]);
    expect(await attempt(batch)).toMatchObject(refusedBeforeSubgraphs(400, "BAD_REQUEST"));
  });

  it("refuses malformed JSON", async () => {
    // A client's serializer drops the closing brace.
    const outcome = await attempt({ ...post({}), body: `{"query": "{ provinces { code } }"` });
    expect(outcome).toMatchObject(refusedBeforeSubgraphs(400, "BAD_REQUEST"));
  });

  it("refuses a text/plain POST as a possible cross-site request", async () => {
    // A page on another site posts a simple form-encoded request, which needs no preflight.
    const outcome = await attempt({
      headers: { "content-type": "text/plain", authorization: `Bearer ${officer}` },
      body: JSON.stringify({ query: `{ provinces { code } }` }),
    });
    expect(outcome).toMatchObject(refusedBeforeSubgraphs(400, "BAD_REQUEST"));
    expect(outcome.message).toMatch(/Cross-Site Request Forgery/);
  });

  it("refuses a form-encoded POST", async () => {
    // An HTML form on another site submits a query.
    const outcome = await attempt({
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Bearer ${officer}` },
      body: `query=${encodeURIComponent("{ provinces { code } }")}`,
    });
    expect(outcome).toMatchObject(refusedBeforeSubgraphs(400, "BAD_REQUEST"));
  });

  it("refuses a GET without a CSRF-preventing header", async () => {
    // An <img src> on another site makes the browser GET a query with the user's cookies.
    const outcome = await attempt({
      method: "GET",
      search: `?query=${encodeURIComponent("{ provinces { code } }")}`,
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(outcome).toMatchObject(refusedBeforeSubgraphs(400, "BAD_REQUEST"));
  });

  it("refuses a mutation sent as a GET with 405", async () => {
    // GET must be safe: a mutation in a link would change data when followed.
    const outcome = await attempt({
      method: "GET",
      search: `?query=${encodeURIComponent(
        'mutation { moveCivilStatusDossier(code: "10369.HT-250701-0001", expectedVersion: 1, to: PROCESSING) { code } }',
      )}`,
      headers: { authorization: `Bearer ${officer}`, "apollo-require-preflight": "true" },
    });
    expect(outcome).toMatchObject(refusedBeforeSubgraphs(405, "BAD_REQUEST"));
    expect(outcome.headers.get("allow")).toBe("POST");
  });

  it("refuses a subscription the schema does not have with 400, not a server error", async () => {
    // The API has no subscriptions; a client posts one anyway.
    expect(await attempt(operation(`subscription { provinces { code } }`))).toMatchObject(
      refusedBeforeSubgraphs(400, "GRAPHQL_VALIDATION_FAILED"),
    );
  });

  it("refuses a request with no query", async () => {
    // A client posts only an operation name.
    expect(await attempt(post({ operationName: "Provinces" }))).toMatchObject(
      refusedBeforeSubgraphs(400, "BAD_REQUEST"),
    );
  });

  it("refuses a query that is not a string", async () => {
    // A client posts the document as a number.
    expect(await attempt(post({ query: 42 }))).toMatchObject(refusedBeforeSubgraphs(400, "BAD_REQUEST"));
  });

  it("refuses an unknown operation name with 400, not a server error", async () => {
    // The document holds Provinces; the client asks to run Communes.
    const outcome = await attempt(post({ query: `query Provinces { provinces { code } }`, operationName: "Communes" }));
    expect(outcome).toMatchObject(refusedBeforeSubgraphs(400, "OPERATION_RESOLUTION_FAILURE"));
  });

  it("refuses several operations without an operation name", async () => {
    // The gateway will not guess which of two operations to run.
    const outcome = await attempt(post({ query: `query A { provinces { code } } query B { provinces { name } }` }));
    expect(outcome).toMatchObject(refusedBeforeSubgraphs(400, "OPERATION_RESOLUTION_FAILURE"));
  });

  it("refuses a syntax error", async () => {
    // A client sends a document with an unclosed selection set.
    expect(await attempt(operation(`{ provinces { code }`))).toMatchObject(
      refusedBeforeSubgraphs(400, "GRAPHQL_PARSE_FAILED"),
    );
  });

  it("refuses a field the schema does not have", async () => {
    // A caller probes for a field holding passwords.
    expect(await attempt(operation(`{ citizens { nodes { password } } }`))).toMatchObject(
      refusedBeforeSubgraphs(400, "GRAPHQL_VALIDATION_FAILED"),
    );
  });

  it("refuses a PUT with 405", async () => {
    // GraphQL over HTTP is GET and POST only.
    const outcome = await attempt({ ...operation(`{ provinces { code } }`), method: "PUT" });
    expect(outcome).toMatchObject(refusedBeforeSubgraphs(405, "BAD_REQUEST"));
  });
});

describe("e2e > security > client tokens", () => {
  const secret = new TextEncoder().encode(DEV_SECRET);
  const now = () => Math.floor(Date.now() / 1000);

  it("refuses an expired token with 401", async () => {
    // An officer's token from an hour ago, long past the clock tolerance.
    const expired = await new SignJWT({ ...PERSONAS.hanoiCityOfficer })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuedAt(now() - 7200)
      .setExpirationTime(now() - 3600)
      .sign(secret);
    expect(await attempt(withAuthorization(`Bearer ${expired}`))).toMatchObject(
      refusedBeforeSubgraphs(401, "UNAUTHENTICATED"),
    );
  });

  it("refuses a token signed with the wrong secret with 401", async () => {
    // Someone signs an admin token with a secret of their own.
    const forged = await new SignJWT({ ...PERSONAS.admin })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("not-the-secret"));
    expect(await attempt(withAuthorization(`Bearer ${forged}`))).toMatchObject(
      refusedBeforeSubgraphs(401, "UNAUTHENTICATED"),
    );
  });

  it("refuses an unsigned alg: none token with 401", async () => {
    // Someone sends an admin token with no signature at all.
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const unsigned = `${part({ alg: "none", typ: "JWT" })}.${part({ ...PERSONAS.admin, exp: now() + 3600 })}.`;
    expect(await attempt(withAuthorization(`Bearer ${unsigned}`))).toMatchObject(
      refusedBeforeSubgraphs(401, "UNAUTHENTICATED"),
    );
  });

  it("refuses a token signed with the right secret under another algorithm with 401", async () => {
    // HS512 with the development secret: only HS256 is accepted.
    const otherAlgorithm = await new SignJWT({ ...PERSONAS.admin })
      .setProtectedHeader({ alg: "HS512" })
      .setExpirationTime("1h")
      .sign(secret);
    expect(await attempt(withAuthorization(`Bearer ${otherAlgorithm}`))).toMatchObject(
      refusedBeforeSubgraphs(401, "UNAUTHENTICATED"),
    );
  });

  it("refuses a token without an expiry with 401", async () => {
    // A correctly signed token that would never expire.
    const forever = await new SignJWT({ ...PERSONAS.admin })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuedAt()
      .sign(secret);
    expect(await attempt(withAuthorization(`Bearer ${forever}`))).toMatchObject(
      refusedBeforeSubgraphs(401, "UNAUTHENTICATED"),
    );
  });

  it("refuses a token naming no known role with 401", async () => {
    // A correctly signed token for a role the hub does not have.
    const superuser = await hub.token({ sub: "someone", role: "SUPERUSER" });
    expect(await attempt(withAuthorization(`Bearer ${superuser}`))).toMatchObject(
      refusedBeforeSubgraphs(401, "UNAUTHENTICATED"),
    );
  });

  it("refuses a Bearer value that is not a token with 401", async () => {
    // A client sends garbage where the token goes.
    expect(await attempt(withAuthorization("Bearer not.a.token"))).toMatchObject(
      refusedBeforeSubgraphs(401, "UNAUTHENTICATED"),
    );
  });

  it("refuses Basic authentication with 401", async () => {
    // A client tries a user name and password.
    const basic = `Basic ${Buffer.from("admin:admin").toString("base64")}`;
    const outcome = await attempt(withAuthorization(basic));
    expect(outcome).toMatchObject(refusedBeforeSubgraphs(401, "UNAUTHENTICATED"));
    expect(outcome.headers.get("www-authenticate")).toBe("Bearer");
  });

  it("ignores forged identity headers: the registry sees the analyst and refuses", async () => {
    // An analyst adds headers claiming to be an admin; this request does reach the registry,
    // which answers FORBIDDEN for the analyst the token names.
    const analyst = await hub.token(PERSONAS.analyst);
    const outcome = await attempt(
      post(
        { query: `{ citizens(search: "nguyen") { nodes { fullName } } }` },
        {
          authorization: `Bearer ${analyst}`,
          "x-role": "ADMIN",
          "x-user-role": "ADMIN",
          "x-commune-code": "10369",
          "x-forwarded-user": "admin-01",
        },
      ),
    );
    expect(outcome).toMatchObject({ status: 200, code: "FORBIDDEN", subgraphCalls: 1 });
  });
});

describe("e2e > security > production", () => {
  let production: ProductionGateway;
  let gateway: RunningGateway;
  const idpToken = (claims: Record<string, unknown>) => production.idpToken(claims);

  beforeAll(async () => {
    production = await startProductionGateway(hub);
    gateway = production.gateway;
  });
  afterAll(() => production?.close());

  it("refuses an HS256 development token with 401", async () => {
    // A token minted with the development secret, valid on a development gateway.
    expect(await attempt(withAuthorization(`Bearer ${officer}`, gateway.url))).toMatchObject(
      refusedBeforeSubgraphs(401, "UNAUTHENTICATED"),
    );
  });

  it("refuses introspection to a citizen with 403", async () => {
    // A citizen signed in at the identity provider asks for the schema.
    const citizen = await idpToken({ sub: "citizen-1", role: "CITIZEN", personalId: "001090000001" });
    const outcome = await attempt(
      post({ query: `{ __schema { types { name } } }` }, { authorization: `Bearer ${citizen}` }, gateway.url),
    );
    expect(outcome).toMatchObject(refusedBeforeSubgraphs(403, "FORBIDDEN"));
  });

  it("refuses introspection to an anonymous caller with 401", async () => {
    // Someone without a token asks for the schema.
    const outcome = await attempt({
      headers: JSON_HEADERS,
      body: JSON.stringify({ query: `{ __type(name: "Citizen") { fields { name } } }` }),
      url: gateway.url,
    });
    expect(outcome).toMatchObject(refusedBeforeSubgraphs(401, "UNAUTHENTICATED"));
  });

  it("applies the request limits, with the same codes", async () => {
    // An officer signed in at the identity provider sends an alias flood and an oversized page.
    const token = await idpToken(PERSONAS.hanoiCityOfficer);
    const flood = `{ ${Array.from({ length: 21 }, (_, i) => `p${i}: province(code: "01") { name }`).join(" ")} }`;
    expect(await attempt(post({ query: flood }, { authorization: `Bearer ${token}` }, gateway.url))).toMatchObject(
      refusedBeforeSubgraphs(400, "TOO_MANY_ALIASES"),
    );
    const page = `{ citizens(first: 100000) { nodes { fullName } } }`;
    expect(await attempt(post({ query: page }, { authorization: `Bearer ${token}` }, gateway.url))).toMatchObject(
      refusedBeforeSubgraphs(400, "BAD_USER_INPUT"),
    );
  });
});
