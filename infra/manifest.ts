import { join, resolve } from "node:path";

import type { GraphQLSchema } from "graphql";

import { type ModuleExport, SUBGRAPH_MANIFEST, type SubgraphManifestEntry } from "../subgraphs/kit/manifest";
import type { RunningSubgraph } from "../subgraphs/kit/service";

/** The compiled tree: dist/, one level above this file's compiled location. */
const DIST = resolve(__dirname, "..");

/** Loads one export named in the manifest, from the compiled tree. */
export const loadExport = <T>(ref: ModuleExport): T => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the manifest names modules by path
  const exported = (require(join(DIST, ref.module)) as Record<string, unknown>)[ref.export];
  if (exported === undefined) throw new Error(`${ref.module} has no export ${ref.export}`);
  return exported as T;
};

/** A subgraph's schema builder. */
export const schemaBuilderOf = (entry: SubgraphManifestEntry) => loadExport<() => GraphQLSchema>(entry.schema);

/** Starts a subgraph in this process from settings given as environment variables (as its own process would read them). */
export const startFromManifest = async (
  entry: SubgraphManifestEntry,
  env: NodeJS.ProcessEnv,
): Promise<RunningSubgraph> => {
  const loadConfig = loadExport<(env: NodeJS.ProcessEnv) => unknown>(entry.config);
  const start = loadExport<(config: unknown) => Promise<RunningSubgraph>>(entry.start);
  return start(loadConfig(env));
};

/** The gateway's routing settings for running subgraphs: REGISTRY_URL, CIVIL_STATUS_URL, … */
export const subgraphUrlSettings = (subgraphs: Record<string, { url: string }>): Record<string, string> =>
  Object.fromEntries(
    SUBGRAPH_MANIFEST.filter((entry) => subgraphs[entry.name]).map((entry) => [
      `${entry.envPrefix}_URL`,
      subgraphs[entry.name].url,
    ]),
  );
