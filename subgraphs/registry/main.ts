import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

import { openDatabase } from "../kit/database";
import { configureLogger, log } from "../kit/logger";
import { type RunningSubgraph, startSubgraphService, stopOnSignals } from "../kit/service";
import { loadRegistryConfig, type RegistryConfig } from "./config";
import { registryEntities } from "./entities";
import { createRegistryLoaders } from "./loaders";
import { registryMigrations } from "./migrations";
import { buildRegistrySchema, REGISTRY_SUBGRAPH } from "./schema";
import { seedIfEmpty } from "./seed";

/** Opens the database, brings it up to date, seeds it if asked and empty, and listens. */
export const startRegistry = async (config: RegistryConfig): Promise<RunningSubgraph> => {
  if (config.databaseUrl.startsWith("sqlite:") && !config.databaseUrl.includes(":memory:")) {
    mkdirSync(dirname(config.databaseUrl.slice("sqlite:".length)), { recursive: true });
  }
  const database = await openDatabase({
    url: config.databaseUrl,
    entities: registryEntities,
    migrations: registryMigrations,
  });
  try {
    if (config.seedOnEmpty !== "none") {
      await seedIfEmpty(database.dataSource, config.seedOnEmpty, {
        unitsFile: config.adminUnitsFile,
        mergesFile: config.adminMergesFile,
      });
    }
    return await startSubgraphService({
      name: REGISTRY_SUBGRAPH,
      schema: buildRegistrySchema(),
      database,
      createLoaders: createRegistryLoaders,
      port: config.port,
      host: config.host,
      handoffPublicKeyFile: config.handoffPublicKeyFile,
      production: config.nodeEnv === "production",
    });
  } catch (error) {
    await database.close();
    throw error;
  }
};

if (require.main === module) {
  void (async () => {
    try {
      const config = loadRegistryConfig();
      configureLogger(REGISTRY_SUBGRAPH, config.logLevel);
      const service = await startRegistry(config);
      stopOnSignals(service, config.shutdownGraceMs);
    } catch (error) {
      configureLogger(REGISTRY_SUBGRAPH);
      log.error("registry failed to start", { error: error instanceof Error ? error.message : String(error) });
      process.exit(1);
    }
  })();
}
