import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { loadGatewayConfig } from "../../gateway/config";
import { type RunningGateway, startGateway } from "../../gateway/server";
import { START_ORDER } from "../../subgraphs/kit/manifest";
import type { RunningSubgraph } from "../../subgraphs/kit/service";
import type { SEED_SCALES } from "../../subgraphs/registry/config";
import { eventSettingsFor, feedUrlOf, startFromManifest, subgraphUrlSettings } from "../manifest";
import { ensureConsumerKeys, ensureHandoffKeys, type HandoffKeyFiles } from "./keys";

const ROOT = resolve(__dirname, "../../..");

export interface LocalHubOptions {
  /** Each subgraph's database URL, by its name in the manifest. */
  databaseUrls: Record<string, string>;
  /** The registry's population. */
  seed: (typeof SEED_SCALES)[number];
  devSecret: string;
  adminUnitsFile?: string;
  adminMergesFile?: string;
  /** Seed the field subgraphs' demo dossiers and registers too (benchmarks); tests start them empty. */
  fieldSeed?: (typeof SEED_SCALES)[number];
  /** The field subgraphs' clock starts here (ISO 8601 with offset) instead of the real time: a desk's day replayed. */
  clockStart?: string;
  /** Settings for the gateway beyond the defaults (a shorter subgraph timeout, say). */
  gatewayEnv?: Record<string, string>;
  /** Settings for every subgraph beyond the defaults (how often consumers poll, say). */
  subgraphEnv?: Record<string, string>;
}

export interface LocalHub {
  /** Every subgraph of the manifest, by name. */
  subgraphs: Record<string, RunningSubgraph>;
  /** The settings each subgraph was started with, by name: a test restarts one with them. */
  subgraphEnv: Record<string, NodeJS.ProcessEnv>;
  gateway: RunningGateway;
  keys: HandoffKeyFiles;
  close(): Promise<void>;
}

/**
 * Every service of the manifest in this process, each on its own ephemeral port over real HTTP,
 * with a fresh hand-off key pair: what tests and benchmarks run against. Each subgraph reads its
 * settings as its own process would; the registry seeds itself through the same first-start path
 * `npm start` uses.
 */
export const startLocalHub = async (options: LocalHubOptions): Promise<LocalHub> => {
  const keysDir = mkdtempSync(join(tmpdir(), "hub-keys-"));
  const keys = await ensureHandoffKeys(keysDir);
  const serviceKeys = await ensureConsumerKeys(keysDir);
  const subgraphs: Record<string, RunningSubgraph> = {};
  const subgraphEnv: Record<string, NodeJS.ProcessEnv> = {};
  const stopAll = async () => {
    for (const subgraph of Object.values(subgraphs).reverse()) await subgraph.stop(200);
  };
  try {
    // Producers first: their consumers are told where the feeds are.
    for (const entry of START_ORDER) {
      const url = options.databaseUrls[entry.name];
      if (!url) throw new Error(`No database URL for the ${entry.name} subgraph`);
      subgraphEnv[entry.name] = {
        NODE_ENV: "test",
        PORT: "0",
        DATABASE_URL: url,
        HANDOFF_PUBLIC_KEY_FILE: keys.publicKeyFile,
        CALENDAR_DIR: resolve(ROOT, "infra/calendar"),
        ...(entry.dossier
          ? { ...(options.fieldSeed ? { SEED_ON_EMPTY: options.fieldSeed } : {}) }
          : { SEED_ON_EMPTY: options.seed }),
        ...(options.adminUnitsFile ? { ADMIN_UNITS_FILE: options.adminUnitsFile } : {}),
        ...(options.adminMergesFile ? { ADMIN_MERGES_FILE: options.adminMergesFile } : {}),
        ...(options.clockStart && entry.dossier ? { CLOCK_START: options.clockStart } : {}),
        ...eventSettingsFor(entry, serviceKeys, (producer) => feedUrlOf(subgraphs[producer].url)),
        ...options.subgraphEnv,
      };
      subgraphs[entry.name] = await startFromManifest(entry, subgraphEnv[entry.name]);
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  const gateway = await startGateway(
    loadGatewayConfig({
      NODE_ENV: "test",
      PORT: "0",
      SUPERGRAPH_FILE: resolve(ROOT, "schema/supergraph.graphql"),
      JWT_DEV_SECRET: options.devSecret,
      HANDOFF_PRIVATE_KEY_FILE: keys.privateKeyFile,
      ...subgraphUrlSettings(subgraphs),
      ...options.gatewayEnv,
    }),
  );
  return {
    subgraphs,
    subgraphEnv,
    gateway,
    keys,
    close: async () => {
      await gateway.stop(200);
      await stopAll();
      rmSync(keysDir, { recursive: true, force: true });
    },
  };
};
