import { resolve } from "node:path";

import { readCommuneProvinces } from "../kit/admin-units";
import { loadWorkingCalendar } from "../kit/calendar";
import { clockStartingAt, systemClock } from "../kit/clock";
import type { Database } from "../kit/database";
import { type RunningSubgraph, runService, startSubgraph } from "../kit/service";
import { type LandConfig, loadLandConfig } from "./config";
import { landEntities } from "./entities";
import { createLandLoaders } from "./loaders";
import { landMigrations } from "./migrations";
import { buildLandSchema, LAND_SUBGRAPH } from "./schema";
import { isEmpty, seedLandRegisters } from "./seed";

/** What a later step plugs into the first start: the kit's dossier-flow simulator, once it moves there. */
export interface LandStartHooks {
  /** Seeds demo land dossiers after the register, on an empty database only. */
  seedDossiers?: (database: Database, options: { scale: LandConfig["seedOnEmpty"]; now: Date }) => Promise<void>;
}

/** Loads the working-day calendar, opens the database, brings it up to date, seeds it if asked and empty, and listens. */
export const startLand = (config: LandConfig, hooks: LandStartHooks = {}): Promise<RunningSubgraph> => {
  const calendar = loadWorkingCalendar(resolve(config.calendarDir));
  const clock = config.clockStart ? clockStartingAt(config.clockStart) : systemClock;
  const units = readCommuneProvinces(config.adminUnitsFile);
  return startSubgraph(config, {
    name: LAND_SUBGRAPH,
    entities: landEntities,
    migrations: landMigrations,
    schema: buildLandSchema,
    createLoaders: createLandLoaders,
    services: { calendar, clock, units },
    prepare: async (database) => {
      if (config.seedOnEmpty === "none" || !(await isEmpty(database.dataSource))) return;
      await seedLandRegisters(database.dataSource, {
        unitsFile: config.adminUnitsFile,
        scale: config.seedOnEmpty,
        now: clock(),
      });
      await hooks.seedDossiers?.(database, { scale: config.seedOnEmpty, now: clock() });
    },
  });
};

if (require.main === module) {
  runService(
    LAND_SUBGRAPH,
    loadLandConfig,
    (config) => startLand(config),
    (config) => config.shutdownGraceMs,
  );
}
