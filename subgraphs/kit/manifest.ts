import { FIELD_PREFIX, type FieldPrefix } from "./dossier/code";

/** Where a subgraph's code is: a module of the repository (without extension) and the export to use. */
export interface ModuleExport {
  module: string;
  export: string;
}

/** One service of the hub, as every part that starts, routes to or composes it needs to know it. */
export interface SubgraphManifestEntry {
  /** The name in the supergraph, the audience of its hand-off tokens, its database's name. */
  name: string;
  /** The default port (DESIGN §2). */
  port: number;
  /** The stem of its settings: `CIVIL_STATUS` gives CIVIL_STATUS_URL (gateway) and CIVIL_STATUS_PORT (launcher). */
  envPrefix: string;
  /** The process entry point, compiled, relative to the repository root. */
  entry: string;
  /** `(): GraphQLSchema`, no I/O: composition builds each subgraph's SDL with it. */
  schema: ModuleExport;
  /** `(config) => Promise<RunningSubgraph>`. */
  start: ModuleExport;
  /** The config loader `(env) => config`, and (`settings`) the settings it reads, in the same module. */
  config: ModuleExport & { settings: string };
  /** The services whose event feeds it reads (DESIGN §3): it holds a service key of its own for them. */
  consumes?: readonly string[];
  /** A field subgraph's dossiers: the code prefix and the GraphQL type the registry's `dossier(code)` routes to. */
  dossier?: {
    prefix: FieldPrefix;
    typeName: string;
    description: string;
    /** The field in Vietnamese. */ field: string;
  };
}

/**
 * Every subgraph of the hub, in composition and start order (the registry first: the field
 * subgraphs hang off its entities). The gateway's routing settings, composition, the launcher, the
 * test harness, the compose check and the registry's dossier router read this list, so a new
 * subgraph is one entry here.
 */
export const SUBGRAPH_MANIFEST: readonly SubgraphManifestEntry[] = [
  {
    name: "registry",
    port: 4001,
    envPrefix: "REGISTRY",
    entry: "dist/subgraphs/registry/main.js",
    schema: { module: "subgraphs/registry/schema", export: "buildRegistrySchema" },
    start: { module: "subgraphs/registry/main", export: "startRegistry" },
    config: { module: "subgraphs/registry/config", export: "loadRegistryConfig", settings: "registrySettings" },
    consumes: ["civil-status"],
  },
  {
    name: "civil-status",
    port: 4002,
    envPrefix: "CIVIL_STATUS",
    entry: "dist/subgraphs/civil-status/main.js",
    schema: { module: "subgraphs/civil-status/schema", export: "buildCivilStatusSchema" },
    start: { module: "subgraphs/civil-status/main", export: "startCivilStatus" },
    config: {
      module: "subgraphs/civil-status/config",
      export: "loadCivilStatusConfig",
      settings: "civilStatusSettings",
    },
    dossier: {
      prefix: FIELD_PREFIX.CIVIL_STATUS,
      typeName: "CivilStatusDossier",
      description: "Hồ sơ hộ tịch — a civil-status dossier",
      field: "hộ tịch",
    },
  },
  {
    name: "land",
    port: 4003,
    envPrefix: "LAND",
    entry: "dist/subgraphs/land/main.js",
    schema: { module: "subgraphs/land/schema", export: "buildLandSchema" },
    start: { module: "subgraphs/land/main", export: "startLand" },
    config: { module: "subgraphs/land/config", export: "loadLandConfig", settings: "landSettings" },
    consumes: ["civil-status"],
    dossier: {
      prefix: FIELD_PREFIX.LAND,
      typeName: "LandDossier",
      description: "Hồ sơ địa chính – xây dựng — a land dossier",
      field: "địa chính – xây dựng",
    },
  },
  {
    name: "social",
    port: 4004,
    envPrefix: "SOCIAL",
    entry: "dist/subgraphs/social/main.js",
    schema: { module: "subgraphs/social/schema", export: "buildSocialSchema" },
    start: { module: "subgraphs/social/main", export: "startSocial" },
    config: { module: "subgraphs/social/config", export: "loadSocialConfig", settings: "socialSettings" },
    consumes: ["civil-status"],
    dossier: {
      prefix: FIELD_PREFIX.SOCIAL,
      typeName: "SocialDossier",
      description: "Hồ sơ văn hóa – xã hội — a social dossier",
      field: "văn hóa – xã hội",
    },
  },
];

/** The field subgraphs: those that keep dossiers. */
export const FIELD_SUBGRAPHS = SUBGRAPH_MANIFEST.filter((entry) => entry.dossier);

/** The services that read `producer`'s event feed. */
export const consumersOf = (producer: string): SubgraphManifestEntry[] =>
  SUBGRAPH_MANIFEST.filter((entry) => entry.consumes?.includes(producer));

/** Start order: every producer before the services that read its feed (their settings name its address). */
export const START_ORDER: readonly SubgraphManifestEntry[] = [...SUBGRAPH_MANIFEST].sort(
  (a, b) => Number(a.consumes?.length ?? 0) - Number(b.consumes?.length ?? 0),
);

export const manifestEntry = (name: string): SubgraphManifestEntry => {
  const entry = SUBGRAPH_MANIFEST.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`No subgraph named ${name} in the manifest`);
  return entry;
};
