import "reflect-metadata";

import { readFileSync } from "node:fs";
import { join } from "node:path";

import {
  buildSchema,
  type DocumentNode,
  getIntrospectionQuery,
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  parse,
} from "graphql";

import { ConfigError, loadConfig } from "../subgraphs/kit/config";
import { REPO_ROOT } from "../test/support/repo";
import {
  aliasCount,
  checkOperation,
  checkOperationResolved,
  DEFAULT_FIRST,
  directiveCount,
  type LimitConfig,
  limitSettings,
  listSizesOf,
  operationCost,
  operationDepth,
  requestLimits,
} from "./limits";

/** The composed graph as clients see it (the join__ machinery is there too, and harmless). */
const schema = buildSchema(readFileSync(join(REPO_ROOT, "schema/supergraph.graphql"), "utf8"));

const DEFAULTS: LimitConfig = loadConfig(limitSettings, {});

const operationOf = (query: string): { document: DocumentNode; operation: OperationDefinitionNode } => {
  const document = parse(query);
  return { document, operation: getOperationAST(document)! };
};

/** The extensions of the error checkOperation throws, or undefined when the operation passes. */
const refusal = (
  query: string,
  variables: Record<string, unknown> = {},
  config: LimitConfig = DEFAULTS,
  against: GraphQLSchema = schema,
): Record<string, unknown> | undefined => {
  const { document, operation } = operationOf(query);
  try {
    checkOperation(config, against, document, operation, variables);
    return undefined;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { message: error.message, ...error.extensions };
  }
};

const depthOf = (query: string) => {
  const { document, operation } = operationOf(query);
  return operationDepth(document, operation);
};

const costOf = (query: string, variables: Record<string, unknown> = {}, against: GraphQLSchema = schema) => {
  const { document, operation } = operationOf(query);
  return operationCost(against, document, operation, variables);
};

/** `__type` then `levels` nested `ofType`, then a leaf: valid at any depth, and depth = levels + 2. */
const ofTypeChain = (levels: number): string =>
  `{ __type(name: "Query") { ${"ofType { ".repeat(levels)}name${" }".repeat(levels)} } }`;

const aliases = (count: number): string =>
  `{ ${Array.from({ length: count }, (_, i) => `p${i}: province(code: "01") { name }`).join(" ")} }`;

const directives = (count: number): string =>
  `{ provinces { ${Array.from({ length: count }, () => "... @include(if: true) { code }").join(" ")} } }`;

const SAVED_OPERATIONS: [name: string, query: string, depth: number, cost: number, against?: GraphQLSchema][] = [
  ["README: a city's communes", `{ province(code: "01") { fullName communes { code name kind } } }`, 3, 201],
  [
    "README: a commune and its former communes",
    `{ commune(code: "10369") { fullName province { name } mergedFrom { code name mergeKind } } }`,
    3,
    22,
  ],
  [
    "README: residents by name",
    `{ citizens(search: "nguyen van", first: 20) {
        nodes { personalId fullName birthDate residence { name } } pageInfo { endCursor hasNextPage } } }`,
    4,
    42,
  ],
  [
    "README: one citizen",
    `{ citizen(personalId: "001090012345") { fullName gender birthDate residence { fullName } } }`,
    3,
    2,
  ],
  [
    "a city's communes with their merges",
    `{ province(code: "01") { communes { code name mergedFrom { code name } province { name } } } }`,
    4,
    4401,
  ],
  [
    "a full page of residents with their province",
    `{ citizens(first: 100) { nodes { fullName residence { province { name } } } } }`,
    5,
    301,
  ],
  ["every commune of the country", `{ provinces { code communes { code name } } }`, 3, 6834],
  [
    "DESIGN §3: CityDashboard",
    `query CityDashboard($from: Date!, $to: Date!) {
      province(code: "01") {
        communes { code name
          civilStatus { stats(from: $from, to: $to) { received completed onTimeRate overdue } }
          land        { stats(from: $from, to: $to) { received completed onTimeRate overdue } }
          social      { stats(from: $from, to: $to) { received completed onTimeRate overdue } } }
      }
    }`,
    5,
    1401,
  ],
  [
    // Lists without `first` count with the @listSize their subgraph declares: marriages 5 (and their
    // spouses), land rights 20 (and their parcels), benefits 10.
    // 1 citizen + 1 residence + 1 civilStatus + 1 birth + 5 + 5 + 1 land + 20 + 20 + 1 social + 10.
    "DESIGN §3: ReceptionDesk",
    `query ReceptionDesk($id: ID!) {
      citizen(personalId: $id) {
        fullName birthDate residence { name }
        civilStatus { maritalStatus birth { registeredAt } marriages { spouse { fullName } } }
        land { rights { parcel { mapSheet parcelNumber areaM2 } } }
        social { benefits { program monthlyAmountVnd } }
      }
    }`,
    5,
    66,
  ],
  ["GraphiQL's introspection query", getIntrospectionQuery(), 15, 0],
  [
    "the introspection query with every option",
    getIntrospectionQuery({
      schemaDescription: true,
      inputValueDeprecation: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      oneOf: true,
    }),
    15,
    0,
  ],
  ["an older client's introspection query", getIntrospectionQuery({ typeDepth: 7 }), 13, 0],
];

describe("gateway > limits > defaults", () => {
  it.each(SAVED_OPERATIONS)("let through %s", (_name, query, depth, cost, against = schema) => {
    // Each operation the hub's users run today or per the design passes with room to spare.
    const variables = { from: "2025-07-01", to: "2025-12-31", id: "001090012345" };
    expect(refusal(query, variables, DEFAULTS, against)).toBeUndefined();
    expect(depthOf(query)).toBe(depth);
    expect(costOf(query, variables, against)).toBe(cost);
    expect(parse(query, requestLimits(DEFAULTS).parseOptions)).toBeDefined();
  });

  it("are the documented numbers", () => {
    // gateway/LIMITS.md states these defaults and why; a change to either must change both.
    expect(DEFAULTS).toEqual({
      maxQueryDepth: 15,
      maxAliases: 20,
      maxDirectives: 20,
      maxTokens: 1000,
      maxQueryCost: 10000,
      maxPageSize: 100,
    });
  });
});

describe("gateway > limits > settings", () => {
  it("read each limit from its variable", () => {
    // An operator tightens every limit for a public deployment.
    expect(
      loadConfig(limitSettings, {
        MAX_QUERY_DEPTH: "8",
        MAX_ALIASES: "5",
        MAX_DIRECTIVES: "4",
        MAX_TOKENS: "500",
        MAX_QUERY_COST: "2000",
        MAX_PAGE_SIZE: "50",
      }),
    ).toEqual({
      maxQueryDepth: 8,
      maxAliases: 5,
      maxDirectives: 4,
      maxTokens: 500,
      maxQueryCost: 2000,
      maxPageSize: 50,
    });
  });

  it.each([
    ["MAX_QUERY_DEPTH", "0"],
    ["MAX_ALIASES", "-1"],
    ["MAX_TOKENS", "many"],
    ["MAX_QUERY_COST", "1.5"],
    ["MAX_PAGE_SIZE", "101"],
  ])("refuse %s=%s at start, naming the setting", (name, value) => {
    // A typo in the deployment stops the gateway instead of running without a limit.
    expect(() => loadConfig(limitSettings, { [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig(limitSettings, { [name]: value })).toThrow(name);
  });
});

describe("gateway > limits > depth", () => {
  it.each([
    [12, undefined],
    [13, undefined],
    [14, { code: "QUERY_TOO_DEEP", limit: 15, actual: 16 }],
  ])("counts introspection fields too: %i ofType levels", (levels, expected) => {
    // A caller nests ofType under __type; levels + 2 fields deep, so 14 levels make 16.
    expect(depthOf(ofTypeChain(levels))).toBe(levels + 2);
    expect(refusal(ofTypeChain(levels))).toEqual(
      expected && expect.objectContaining({ ...expected, http: { status: 400 } }),
    );
  });

  it("counts leaves and follows fragments but not inline fragments", () => {
    // Depth hidden in a fragment, or behind inline fragments, is depth all the same.
    expect(depthOf(`{ provinces { code } }`)).toBe(2);
    expect(depthOf(`{ provinces { ...P } } fragment P on Province { communes { province { name } } }`)).toBe(4);
    expect(depthOf(`{ provinces { ... on Province { ... { communes { code } } } } }`)).toBe(3);
    expect(depthOf(`{ __typename }`)).toBe(1);
  });

  it("is just under, at and over a configured limit", () => {
    // An operator sets MAX_QUERY_DEPTH=3.
    const config = { ...DEFAULTS, maxQueryDepth: 3 };
    expect(refusal(`{ province(code: "01") { name } }`, {}, config)).toBeUndefined();
    expect(refusal(`{ province(code: "01") { communes { code } } }`, {}, config)).toBeUndefined();
    expect(refusal(`{ province(code: "01") { communes { province { name } } } }`, {}, config)).toMatchObject({
      code: "QUERY_TOO_DEEP",
      limit: 3,
      actual: 4,
    });
  });

  it("measures each fragment once, so fragments spread into fragments stay cheap", () => {
    // Forty fragments each spreading the next twice would be 2^40 fields if expanded.
    const fragments = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i} on Province { code ${i < 39 ? `...F${i + 1} ...F${i + 1}` : ""} }`,
    ).join("\n");
    const started = Date.now();
    expect(depthOf(`{ provinces { ...F0 } } ${fragments}`)).toBe(2);
    expect(costOf(`{ provinces { ...F0 } } ${fragments}`)).toBe(34);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("gateway > limits > aliases", () => {
  it.each([
    [19, undefined],
    [20, undefined],
    [21, { code: "TOO_MANY_ALIASES", limit: 20, actual: 21 }],
  ])("%i aliases", (count, expected) => {
    // A caller looks many things up in one request under different names.
    expect(refusal(aliases(count))).toEqual(
      expected && expect.objectContaining({ ...expected, http: { status: 400 } }),
    );
  });

  it("counts the aliases of the fragments the operation uses, each fragment once", () => {
    // Aliases inside a fragment count; spreading it twice does not write them twice.
    const { document, operation } = operationOf(
      `{ a: provinces { ...N } b: provinces { ...N } } fragment N on Province { x: name y: code }
       fragment Unused on Province { z: name }`,
    );
    expect(aliasCount(document, operation)).toBe(4);
  });
});

describe("gateway > limits > directives", () => {
  it.each([
    [19, undefined],
    [20, undefined],
    [21, { code: "TOO_MANY_DIRECTIVES", limit: 20, actual: 21 }],
  ])("%i directives", (count, expected) => {
    // A caller piles @include on inline fragments.
    expect(refusal(directives(count))).toEqual(
      expected && expect.objectContaining({ ...expected, http: { status: 400 } }),
    );
  });

  it("counts directives on the operation, variables, fragments and spreads", () => {
    // Every place a directive may stand counts.
    const { document, operation } = operationOf(
      `query Q($a: Boolean = true @deprecated) @skip(if: false) {
         provinces @include(if: $a) { ...F @skip(if: false) ... @include(if: true) { code } }
       }
       fragment F on Province @skip(if: false) { name @include(if: true) }`,
    );
    expect(directiveCount(document, operation)).toBe(7);
  });
});

describe("gateway > limits > tokens", () => {
  const withTokens = (count: number) => `{ provinces { ${"code ".repeat(count - 5)}} }`;

  it.each([
    [999, true],
    [1000, true],
    [1001, false],
  ])("the parser accepts a document of %i tokens: %s", (count, accepted) => {
    // The token limit is the parser's own: it stops reading at the first token past the limit.
    const parsing = () => parse(withTokens(count), requestLimits(DEFAULTS).parseOptions);
    if (accepted) expect(parsing).not.toThrow();
    else expect(parsing).toThrow(/more that 1000 tokens/);
  });
});

describe("gateway > limits > page size", () => {
  it.each([
    [`{ citizens(first: 99) { nodes { fullName } } }`, {}],
    [`{ citizens(first: 100) { nodes { fullName } } }`, {}],
    [`query($n: Int) { communes(first: $n) { nodes { code } } }`, { n: 100 }],
    [`query($n: Int) { communes(first: $n) { nodes { code } } }`, { n: null }],
    [`query($n: Int) { communes(first: $n) { nodes { code } } }`, {}],
  ])("lets %s through with %j", (query, variables) => {
    // Pages up to the limit, and the default page, are fine.
    expect(refusal(query, variables)).toBeUndefined();
  });

  it.each([
    [`{ citizens(first: 101) { nodes { fullName } } }`, {}, "Query.citizens", 101],
    [`{ citizens(first: 100000) { nodes { fullName } } }`, {}, "Query.citizens", 100000],
    [`{ communes(first: 0) { nodes { code } } }`, {}, "Query.communes", 0],
    [`{ communes(first: -5) { nodes { code } } }`, {}, "Query.communes", -5],
    [`query($n: Int) { citizens(first: $n) { nodes { fullName } } }`, { n: 100000 }, "Query.citizens", 100000],
    [`query($n: Int = 500) { citizens(first: $n) { nodes { fullName } } }`, {}, "Query.citizens", 500],
  ])("refuses %s with %j as bad input naming the field", (query, variables, field, value) => {
    // A caller asks for a page larger than the subgraphs serve, literally or through a variable.
    expect(refusal(query, variables)).toEqual({
      message: `${field}: first must be between 1 and 100, got ${value}`,
      code: "BAD_USER_INPUT",
      field: "first",
      http: { status: 400 },
    });
  });

  it("finds the page size inside a fragment", () => {
    // The oversized page hides in a fragment on Query.
    expect(refusal(`{ ...Q } fragment Q on Query { citizens(first: 101) { nodes { fullName } } }`)).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "first",
    });
  });

  it("follows MAX_PAGE_SIZE", () => {
    // An operator allows at most 50 items per page.
    const config = { ...DEFAULTS, maxPageSize: 50 };
    expect(refusal(`{ citizens(first: 50) { nodes { fullName } } }`, {}, config)).toBeUndefined();
    expect(refusal(`{ citizens(first: 51) { nodes { fullName } } }`, {}, config)).toMatchObject({
      code: "BAD_USER_INPUT",
      message: "Query.citizens: first must be between 1 and 50, got 51",
    });
  });

  it("refuses variables of the wrong type as bad input before planning", () => {
    // A client sends a string where the page size goes.
    expect(refusal(`query($n: Int) { citizens(first: $n) { nodes { fullName } } }`, { n: "ten" })).toMatchObject({
      code: "BAD_USER_INPUT",
      http: { status: 400 },
    });
  });
});

describe("gateway > limits > list sizes", () => {
  it("reads each list's assumed size from the @listSize its own subgraph declares, through the supergraph", () => {
    // The gateway keeps no table of other services' fields: the sizes come with the composed schema.
    const sizes = listSizesOf(readFileSync(join(REPO_ROOT, "schema/supergraph.graphql"), "utf8"));
    expect(sizes).toMatchObject({
      "Query.provinces": 34,
      "Province.communes": 200,
      "Commune.mergedFrom": 20,
      "CivilStatusStats.byProcedure": 6,
      "CivilStatusDossier.history": 20,
      "CitizenCivilStatus.marriages": 5,
      "CitizenCivilStatus.maritalStatusCertificates": 10,
    });
    // Paginated lists are sized by their `first` argument, not by a declaration.
    expect(Object.keys(sizes).filter((key) => key.endsWith(".dossiers") || key.endsWith(".citizens"))).toEqual([]);
  });
});

describe("gateway > limits > cost", () => {
  it("multiplies what is under a connection by first, and under other lists by their assumed size", () => {
    // One object per composite field per parent; nodes of a connection come `first` at a time.
    expect(costOf(`{ citizens(first: 7) { nodes { fullName } } }`)).toBe(1 + 7);
    expect(costOf(`{ citizens(first: 7) { nodes { residence { name } } pageInfo { hasNextPage } } }`)).toBe(
      1 + 7 + 7 + 1,
    );
    expect(costOf(`{ citizens { nodes { fullName } } }`)).toBe(1 + DEFAULT_FIRST);
    expect(costOf(`query($n: Int) { citizens(first: $n) { nodes { fullName } } }`, { n: 3 })).toBe(1 + 3);
    expect(costOf(`{ provinces { code } }`)).toBe(34);
    expect(costOf(`{ province(code: "01") { communes { code } } }`)).toBe(1 + 200);
    expect(costOf(`{ commune(code: "10369") { mergedFrom { code } } }`)).toBe(1 + 20);
    expect(costOf(`{ provinces { communes { province { communes { code } } } } }`)).toBe(
      34 + 34 * 200 + 34 * 200 + 34 * 200 * 200,
    );
  });

  it("counts scalars, __typename and introspection as free", () => {
    // They come with their object, or from the gateway's own schema.
    expect(costOf(`{ __typename }`)).toBe(0);
    expect(costOf(`{ __schema { types { name fields { name } } } }`)).toBe(0);
    expect(costOf(`{ province(code: "01") { code name fullName nameEn kind __typename } }`)).toBe(1);
  });

  it("leaves out what @skip and @include leave out", () => {
    // A dashboard toggles its commune list with a variable.
    const query = `query($all: Boolean!) { province(code: "01") { communes @include(if: $all) { code } } }`;
    expect(costOf(query, { all: false })).toBe(1);
    expect(costOf(query, { all: true })).toBe(201);
    expect(costOf(`{ provinces @skip(if: true) { code } }`)).toBe(0);
  });

  it("follows fragments and inline fragments", () => {
    // The same shape written with fragments costs the same.
    const plain = `{ province(code: "01") { communes { province { name } } } }`;
    const withFragments = `{ province(code: "01") { ...C } } fragment C on Province { communes { ... on Commune { province { name } } } }`;
    expect(costOf(withFragments)).toBe(costOf(plain));
  });

  it("hands a connection's page size down through a fragment on the connection", () => {
    // A client keeps its page selection in a fragment.
    expect(
      costOf(`{ citizens(first: 5) { ...Page } } fragment Page on CitizenConnection { nodes { residence { name } } }`),
    ).toBe(1 + 5 + 5);
  });

  it.each([
    [200, undefined],
    [201, undefined],
    [202, { code: "QUERY_TOO_COSTLY", limit: 201, actual: 202 }],
  ])("is just under, at and over a configured limit: cost %i", (cost, expected) => {
    // A page of n residents with their commune costs 1 + 2n (+1 with pageInfo); MAX_QUERY_COST=201.
    const config = { ...DEFAULTS, maxQueryCost: 201 };
    const n = Math.floor((cost - 1) / 2);
    const query = `{ citizens(first: ${n}) { nodes { residence { name } } ${cost % 2 === 0 ? "pageInfo { hasNextPage }" : ""} } }`;
    expect(costOf(query)).toBe(cost);
    expect(refusal(query, {}, config)).toEqual(
      expected && expect.objectContaining({ ...expected, http: { status: 400 } }),
    );
  });

  it("refuses a cost bomb by default, with a finite cost", () => {
    // Communes of provinces of communes of provinces: lists nested in lists.
    const bomb = `{ provinces { communes { province { communes { province { communes { province { communes { code } } } } } } } } }`;
    const error = refusal(bomb);
    expect(error).toMatchObject({ code: "QUERY_TOO_COSTLY", limit: 10000 });
    expect(error!.actual).toBeGreaterThan(10000);
    expect(Number.isFinite(error!.actual)).toBe(true);
  });

  it("checks page sizes before cost, so first: 100000 is bad input rather than too costly", () => {
    // The page size is the client's mistake to fix; naming it helps more than a cost.
    expect(refusal(`{ citizens(first: 100000) { nodes { residence { name } } } }`)).toMatchObject({
      code: "BAD_USER_INPUT",
    });
  });
});

describe("gateway > limits > operation resolution", () => {
  it("refuses an unknown operation name, an unnamed choice and a missing root type as 400s", () => {
    // Left to the gateway's planner, each would be a 500.
    const codeOf = (run: () => unknown) => {
      try {
        run();
        return undefined;
      } catch (error) {
        return (error as GraphQLError).extensions;
      }
    };
    const two = parse(`query A { provinces { code } } query B { provinces { name } }`);
    expect(codeOf(() => checkOperationResolved(schema, getOperationAST(two, "C") ?? undefined, "C"))).toEqual({
      code: "OPERATION_RESOLUTION_FAILURE",
      http: { status: 400 },
    });
    expect(codeOf(() => checkOperationResolved(schema, getOperationAST(two) ?? undefined, undefined))).toEqual({
      code: "OPERATION_RESOLUTION_FAILURE",
      http: { status: 400 },
    });
    const subscription = getOperationAST(parse(`subscription { provinces { code } }`))!;
    expect(codeOf(() => checkOperationResolved(schema, subscription, undefined))).toEqual({
      code: "GRAPHQL_VALIDATION_FAILED",
      http: { status: 400 },
    });
    const query = getOperationAST(two, "A")!;
    expect(checkOperationResolved(schema, query, "A")).toBe(query);
  });
});

describe("gateway > limits > requestLimits", () => {
  it("hands Apollo the parser's token limit and one plugin, and no validation rules", () => {
    // Validation rules would lose their codes to GRAPHQL_VALIDATION_FAILED; the plugin keeps them.
    const limits = requestLimits({ ...DEFAULTS, maxTokens: 321 });
    expect(limits.parseOptions).toEqual({ maxTokens: 321 });
    expect(limits.validationRules).toEqual([]);
    expect(limits.plugins).toHaveLength(1);
  });
});
