import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

import { Kind, parse } from "graphql";

import { type IdentityClaims, Role, WorkField } from "../subgraphs/kit/caller";
import { ConfigError, setting } from "../subgraphs/kit/config";
import { mintDevToken } from "./auth";
import type { GatewayConfig } from "./config";
import { CONTENT_TYPES, pageRoutes, payloadOf, type Route } from "./static-assets";

/** Settings of the locally served GraphiQL page, spread into gatewaySettings. */
export const graphiqlSettings = {
  graphiqlEnabled: setting({
    name: "GRAPHIQL_ENABLED",
    description: "serve the GraphiQL page at /graphiql (true or false); analysts use it in production too",
    devDefault: "true",
    parse: (raw) => {
      if (raw === "true") return true;
      if (raw === "false") return false;
      throw new ConfigError(`must be true or false, got ${raw}`);
    },
  }),
};

export type GraphiqlConfig = Pick<GatewayConfig, "nodeEnv" | "devJwtSecret" | "graphiqlEnabled">;

// ---------------------------------------------------------------------------------------------
// Where things are. Compiled, this file is dist/gateway/graphiql.js: the build writes the bundle
// beside it (infra/graphiql/build.ts) and copies the saved operations there too, since a
// production image carries dist/ but not the TypeScript sources.

/** The bundled page: index.html and its hashed JS, CSS and worker files. */
export const GRAPHIQL_ASSETS_DIR = resolve(__dirname, "graphiql-assets");

/** The saved operations: the copy made by the build first, then the sources (gateway/operations). */
export const SAVED_OPERATION_DIRS = [resolve(__dirname, "operations"), resolve(__dirname, "../../gateway/operations")];

// ---------------------------------------------------------------------------------------------
// Saved operations

export interface SavedOperation {
  /** The file name, e.g. city-dashboard.graphql. */
  file: string;
  /** The operation's name, e.g. CityDashboard: GraphiQL titles its tab with it. */
  name: string;
  /** The leading comment: who runs it and why. */
  description: string;
  /** The document as GraphiQL shows it: the file without its variables block. */
  query: string;
  /** The default variables, shown in GraphiQL's variables pane. */
  variables: Record<string, unknown>;
}

/**
 * Reads one saved operation. The file opens with a comment saying who runs it and why; a line
 * `# Variables:` in that comment starts its default variables, a JSON object that runs to the
 * end of the comment. The rest is one named operation.
 */
export const parseSavedOperation = (file: string, text: string): SavedOperation => {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const commentEnd = lines.findIndex((line) => !line.startsWith("#"));
  const leading = lines.slice(0, commentEnd === -1 ? lines.length : commentEnd);
  const variablesAt = leading.findIndex((line) => /^#\s*Variables:\s*$/i.test(line));
  const describing = variablesAt === -1 ? leading : leading.slice(0, variablesAt);
  const description = describing
    .map((line) => line.replace(/^#\s?/, ""))
    .join("\n")
    .trim();
  if (!description) throw new Error(`${file}: the file must open with a comment saying who runs it and why`);

  let variables: Record<string, unknown> = {};
  if (variablesAt !== -1) {
    const json = leading
      .slice(variablesAt + 1)
      .map((line) => line.replace(/^#\s?/, ""))
      .join("\n");
    try {
      variables = JSON.parse(json) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${file}: the variables are not JSON: ${(error as Error).message}`);
    }
    if (variables === null || typeof variables !== "object" || Array.isArray(variables)) {
      throw new Error(`${file}: the variables must be a JSON object`);
    }
  }

  // GraphiQL shows the comment and the operation; the variables go to their own pane.
  const comment = [...describing];
  while (comment.length > 0 && /^#\s*$/.test(comment[comment.length - 1])) comment.pop();
  const body = lines.slice(leading.length);
  while (body.length > 0 && body[body.length - 1].trim() === "") body.pop();
  const query = `${[...comment, ...body].join("\n")}\n`;

  const operations = parse(query).definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || !operations[0].name) {
    throw new Error(`${file}: a saved operation file holds exactly one named operation`);
  }
  return { file, name: operations[0].name.value, description, query, variables };
};

/** The saved operations of the first directory that has any, in file-name order. */
export const loadSavedOperations = (dirs: readonly string[] = SAVED_OPERATION_DIRS): SavedOperation[] => {
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir)
      .filter((name) => name.endsWith(".graphql"))
      .sort();
    if (files.length === 0) continue;
    return files.map((file) => parseSavedOperation(file, readFileSync(join(dir, file), "utf8")));
  }
  throw new Error(`No saved operations (*.graphql) in ${dirs.join(" or ")}`);
};

// ---------------------------------------------------------------------------------------------
// Development personas

/**
 * The citizen persona's personal ID: the second person the population seed generates (the first
 * is a child), a resident of Phường Ba Đình (00004). The seed is deterministic and the `test` and
 * `demo` scales start alike, so this person exists in both; the `bench` scale does not have them.
 * The saved reception-desk operation defaults to the same person.
 */
export const DEMO_CITIZEN_ID = "001068698919";

/**
 * The person the saved citizen-360 operation opens on: the oldest resident of Xã Ứng Thiên at the
 * `demo` scale (`showcaseResident`), whom every field's seed gives records at Ứng Thiên: their
 * birth, their home's land-use right, their social pension. So the Ứng Thiên leader sees all three.
 */
export const SHOWCASE_CITIZEN_ID = "001031338442";

const ALL_FIELDS = [WorkField.CIVIL_STATUS, WorkField.LAND, WorkField.SOCIAL];

export interface Persona {
  id: string;
  label: string;
  description: string;
  claims: IdentityClaims;
}

/** The demo personas of DESIGN §7, as the page offers them in development. */
export const DEV_PERSONAS: readonly Persona[] = [
  {
    id: "citizen",
    label: "Citizen",
    description:
      `Công dân ${DEMO_CITIZEN_ID}, a resident of Ba Đình (00004): the second person the population seed ` +
      "generates, present at the test and demo scales (not at bench). Sees only their own record.",
    claims: { sub: `dev-citizen-${DEMO_CITIZEN_ID}`, role: Role.CITIZEN, personalId: DEMO_CITIZEN_ID },
  },
  {
    id: "commune-officer",
    label: "Commune officer — Ứng Thiên, civil status",
    description:
      "Cán bộ hộ tịch of Xã Ứng Thiên (10369, Hà Nội): any citizen by exact personal ID, residents of Ứng Thiên by search.",
    claims: {
      sub: "dev-commune-officer-10369",
      role: Role.COMMUNE_OFFICER,
      communeCode: "10369",
      provinceCode: "01",
      fields: [WorkField.CIVIL_STATUS],
    },
  },
  {
    id: "land-officer",
    label: "Commune officer — Ứng Thiên, land",
    description:
      "Cán bộ địa chính – xây dựng of Xã Ứng Thiên (10369, Hà Nội): the commune's parcels, certificates, permits and land dossiers.",
    claims: {
      sub: "dev-land-officer-10369",
      role: Role.COMMUNE_OFFICER,
      communeCode: "10369",
      provinceCode: "01",
      fields: [WorkField.LAND],
    },
  },
  {
    id: "social-officer",
    label: "Commune officer — Ứng Thiên, social affairs",
    description:
      "Cán bộ văn hóa – xã hội of Xã Ứng Thiên (10369, Hà Nội): the commune's allowances, pensions, payment rolls and social dossiers.",
    claims: {
      sub: "dev-social-officer-10369",
      role: Role.COMMUNE_OFFICER,
      communeCode: "10369",
      provinceCode: "01",
      fields: [WorkField.SOCIAL],
    },
  },
  {
    id: "commune-leader",
    label: "Commune leader — Ứng Thiên",
    description: "Lãnh đạo UBND Xã Ứng Thiên (10369, Hà Nội): every field of the commune.",
    claims: {
      sub: "dev-commune-leader-10369",
      role: Role.COMMUNE_LEADER,
      communeCode: "10369",
      provinceCode: "01",
      fields: ALL_FIELDS,
    },
  },
  {
    id: "city-officer",
    label: "City officer — Hà Nội",
    description: "Cán bộ sở of Thành phố Hà Nội (01): every commune of the city, every field, read only.",
    claims: { sub: "dev-city-officer-01", role: Role.CITY_OFFICER, provinceCode: "01", fields: ALL_FIELDS },
  },
  {
    id: "analyst",
    label: "Analyst — Hà Nội",
    description: "Chuyên viên phân tích of Hà Nội (01): aggregates and administrative units, no personal data.",
    claims: { sub: "dev-analyst-01", role: Role.ANALYST, provinceCode: "01", fields: [] },
  },
];

/** A working day: long enough for a session in GraphiQL, as for `npm run token`. */
export const PERSONA_TOKEN_TTL_SECONDS = 8 * 3600;

export const mintPersonas = async (secret: string, now = Date.now()) => ({
  note:
    "Development only (absent when NODE_ENV=production): HS256 tokens minted afresh on every request, " +
    `valid ${PERSONA_TOKEN_TTL_SECONDS / 3600} h. Send one as the header {"authorization": "Bearer <token>"}.`,
  personas: await Promise.all(
    DEV_PERSONAS.map(async (persona) => ({
      ...persona,
      token: await mintDevToken(secret, persona.claims, PERSONA_TOKEN_TTL_SECONDS),
      expiresAt: new Date(now + PERSONA_TOKEN_TTL_SECONDS * 1000).toISOString(),
    })),
  ),
});

// ---------------------------------------------------------------------------------------------
// HTTP

/**
 * Everything the page loads comes from this origin: scripts and workers from the bundle, data
 * from /graphql and /graphiql/*. Styles need 'unsafe-inline' because Monaco (GraphiQL's editor)
 * injects <style> elements and GraphiQL sizes its panes with style attributes; Monaco's icon font
 * and GraphiQL's fonts are data: URLs inside the bundled CSS.
 */
export const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Serves /graphiql and its bundled assets from the gateway's own origin; true when it answered. */
export const graphiqlRoutes = (config: GraphiqlConfig): Route => {
  if (!config.graphiqlEnabled) return () => false;
  return pageRoutes({
    path: "/graphiql",
    name: "GraphiQL",
    assetsDir: GRAPHIQL_ASSETS_DIR,
    csp: GRAPHIQL_CSP,
    personas: config.nodeEnv !== "production" ? () => mintPersonas(config.devJwtSecret) : undefined,
    documents: {
      "/graphiql/operations": () =>
        payloadOf(Buffer.from(JSON.stringify({ operations: loadSavedOperations() })), CONTENT_TYPES[".json"]),
    },
  });
};
