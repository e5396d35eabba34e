import { resolve } from "node:path";

import { readCommuneProvinces } from "../admin-units";
import { loadWorkingCalendar, type WorkingCalendar } from "../calendar";
import { clockStartingAt, systemClock } from "../clock";
import { type Database, withSeedProgress } from "../database";
import { log } from "../logger";
import type { PopulationScaleName } from "../population";
import { type RunningSubgraph, startSubgraph, type SubgraphDefinition } from "../service";
import type { deskSettings, loadDeskConfig } from "../subgraph-config";
import type { DeskServices } from "./loaders";

type DeskConfig = ReturnType<typeof loadDeskConfig<ReturnType<typeof deskSettings>>>;

/** What seeding an empty field database is told: the calendar, the demo's "today", the scale and the units. */
export interface DeskSeedContext {
  calendar: WorkingCalendar;
  now: Date;
  scale: PopulationScaleName;
  unitsFile: string;
}

export interface DeskSubgraphDefinition<TLoaders>
  extends Omit<SubgraphDefinition<TLoaders, DeskServices>, "services" | "prepare"> {
  /** The field's desk: its provisional due dates are recounted at every start. */
  desk: {
    recomputeProvisionalDueDates(
      database: Database,
      services: Pick<DeskServices, "calendar" | "clock">,
    ): Promise<{ changed: number }>;
  };
  /** Whether the database holds nothing yet (the first start seeds it when asked to). */
  isEmpty(database: Database): Promise<boolean>;
  seed(database: Database, context: DeskSeedContext): Promise<unknown>;
  /** The field's event feed and consumers, given the desk's services (their clock stamps what they write). */
  events?: (services: DeskServices) => Pick<SubgraphDefinition<TLoaders, DeskServices>, "eventFeed" | "eventConsumers">;
}

/**
 * A field subgraph's start: the working-day calendar, the clock (replayable in development), the
 * official list of units; due dates on a provisional year recounted on the calendar in force (a
 * year's official file may have been added since the last start); the demo seed on a first start;
 * then listening.
 */
export const startDeskSubgraph = <TLoaders>(
  config: DeskConfig,
  definition: DeskSubgraphDefinition<TLoaders>,
): Promise<RunningSubgraph> => {
  const calendar = loadWorkingCalendar(resolve(config.calendarDir));
  const clock = config.clockStart ? clockStartingAt(config.clockStart) : systemClock;
  const units = readCommuneProvinces(config.adminUnitsFile);
  const { desk, isEmpty, seed, events, ...subgraph } = definition;
  const services: DeskServices = { calendar, clock, units };
  return startSubgraph(config, {
    ...subgraph,
    ...events?.(services),
    services,
    prepare: async (database) => {
      const { changed } = await desk.recomputeProvisionalDueDates(database, { calendar, clock });
      if (changed > 0) log.info("recounted provisional due dates on the calendar in force", { changed });
      const scale = config.seedOnEmpty;
      if (scale === "none" || !(await isEmpty(database))) return;
      await withSeedProgress(`the ${scale} scale`, () =>
        seed(database, { calendar, now: clock(), scale, unitsFile: config.adminUnitsFile }),
      );
    },
  });
};
