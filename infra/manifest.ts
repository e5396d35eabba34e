import { join, resolve } from "node:path";

import type { GraphQLSchema } from "graphql";

import { EVENT_FEED_PATH } from "../subgraphs/kit/events/feed";
import {
  consumersOf,
  type ModuleExport,
  SUBGRAPH_MANIFEST,
  type SubgraphManifestEntry,
} from "../subgraphs/kit/manifest";
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

/** A running service's event feed, next to its GraphQL endpoint. */
export const feedUrlOf = (graphqlUrl: string): string => new URL(EVENT_FEED_PATH, graphqlUrl).toString();

/**
 * A service's event settings (DESIGN §3): a producer names the services that may read its feed,
 * with their public keys; a consumer gets its own private key and the feeds it reads.
 */
export const eventSettingsFor = (
  entry: SubgraphManifestEntry,
  keys: Record<string, { privateKeyFile: string; publicKeyFile: string }>,
  feedOf: (producer: string) => string,
): Record<string, string> => {
  const env: Record<string, string> = {};
  const consumers = consumersOf(entry.name);
  if (consumers.length > 0) {
    env.EVENT_CONSUMER_KEYS = consumers
      .map((consumer) => `${consumer.name}=${keys[consumer.name].publicKeyFile}`)
      .join(",");
  }
  if (entry.consumes?.length) {
    env.SERVICE_KEY_FILE = keys[entry.name].privateKeyFile;
    env.EVENT_FEEDS = entry.consumes.map((producer) => `${producer}=${feedOf(producer)}`).join(",");
  }
  return env;
};
