import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { loadGatewayConfig } from "../../gateway/config";
import { type RunningGateway, startGateway } from "../../gateway/server";
import { loadCivilStatusConfig } from "../../subgraphs/civil-status/config";
import { startCivilStatus } from "../../subgraphs/civil-status/main";
import type { RunningSubgraph } from "../../subgraphs/kit/service";
import { loadRegistryConfig, type SEED_SCALES } from "../../subgraphs/registry/config";
import { startRegistry } from "../../subgraphs/registry/main";
import { ensureHandoffKeys, type HandoffKeyFiles } from "./keys";

const ROOT = resolve(__dirname, "../../..");

export interface LocalHubOptions {
  registryDatabaseUrl: string;
  civilStatusDatabaseUrl: string;
  seed: (typeof SEED_SCALES)[number];
  devSecret: string;
  adminUnitsFile?: string;
  adminMergesFile?: string;
  /** Seed civil status's demo dossiers and registers too (benchmarks); tests start it empty. */
  civilStatusSeed?: (typeof SEED_SCALES)[number];
  /** Civil status's clock starts here (ISO 8601 with offset) instead of the real time: a desk's day replayed. */
  civilStatusClockStart?: string;
}

export interface LocalHub {
  registry: RunningSubgraph;
  civilStatus: RunningSubgraph;
  gateway: RunningGateway;
  keys: HandoffKeyFiles;
  close(): Promise<void>;
}

/**
 * Every service in this process, each on its own ephemeral port over real HTTP, with a fresh
 * hand-off key pair: what tests and benchmarks run against. The registry seeds itself through
 * the same first-start path `npm start` uses.
 */
export const startLocalHub = async (options: LocalHubOptions): Promise<LocalHub> => {
  const keysDir = mkdtempSync(join(tmpdir(), "hub-keys-"));
  const keys = await ensureHandoffKeys(keysDir);
  const registry = await startRegistry(
    loadRegistryConfig({
      NODE_ENV: "test",
      PORT: "0",
      DATABASE_URL: options.registryDatabaseUrl,
      HANDOFF_PUBLIC_KEY_FILE: keys.publicKeyFile,
      SEED_ON_EMPTY: options.seed,
      ...(options.adminUnitsFile ? { ADMIN_UNITS_FILE: options.adminUnitsFile } : {}),
      ...(options.adminMergesFile ? { ADMIN_MERGES_FILE: options.adminMergesFile } : {}),
    }),
  );
  const civilStatus = await startCivilStatus(
    loadCivilStatusConfig({
      NODE_ENV: "test",
      PORT: "0",
      DATABASE_URL: options.civilStatusDatabaseUrl,
      HANDOFF_PUBLIC_KEY_FILE: keys.publicKeyFile,
      CALENDAR_DIR: resolve(ROOT, "infra/calendar"),
      ...(options.adminUnitsFile ? { ADMIN_UNITS_FILE: options.adminUnitsFile } : {}),
      ...(options.civilStatusClockStart ? { CLOCK_START: options.civilStatusClockStart } : {}),
      ...(options.civilStatusSeed ? { SEED_ON_EMPTY: options.civilStatusSeed } : {}),
    }),
  );
  const gateway = await startGateway(
    loadGatewayConfig({
      NODE_ENV: "test",
      PORT: "0",
      SUPERGRAPH_FILE: resolve(ROOT, "schema/supergraph.graphql"),
      JWT_DEV_SECRET: options.devSecret,
      HANDOFF_PRIVATE_KEY_FILE: keys.privateKeyFile,
      REGISTRY_URL: registry.url,
      CIVIL_STATUS_URL: civilStatus.url,
    }),
  );
  return {
    registry,
    civilStatus,
    gateway,
    keys,
    close: async () => {
      await gateway.stop(1000);
      await civilStatus.stop(1000);
      await registry.stop(1000);
      rmSync(keysDir, { recursive: true, force: true });
    },
  };
};
