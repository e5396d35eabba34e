import { resolve } from "node:path";

import { readCommuneProvinces } from "../kit/admin-units";
import { loadWorkingCalendar } from "../kit/calendar";
import { clockStartingAt, systemClock } from "../kit/clock";
import { log } from "../kit/logger";
import { type RunningSubgraph, runService, startSubgraph } from "../kit/service";
import { type CivilStatusConfig, loadCivilStatusConfig } from "./config";
import { civilStatusDesk } from "./desk";
import { civilStatusEntities } from "./entities";
import { createCivilStatusLoaders } from "./loaders";
import { civilStatusMigrations } from "./migrations";
import { buildCivilStatusSchema, CIVIL_STATUS_SUBGRAPH } from "./schema";
import { isEmpty, seedDemoDossiers } from "./seed";

/** Loads the working-day calendar, opens the database, brings it up to date, seeds it if asked and empty, and listens. */
export const startCivilStatus = (config: CivilStatusConfig): Promise<RunningSubgraph> => {
  const calendar = loadWorkingCalendar(resolve(config.calendarDir));
  const clock = config.clockStart ? clockStartingAt(config.clockStart) : systemClock;
  const units = readCommuneProvinces(config.adminUnitsFile);
  return startSubgraph(config, {
    name: CIVIL_STATUS_SUBGRAPH,
    entities: civilStatusEntities,
    migrations: civilStatusMigrations,
    schema: buildCivilStatusSchema,
    createLoaders: createCivilStatusLoaders,
    services: { calendar, clock, units },
    prepare: async (database) => {
      // A year's official days off may have been added since the last start.
      const { changed } = await civilStatusDesk.recomputeProvisionalDueDates(database, { calendar, clock });
      if (changed > 0) log.info("recounted provisional due dates on the calendar in force", { changed });
      if (config.seedOnEmpty === "none" || !(await isEmpty(database.dataSource))) return;
      await seedDemoDossiers(database.dataSource, calendar, {
        unitsFile: config.adminUnitsFile,
        scale: config.seedOnEmpty,
        now: clock(),
      });
    },
  });
};

if (require.main === module) {
  runService(CIVIL_STATUS_SUBGRAPH, loadCivilStatusConfig, startCivilStatus, (config) => config.shutdownGraceMs);
}
