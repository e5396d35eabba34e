import { startDeskSubgraph } from "../kit/desk/start";
import { eventFeedOf } from "../kit/events/settings";
import { type RunningSubgraph, runService } from "../kit/service";
import { type CivilStatusConfig, loadCivilStatusConfig } from "./config";
import { civilStatusDesk } from "./desk";
import { civilStatusEntities } from "./entities";
import { createCivilStatusLoaders } from "./loaders";
import { civilStatusMigrations } from "./migrations";
import { buildCivilStatusSchema, CIVIL_STATUS_SUBGRAPH } from "./schema";
import { isEmpty, seedDemoDossiers } from "./seed";

/** Opens the database, brings it up to date, seeds it if asked and empty, and listens. */
export const startCivilStatus = (config: CivilStatusConfig): Promise<RunningSubgraph> =>
  startDeskSubgraph(config, {
    name: CIVIL_STATUS_SUBGRAPH,
    entities: civilStatusEntities,
    migrations: civilStatusMigrations,
    schema: buildCivilStatusSchema,
    createLoaders: createCivilStatusLoaders,
    desk: civilStatusDesk,
    isEmpty: (database) => isEmpty(database.dataSource),
    seed: (database, { calendar, now, scale, unitsFile }) =>
      seedDemoDossiers(database.dataSource, calendar, { unitsFile, scale, now }),
    // Births, deaths and marriages, for the registry, land and social affairs (DESIGN §3).
    events: ({ clock }) => ({ eventFeed: eventFeedOf(config, CIVIL_STATUS_SUBGRAPH, clock) }),
  });

if (require.main === module) {
  runService(CIVIL_STATUS_SUBGRAPH, loadCivilStatusConfig, startCivilStatus, (config) => config.shutdownGraceMs);
}
