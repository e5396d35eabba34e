import { resolve } from "node:path";

import { loadWorkingCalendar } from "../kit/calendar";
import { openDatabase } from "../kit/database";
import { ensureSqliteFolder, type RunningSubgraph, runService, startSubgraphService } from "../kit/service";
import { type CivilStatusConfig, loadCivilStatusConfig } from "./config";
import { civilStatusEntities } from "./entities";
import { createCivilStatusLoaders } from "./loaders";
import { civilStatusMigrations } from "./migrations";
import { buildCivilStatusSchema, CIVIL_STATUS_SUBGRAPH } from "./schema";
import { isEmpty, seedDemoDossiers } from "./seed";

/** Loads the working-day calendar, opens the database, brings it up to date and listens. */
export const startCivilStatus = async (config: CivilStatusConfig): Promise<RunningSubgraph> => {
  const calendar = loadWorkingCalendar(resolve(config.calendarDir));
  ensureSqliteFolder(config.databaseUrl);
  const database = await openDatabase({
    url: config.databaseUrl,
    entities: civilStatusEntities,
    migrations: civilStatusMigrations,
  });
  try {
    if (config.seedOnEmpty !== "none" && (await isEmpty(database.dataSource))) {
      await seedDemoDossiers(database.dataSource, calendar, {
        unitsFile: config.adminUnitsFile,
        scale: config.seedOnEmpty,
      });
    }
    return await startSubgraphService({
      name: CIVIL_STATUS_SUBGRAPH,
      schema: buildCivilStatusSchema(),
      database,
      createLoaders: createCivilStatusLoaders,
      services: { calendar },
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
  runService(CIVIL_STATUS_SUBGRAPH, loadCivilStatusConfig, startCivilStatus, (config) => config.shutdownGraceMs);
}
