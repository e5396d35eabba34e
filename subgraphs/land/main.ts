import { startDeskSubgraph } from "../kit/desk/start";
import { eventConsumersOf } from "../kit/events/settings";
import { type RunningSubgraph, runService } from "../kit/service";
import { type LandConfig, loadLandConfig } from "./config";
import { landDesk } from "./desk";
import { landEntities } from "./entities";
import { CIVIL_STATUS_HANDLERS } from "./life-events";
import { createLandLoaders } from "./loaders";
import { landMigrations } from "./migrations";
import { buildLandSchema, LAND_SUBGRAPH } from "./schema";
import { isEmpty, seedLand } from "./seed";

/** Opens the database, brings it up to date, seeds the demo register and desks if asked and empty, and listens. */
export const startLand = (config: LandConfig): Promise<RunningSubgraph> =>
  startDeskSubgraph(config, {
    name: LAND_SUBGRAPH,
    entities: landEntities,
    migrations: landMigrations,
    schema: buildLandSchema,
    createLoaders: createLandLoaders,
    desk: landDesk,
    isEmpty: (database) => isEmpty(database.dataSource),
    seed: (database, { calendar, now, scale, unitsFile }) =>
      seedLand(database.dataSource, { unitsFile, scale, calendar, now }),
    // A death flags the rights the deceased held (DESIGN §3).
    events: ({ clock }) => ({
      eventConsumers: eventConsumersOf(config, LAND_SUBGRAPH, { "civil-status": CIVIL_STATUS_HANDLERS }, clock),
    }),
  });

if (require.main === module) {
  runService(LAND_SUBGRAPH, loadLandConfig, startLand, (config) => config.shutdownGraceMs);
}
