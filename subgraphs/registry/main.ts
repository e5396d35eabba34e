import { openDatabase } from "../kit/database";
import { ensureSqliteFolder, type RunningSubgraph, runService, startSubgraphService } from "../kit/service";
import { loadRegistryConfig, type RegistryConfig } from "./config";
import { registryEntities } from "./entities";
import { createRegistryLoaders } from "./loaders";
import { registryMigrations } from "./migrations";
import { buildRegistrySchema, REGISTRY_SUBGRAPH } from "./schema";
import { seedIfEmpty } from "./seed";

/** Opens the database, brings it up to date, seeds it if asked and empty, and listens. */
export const startRegistry = async (config: RegistryConfig): Promise<RunningSubgraph> => {
  ensureSqliteFolder(config.databaseUrl);
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
  runService(REGISTRY_SUBGRAPH, loadRegistryConfig, startRegistry, (config) => config.shutdownGraceMs);
}
