import { existsSync, mkdirSync } from "node:fs";
import { createServer as createHttpServer, get as httpGet, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { gunzipSync } from "node:zlib";

import { chromium } from "playwright-core";
import ts from "typescript";

import { loadGatewayConfig } from "../../gateway/config";
import {
  DEMO_CITIZEN_ID,
  GRAPHIQL_CSP,
  graphiqlRoutes,
  loadSavedOperations,
  parseSavedOperation,
  type SavedOperation,
  SHOWCASE_CITIZEN_ID,
} from "../../gateway/graphiql";
import { communesOfProvince } from "../../subgraphs/kit/admin-units";
import { generateCitizens, showcaseResident } from "../../subgraphs/kit/population";
import { type GraphqlResponse, type Hub, startHub } from "../support/hub";
import { type LaunchedHub, launchHub } from "../support/launcher";
import { ADMIN_UNITS_FILE, REPO_ROOT } from "../support/repo";

const CHROMIUM = "/usr/bin/chromium";
const OPERATION_FILES = [
  "analyst-statistics.graphql",
  "citizen-360.graphql",
  "city-dashboard.graphql",
  "civil-status-desk.graphql",
  "land-desk.graphql",
  "payment-roll.graphql",
  "reception-desk.graphql",
  "social-desk.graphql",
];

interface PersonaBody {
  note: string;
  personas: { id: string; label: string; description: string; claims: Record<string, unknown>; token: string }[];
}

let hub: Hub;
let origin: string;
let personas: PersonaBody;

const tokenOf = (id: string): string => {
  const persona = personas.personas.find((candidate) => candidate.id === id);
  if (!persona) throw new Error(`no persona ${id}`);
  return persona.token;
};

const run = async <T = Record<string, unknown>>(file: string, persona: string): Promise<GraphqlResponse<T>> => {
  const operation = loadSavedOperations().find((candidate) => candidate.file === file)!;
  return hub.graphql<T>(operation.query, operation.variables, { token: tokenOf(persona) });
};

beforeAll(async () => {
  hub = await startHub();
  origin = new URL(hub.gatewayUrl).origin;
  personas = (await (await fetch(`${origin}/graphiql/personas`)).json()) as PersonaBody;
});
afterAll(() => hub?.close());

describe("e2e > graphiql > saved operations", () => {
  it("are the files of gateway/operations, each opening with who runs it, with its default variables", () => {
    // A newcomer opens GraphiQL and finds the operations the hub's users run, explained.
    const operations = loadSavedOperations();
    expect(operations.map((operation) => operation.file)).toEqual(OPERATION_FILES);
    expect(operations.map((operation) => operation.name)).toEqual([
      "AnalystStatistics",
      "Citizen360",
      "CityDashboard",
      "CivilStatusDesk",
      "LandDesk",
      "PaymentRoll",
      "ReceptionDesk",
      "SocialDesk",
    ]);
    for (const operation of operations) {
      expect(operation.description.length).toBeGreaterThan(100);
      expect(operation.query.startsWith("# ")).toBe(true);
      expect(operation.query).not.toMatch(/Variables:/);
    }
    expect(operations.map((operation) => operation.variables)).toEqual([
      {},
      { personalId: SHOWCASE_CITIZEN_ID },
      { provinceCode: "01", from: "2026-11-01", to: "2026-11-30", month: "2026-11" },
      { communeCode: "10369", first: 10 },
      { communeCode: "10369", mapUnitCode: "10369", mapSheet: 1, parcelNumber: 1, first: 10 },
      { communeCode: "10369", month: "2026-12", first: 50 },
      { personalId: DEMO_CITIZEN_ID },
      { communeCode: "10369", personalId: "001068698919", first: 10 },
    ]);
  });

  it("reads the comment, the variables block and the one named operation of a file", () => {
    // Someone adds a saved operation; the format is a comment, `# Variables:` with JSON, then the operation.
    const parsed = parseSavedOperation(
      "x.graphql",
      '# Who and why.\n#\n# Variables:\n# {\n#   "code": "01"\n# }\nquery X($code: ID!) {\n  province(code: $code) {\n    name\n  }\n}\n\n',
    );
    expect(parsed).toEqual({
      file: "x.graphql",
      name: "X",
      description: "Who and why.",
      query: "# Who and why.\nquery X($code: ID!) {\n  province(code: $code) {\n    name\n  }\n}\n",
      variables: { code: "01" },
    });
    expect(() => parseSavedOperation("y.graphql", "query Y { provinces { code } }")).toThrow(
      /must open with a comment/,
    );
    expect(() =>
      parseSavedOperation("z.graphql", "# Z\n# Variables:\n# {nope}\nquery Z { provinces { code } }"),
    ).toThrow(/variables are not JSON/);
    expect(() => parseSavedOperation("w.graphql", "# W\n{ provinces { code } }")).toThrow(/one named operation/);
  });

  it("city dashboard: a city officer of Hà Nội reads all 126 communes, Ứng Thiên among them", async () => {
    // The city department opens its dashboard.
    const res = await run<{
      province: {
        code: string;
        name: string;
        fullName: string;
        civilStatus: { stats: { received: number } };
        land: { stats: { received: number }; registerStats: { certificatesIssued: number } };
        communes: {
          code: string;
          name: string;
          kind: string;
          civilStatus: { stats: { received: number } };
          land: { stats: { received: number }; registerStats: { certificatesIssued: number } };
        }[];
      };
    }>("city-dashboard.graphql", "city-officer");
    expect(res.body.errors).toBeUndefined();
    const province = res.body.data!.province;
    expect([province.code, province.name, province.fullName]).toEqual(["01", "Hà Nội", "Thành phố Hà Nội"]);
    expect(province.communes).toHaveLength(126);
    expect(province.communes.map(({ code, name, kind }) => ({ code, name, kind }))).toContainEqual({
      code: "10369",
      name: "Ứng Thiên",
      kind: "COMMUNE",
    });
    // The province's figures are the sum of its communes'.
    const sum = province.communes.reduce((total, commune) => total + commune.civilStatus.stats.received, 0);
    expect(province.civilStatus.stats.received).toBe(sum);
    // The land desk beside it, figures and register alike.
    const land = province.communes.reduce((total, commune) => total + commune.land.stats.received, 0);
    expect(province.land.stats.received).toBe(land);
    const issued = province.communes.reduce((total, c) => total + c.land.registerStats.certificatesIssued, 0);
    expect(province.land.registerStats.certificatesIssued).toBe(issued);
  });

  it("civil-status desk: the Ứng Thiên officer lists open dossiers with each applicant's marital status", async () => {
    // The desk received a resident's request this morning; the officer opens the work list.
    const officer = tokenOf("commune-officer");
    const received = await hub.graphql(
      `mutation($input: ReceiveCivilStatusDossierInput!) { receiveCivilStatusDossier(input: $input) { code } }`,
      {
        input: {
          idempotencyKey: "graphiql-desk-0001",
          procedureCode: "1.004873",
          applicantPersonalId: DEMO_CITIZEN_ID,
        },
      },
      { token: officer },
    );
    expect(received.body.errors).toBeUndefined();
    const res = await run<{
      commune: {
        code: string;
        civilStatus: {
          dossiers: {
            nodes: {
              code: string;
              status: string;
              applicant: { fullName: string; civilStatus: { maritalStatus: string } };
            }[];
          };
        };
      };
    }>("civil-status-desk.graphql", "commune-officer");
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!.commune.civilStatus.dossiers.nodes;
    expect(nodes.map((node) => node.code)).toContain(
      (received.body.data as { receiveCivilStatusDossier: { code: string } }).receiveCivilStatusDossier.code,
    );
    expect(nodes.length).toBeLessThanOrEqual(10);
    for (const node of nodes) {
      expect(node.code).toMatch(/^10369\.HT-/);
      expect(["SUBMITTED", "ACCEPTED", "PROCESSING", "SUPPLEMENT_REQUESTED"]).toContain(node.status);
      expect(node.applicant.fullName.length).toBeGreaterThan(0);
      expect(["SINGLE", "MARRIED", "DIVORCED", "WIDOWED"]).toContain(node.applicant.civilStatus.maritalStatus);
    }
    // The city officer may open it too; an analyst, who reads no personal data, may not.
    const city = await run("civil-status-desk.graphql", "city-officer");
    expect(city.body.errors).toBeUndefined();
    const analyst = await run("civil-status-desk.graphql", "analyst");
    expect(analyst.body.errors![0].extensions!.code).toBe("FORBIDDEN");
  });

  it("land desk: before a transfer, the Ứng Thiên land officer opens a parcel's certificate, holders and encumbrances", async () => {
    // The desk registered the parcel's first certificate to the demo citizen; a transfer dossier is now open.
    const officer = tokenOf("land-officer");
    const receive = async (key: string, procedureCode: string) => {
      const res = await hub.graphql<{ receiveLandDossier: { code: string; version: number } }>(
        `mutation($input: ReceiveLandDossierInput!) { receiveLandDossier(input: $input) { code version } }`,
        { input: { idempotencyKey: key, procedureCode, applicantPersonalId: DEMO_CITIZEN_ID } },
        { token: officer },
      );
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.receiveLandDossier;
    };
    const first = await receive("graphiql-land-0001", "1.013978");
    const registered = await hub.graphql(
      `mutation($input: RegisterFirstCertificateInput!) { registerFirstCertificate(input: $input) { code status } }`,
      {
        input: {
          dossierCode: first.code,
          expectedVersion: first.version,
          parcel: {
            mapUnitCode: "10369",
            mapSheet: 1,
            parcelNumber: 1,
            areaM2: 180.5,
            uses: [{ landUseCode: "ONT", areaM2: 180.5 }],
          },
          certificate: { serial: "CS 000001", form: "GCN_2009" },
          holders: [{ personalId: DEMO_CITIZEN_ID, role: "INDIVIDUAL" }],
        },
      },
      { token: officer },
    );
    expect(registered.body.errors).toBeUndefined();
    const transfer = await receive("graphiql-land-0002", "1.013831");

    const res = await run<{
      landParcel: {
        areaM2: number;
        uses: { landUseCode: string; areaM2: number; termUntil: string | null }[];
        validCertificate: {
          serial: string;
          status: string;
          holders: { role: string; deceasedOn: string | null; citizen: { personalId: string; fullName: string } }[];
        };
        encumbrances: unknown[];
      };
      commune: { land: { dossiers: { nodes: { code: string; status: string; applicant: { fullName: string } }[] } } };
    }>("land-desk.graphql", "land-officer");
    expect(res.body.errors).toBeUndefined();
    const parcel = res.body.data!.landParcel;
    expect(parcel.areaM2).toBe(180.5);
    expect(parcel.uses).toEqual([{ landUseCode: "ONT", areaM2: 180.5, termUntil: null }]);
    expect(parcel.validCertificate.serial).toBe("CS 000001");
    expect(parcel.validCertificate.status).toBe("VALID");
    expect(parcel.validCertificate.holders.map((holder) => [holder.role, holder.citizen.personalId])).toEqual([
      ["INDIVIDUAL", DEMO_CITIZEN_ID],
    ]);
    expect(parcel.validCertificate.holders[0].citizen.fullName.length).toBeGreaterThan(0);
    expect(parcel.encumbrances).toEqual([]);
    const open = res.body.data!.commune.land.dossiers.nodes;
    expect(open.map((node) => [node.code, node.status])).toEqual([[transfer.code, "ACCEPTED"]]);
    // The civil-status officer of the same commune works in another field: the land desk is not theirs.
    const other = await run("land-desk.graphql", "commune-officer");
    expect(other.body.errors!.map((error) => error.extensions!.code)).toEqual(["FORBIDDEN", "FORBIDDEN"]);
  });

  it("reception desk: the Ứng Thiên officer looks up the demo citizen by personal ID", async () => {
    // A resident of Ba Đình files a procedure at Ứng Thiên's desk.
    const res = await run<{ citizen: Record<string, unknown> }>("reception-desk.graphql", "commune-officer");
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.citizen).toMatchObject({
      personalId: DEMO_CITIZEN_ID,
      gender: "MALE",
      residence: { code: "00004", fullName: "Phường Ba Đình", province: { code: "01", name: "Hà Nội" } },
    });
  });

  it("analyst statistics: an analyst reads every province's communes by kind, and no personal data", async () => {
    // An analyst counts wards, communes and special zones per province.
    const res = await run<{ provinces: { code: string; kind: string; communes: { kind: string }[] }[] }>(
      "analyst-statistics.graphql",
      "analyst",
    );
    expect(res.body.errors).toBeUndefined();
    const provinces = res.body.data!.provinces;
    expect(provinces).toHaveLength(34);
    expect(provinces.reduce((sum, province) => sum + province.communes.length, 0)).toBe(3321);
    expect(provinces.find((province) => province.code === "01")!.communes).toHaveLength(126);
    const denied = await run("reception-desk.graphql", "analyst");
    expect(denied.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("the citizen persona exists in the seeded population and reads their own record", async () => {
    // The citizen of the demo personas opens the reception-desk query on themselves.
    const own = await run<{ citizen: { personalId: string } }>("reception-desk.graphql", "citizen");
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data!.citizen.personalId).toBe(DEMO_CITIZEN_ID);
  });
});

describe("e2e > graphiql > citizen 360 on a hub started with its demo data", () => {
  let launched: LaunchedHub | undefined;
  afterAll(() => launched?.cleanUp());

  /** Runs a query on the launched hub's gateway with a token. */
  const seeded = {
    graphql: async <T>(
      query: string,
      variables: Record<string, unknown>,
      token: string,
    ): Promise<GraphqlResponse<T>> => {
      const res = await fetch(`http://127.0.0.1:${launched!.ports.gateway}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GraphqlResponse<T>["body"] };
    },
  };

  it("citizen 360: the Ứng Thiên leader sees one resident in every field, with the residence's merge history", async () => {
    // A commune leader reviews the oldest resident of the commune with everything the hub knows.
    // The saved default is that person at the demo scale; this hub runs `npm start` at the test
    // scale, whose showcase resident every field's seed gives records at Ứng Thiên in the same way.
    // (The populations are generated before the hub starts: the demo's takes seconds.)
    const communes = communesOfProvince(ADMIN_UNITS_FILE, "01");
    expect(showcaseResident(generateCitizens(communes, "demo"))?.personalId).toBe(SHOWCASE_CITIZEN_ID);
    const population = [...generateCitizens(communes, "test")];
    const showcase = showcaseResident(population)!;
    launched = await launchHub("citizen360");
    const body = (await (
      await fetch(`http://127.0.0.1:${launched.ports.gateway}/graphiql/personas`)
    ).json()) as PersonaBody;
    const leader = body.personas.find((persona) => persona.id === "commune-leader")!.token;
    const operation = loadSavedOperations().find((candidate) => candidate.file === "citizen-360.graphql")!;
    const res = await seeded.graphql<{
      citizen: {
        personalId: string;
        residence: { code: string; kind: string; mergedFrom: unknown[]; province: { kind: string } };
        civilStatus: { birth: { registeredAt: string } | null };
        land: { rights: { role: string; certificate: { status: string } }[] };
        social: {
          monthlyAmountVnd: number;
          benefits: { program: string; endMonth: string | null; monthlyAmountVnd: number }[];
        };
      };
    }>(operation.query, { personalId: showcase.personalId }, leader);
    expect(res.body.errors).toBeUndefined();
    const citizen = res.body.data!.citizen;
    expect(citizen.personalId).toBe(showcase.personalId);
    expect(citizen.residence.code).toBe("10369");
    expect(citizen.residence.kind).toBe("COMMUNE");
    expect(citizen.residence.mergedFrom.length).toBeGreaterThan(0);
    expect(citizen.residence.province.kind).toBe("CITY");
    expect(citizen.civilStatus.birth).not.toBeNull();
    expect(citizen.land.rights.map((right) => [right.role, right.certificate.status])).toContainEqual([
      "INDIVIDUAL",
      "VALID",
    ]);
    const running = citizen.social.benefits.filter((benefit) => benefit.endMonth === null);
    expect(running).toHaveLength(1);
    expect(citizen.social.monthlyAmountVnd).toBe(running[0].monthlyAmountVnd);
    expect(citizen.social.monthlyAmountVnd).toBeGreaterThan(0);
    // A resident of another commune, with no records at Ứng Thiên: each field refuses its own
    // namespace, the registry answers.
    const other = population.at(-1)!;
    expect(other.residenceCommuneCode).not.toBe("10369");
    const stranger = await seeded.graphql<{ citizen: { personalId: string; social: unknown } }>(
      operation.query,
      { personalId: other.personalId },
      leader,
    );
    expect(stranger.body.data!.citizen.personalId).toBe(other.personalId);
    expect(stranger.body.data!.citizen.social).toBeNull();
    expect(stranger.body.errors!.map((error) => [error.path!.join("."), error.extensions!.code]).sort()).toEqual([
      ["citizen.civilStatus", "FORBIDDEN"],
      ["citizen.land", "FORBIDDEN"],
      ["citizen.social", "FORBIDDEN"],
    ]);
  });
});

describe("e2e > graphiql > page, assets and routes", () => {
  it("serves the page with a strict Content-Security-Policy, revalidated on every load", async () => {
    // A browser loads /graphiql; only this origin may provide scripts, styles, workers and data.
    const res = await fetch(`${origin}/graphiql`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toBe(GRAPHIQL_CSP);
    expect(GRAPHIQL_CSP).toContain("default-src 'self'");
    expect(GRAPHIQL_CSP).toContain("connect-src 'self'");
    expect(GRAPHIQL_CSP).toContain("script-src 'self';");
    expect(GRAPHIQL_CSP).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    const again = await fetch(`${origin}/graphiql`, { headers: { "if-none-match": res.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("serves every asset the page names from the bundle, cached for good, gzipped on request", async () => {
    // The page's script and stylesheet come from the build, with hashed names.
    const html = await (await fetch(`${origin}/graphiql`)).text();
    const assets = [...html.matchAll(/"\/graphiql\/assets\/([^"]+)"/g)].map(([, name]) => name);
    expect(assets).toEqual([expect.stringMatching(/^app-\w+\.css$/), expect.stringMatching(/^app-\w+\.js$/)]);
    for (const name of assets) {
      const res = await fetch(`${origin}/graphiql/assets/${name}`, { headers: { "accept-encoding": "identity" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe(
        name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8",
      );
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("content-encoding")).toBeNull();
      const plain = Buffer.from(await res.arrayBuffer());
      expect(plain.length).toBeGreaterThan(10_000);
      // Node's fetch would decompress silently: read the raw bytes over HTTP instead.
      const gzipped = await rawGet(`${origin}/graphiql/assets/${name}`, { "accept-encoding": "gzip" });
      expect(gzipped.headers["content-encoding"]).toBe("gzip");
      expect(gzipped.body.length).toBeLessThan(plain.length * 0.75);
      expect(gunzipSync(gzipped.body).equals(plain)).toBe(true);
    }
    expect((await fetch(`${origin}/graphiql/assets/app-missing.js`)).status).toBe(404);
    expect((await fetch(`${origin}/graphiql/assets/%2e%2e%2f%2e%2e%2fgraphiql.js`)).status).toBe(404);
  });

  it("returns the saved operations and, in development, the personas with fresh tokens", async () => {
    // The page asks for what to offer: the operations always, the personas outside production.
    const operations = await fetch(`${origin}/graphiql/operations`);
    expect(operations.headers.get("cache-control")).toBe("no-cache");
    expect(((await operations.json()) as { operations: SavedOperation[] }).operations).toEqual(loadSavedOperations());

    const res = await fetch(`${origin}/graphiql/personas`);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as PersonaBody;
    expect(body.note).toMatch(/Development only/);
    expect(body.personas.map((persona) => [persona.id, persona.claims.role])).toEqual([
      ["citizen", "CITIZEN"],
      ["commune-officer", "COMMUNE_OFFICER"],
      ["land-officer", "COMMUNE_OFFICER"],
      ["social-officer", "COMMUNE_OFFICER"],
      ["commune-leader", "COMMUNE_LEADER"],
      ["city-officer", "CITY_OFFICER"],
      ["analyst", "ANALYST"],
    ]);
    expect(body.personas.find((persona) => persona.id === "commune-officer")!.claims).toEqual({
      sub: "dev-commune-officer-10369",
      role: "COMMUNE_OFFICER",
      communeCode: "10369",
      provinceCode: "01",
      fields: ["CIVIL_STATUS"],
    });
    expect(body.personas.find((persona) => persona.id === "citizen")!.description).toContain(DEMO_CITIZEN_ID);
  });

  it("refuses other methods and leaves unknown paths to the gateway's 404", async () => {
    // A client posts to the page, or mistypes a path under it.
    const post = await fetch(`${origin}/graphiql`, { method: "POST", body: "x" });
    expect([post.status, post.headers.get("allow")]).toEqual([405, "GET, HEAD"]);
    const unknown = await fetch(`${origin}/graphiql/nothing`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      "NOT_FOUND",
    );
  });

  it("offers no personas in production, and nothing at all when GRAPHIQL_ENABLED=false", async () => {
    // The same routes as a production gateway and a gateway with the page switched off serve them.
    const production = await serveRoutes(
      graphiqlRoutes({ nodeEnv: "production", devJwtSecret: "unused", graphiqlEnabled: true }),
    );
    const off = await serveRoutes(graphiqlRoutes(loadGatewayConfig({ NODE_ENV: "test", GRAPHIQL_ENABLED: "false" })));
    try {
      expect((await fetch(`${production.url}/graphiql`)).status).toBe(200);
      expect((await fetch(`${production.url}/graphiql/operations`)).status).toBe(200);
      expect((await fetch(`${production.url}/graphiql/personas`)).status).toBe(404);
      expect((await fetch(`${off.url}/graphiql`)).status).toBe(404);
      expect((await fetch(`${off.url}/graphiql/operations`)).status).toBe(404);
    } finally {
      production.server.close();
      off.server.close();
    }
    expect(loadGatewayConfig({ NODE_ENV: "test" }).graphiqlEnabled).toBe(true);
    expect(() => loadGatewayConfig({ NODE_ENV: "test", GRAPHIQL_ENABLED: "yes" })).toThrow(/GRAPHIQL_ENABLED/);
  });

  it("type-checks the page's source (the root tsconfig.json leaves the browser code out)", () => {
    // gateway/graphiql/ is bundled by esbuild, which does not check types; this does.
    const configFile = resolve(REPO_ROOT, "gateway/graphiql/tsconfig.json");
    const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, resolve(REPO_ROOT, "gateway/graphiql"));
    const program = ts.createProgram(parsed.fileNames, parsed.options);
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    expect(parsed.fileNames.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 60_000);
});

/** A GET whose body is returned as sent, not decompressed. */
const rawGet = (url: string, headers: Record<string, string>) =>
  new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((done, fail) => {
    httpGet(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => done({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", fail);
    }).on("error", fail);
  });

/** The GraphiQL routes alone behind a plain HTTP server, answering 404 where they do not. */
const serveRoutes = async (routes: ReturnType<typeof graphiqlRoutes>): Promise<{ server: Server; url: string }> => {
  const server = createHttpServer((req, res) => {
    if (routes(req, res, new URL(req.url ?? "/", "http://localhost"))) return;
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};

const chromiumPresent = existsSync(CHROMIUM);
const describeInChromium = chromiumPresent ? describe : describe.skip;

describeInChromium(
  `e2e > graphiql > in Chromium${chromiumPresent ? "" : ` (skipped: ${CHROMIUM} is missing; apt-get install chromium)`}`,
  () => {
    let hub: LaunchedHub | undefined;
    afterAll(() => hub?.cleanUp());

    it("runs the saved city dashboard as a city officer and shows Ứng Thiên, loading nothing from elsewhere", async () => {
      // A city officer opens GraphiQL on a hub started with `npm start`, on a machine without internet.
      hub = await launchHub("graphiql");
      const gatewayPort = hub.ports.gateway;

      const gatewayOrigin = `http://127.0.0.1:${gatewayPort}`;
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
        ],
      });
      const requests: string[] = [];
      const problems: string[] = [];
      try {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        page.on("request", (request) => requests.push(request.url()));
        page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
        page.on("console", (message) => {
          if (message.type() === "error") problems.push(`console: ${message.text()}`);
        });

        await page.goto(`${gatewayOrigin}/graphiql`);
        // The documentation opens on the query type, in Vietnamese and English.
        await page.locator(".graphiql-doc-explorer").getByText("Các tỉnh, thành phố").first().waitFor();
        // The pickers wait for GraphiQL's editors.
        await page.locator("#hub-bar select").nth(1).waitFor();
        await page.locator("#hub-bar select[disabled]").first().waitFor({ state: "detached" });
        await page.getByLabel("Persona").selectOption("city-officer");
        // The persona's fresh token is in the headers editor, as a person would paste their own.
        await page.locator(".graphiql-editor-tools").getByText("Headers", { exact: true }).click();
        await page
          .locator(".graphiql-editor-tool .view-line")
          .filter({ hasText: '"authorization": "Bearer eyJ' })
          .waitFor();
        await page.getByLabel("Saved operation").selectOption("city-dashboard.graphql");
        await page.locator(".graphiql-tab-active").getByText("CityDashboard").waitFor();
        await page.locator(".graphiql-execute-button").click();

        const response = page.locator(".graphiql-response");
        await response
          .getByText('"Thành phố Hà Nội"')
          .first()
          .waitFor({ timeout: 30_000 })
          .catch(async (error: unknown) => {
            await page.screenshot({ path: resolve(REPO_ROOT, "test-results/graphiql-failed.png") });
            throw error;
          });
        // The response editor draws only the lines in view: search it, as a person would.
        await response.locator(".monaco-editor").first().click();
        await page.keyboard.press("Control+F");
        await page.keyboard.type("Ứng Thiên");
        await page.keyboard.press("Enter");
        await response.locator(".view-line").filter({ hasText: '"name": "Ứng Thiên"' }).waitFor({ timeout: 10_000 });

        mkdirSync(resolve(REPO_ROOT, "test-results"), { recursive: true });
        await page.screenshot({ path: resolve(REPO_ROOT, "test-results/graphiql.png") });
      } finally {
        await browser.close();
      }

      expect(requests.length).toBeGreaterThan(5);
      expect(requests.filter((url) => new URL(url).origin !== gatewayOrigin)).toEqual([]);
      expect(requests).toContain(`${gatewayOrigin}/graphql`);
      expect(requests.some((url) => /\/graphiql\/assets\/graphql\.worker-\w+\.js$/.test(url))).toBe(true);
      expect(problems).toEqual([]);

      const launcher = hub.process;
      const exited = new Promise<number | null>((done) => launcher.once("exit", (code) => done(code)));
      launcher.kill("SIGTERM");
      expect(await exited).toBe(0);
    }, 240_000);
  },
);
