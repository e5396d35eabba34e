import type { DataSource } from "typeorm";

import { inBulkLoad, withSeedProgress } from "../kit/database";
import { log } from "../kit/logger";
import type { POPULATION_SCALES } from "../kit/population";
import { Province } from "./entities/province";
import { importAdminUnits } from "./import/admin-units";
import { seedPopulation } from "./import/population";

export type PopulationScale = keyof typeof POPULATION_SCALES;

/**
 * First start on an empty database: import the official administrative units, then the
 * synthetic population at the requested scale. A database that already has provinces is left alone.
 */
export const seedIfEmpty = async (
  dataSource: DataSource,
  scale: PopulationScale,
  files: { unitsFile: string; mergesFile: string },
): Promise<boolean> => {
  if ((await dataSource.manager.count(Province)) > 0) return false;
  const started = Date.now();
  const { units, citizens } = await inBulkLoad(() =>
    withSeedProgress(`the ${scale} scale`, async () => ({
      units: await importAdminUnits(dataSource, files, (message) => log.info("import", { message })),
      citizens: await seedPopulation(dataSource, scale),
    })),
  );
  log.info("seeded an empty registry", { ...units, citizens, scale, ms: Date.now() - started });
  return true;
};
