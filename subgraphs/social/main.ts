import { startDeskSubgraph } from "../kit/desk/start";
import { eventConsumersOf } from "../kit/events/settings";
import { type RunningSubgraph, runService } from "../kit/service";
import { loadSocialConfig, type SocialConfig } from "./config";
import { socialDesk } from "./desk";
import { socialEntities } from "./entities";
import { CIVIL_STATUS_HANDLERS } from "./life-events";
import { createSocialLoaders } from "./loaders";
import { socialMigrations } from "./migrations";
import { buildSocialSchema, SOCIAL_SUBGRAPH } from "./schema";
import { isEmpty, seedSocial } from "./seed";

/** Opens the database, brings it up to date, seeds the demo register and desks if asked and empty, and listens. */
export const startSocial = (config: SocialConfig): Promise<RunningSubgraph> =>
  startDeskSubgraph(config, {
    name: SOCIAL_SUBGRAPH,
    entities: socialEntities,
    migrations: socialMigrations,
    schema: buildSocialSchema,
    createLoaders: createSocialLoaders,
    desk: socialDesk,
    isEmpty: (database) => isEmpty(database.dataSource),
    seed: (database, { calendar, now, scale, unitsFile }) =>
      seedSocial(database.dataSource, { unitsFile, scale, calendar, now }),
    // A death stops the person's benefits, lists later payments to recover, proposes funeral support (DESIGN §3).
    events: ({ clock }) => ({
      eventConsumers: eventConsumersOf(config, SOCIAL_SUBGRAPH, { "civil-status": CIVIL_STATUS_HANDLERS }, clock),
    }),
  });

if (require.main === module) {
  runService(SOCIAL_SUBGRAPH, loadSocialConfig, startSocial, (config) => config.shutdownGraceMs);
}
