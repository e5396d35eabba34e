import { systemClock } from "../kit/clock";
import { eventConsumersOf } from "../kit/events/settings";
import { type RunningSubgraph, runService, startSubgraph } from "../kit/service";
import { loadRegistryConfig, type RegistryConfig } from "./config";
import { registryEntities } from "./entities";
import { CIVIL_STATUS_HANDLERS } from "./life-events";
import { createRegistryLoaders } from "./loaders";
import { registryMigrations } from "./migrations";
import { buildRegistrySchema, REGISTRY_SUBGRAPH } from "./schema";
import { seedIfEmpty } from "./seed";

/** Opens the database, brings it up to date, seeds it if asked and empty, and listens. */
export const startRegistry = (config: RegistryConfig): Promise<RunningSubgraph> =>
  startSubgraph(config, {
    name: REGISTRY_SUBGRAPH,
    entities: registryEntities,
    migrations: registryMigrations,
    schema: buildRegistrySchema,
    createLoaders: createRegistryLoaders,
    prepare: async (database) => {
      if (config.seedOnEmpty === "none") return;
      await seedIfEmpty(database.dataSource, config.seedOnEmpty, {
        unitsFile: config.adminUnitsFile,
        mergesFile: config.adminMergesFile,
      });
    },
    eventConsumers: eventConsumersOf(config, REGISTRY_SUBGRAPH, { "civil-status": CIVIL_STATUS_HANDLERS }, systemClock),
  });

if (require.main === module) {
  runService(REGISTRY_SUBGRAPH, loadRegistryConfig, startRegistry, (config) => config.shutdownGraceMs);
}
