import type { DataSource } from "typeorm";

import { insertRows, withIndexesBuiltAfter } from "../../kit/database";
import {
  type CommuneForSeeding,
  DEFAULT_POPULATION_SEED,
  generateCitizens,
  planPopulation,
  type PopulationScale,
  type PopulationScaleName,
  resolvePopulationScale,
} from "../../kit/population";
import { Commune } from "../entities/commune";

/** Writes the kit's synthetic population (kit/population.ts) into the registry's citizen table. */

// ---------------------------------------------------------------------------------------------
// Writing

const CITIZEN_COLUMNS = ["personal_id", "full_name", "gender", "birth_date", "residence_commune_code", "search_name"];
/** 1,000 rows × 6 columns = 6,000 parameters: well under SQLite's limit of 32,766 a statement. */
const ROWS_PER_STATEMENT = 1_000;
/** One commit (and one progress report) per 25,000 rows keeps memory flat and fsyncs rare. */
const ROWS_PER_TRANSACTION = 25_000;
/**
 * The citizen indexes are keyed on random-looking values (IDs, folded names), so every batch
 * touches pages all over them; with SQLite's default 2 MB page cache those pages are evicted and
 * read back batch after batch. A 256 MB cache while seeding roughly halves the bench scale's time.
 */
const SQLITE_SEED_CACHE_KIB = 262_144;

export interface SeedPopulationOptions {
  seed?: number;
  /** Called after each committed batch with the rows written so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Generates the population of a scale over the communes already in the database and inserts it.
 * Existing citizens are kept (see {@link clearPopulation}); a personal ID that already exists
 * makes the batch fail. Returns the number of citizens inserted.
 */
export const seedPopulation = async (
  dataSource: DataSource,
  scaleOrName: PopulationScaleName | PopulationScale,
  options: SeedPopulationOptions = {},
): Promise<number> => {
  const scale = resolvePopulationScale(scaleOrName);
  const communes: CommuneForSeeding[] = await dataSource
    .getRepository(Commune)
    .find({ select: { code: true, provinceCode: true, kind: true } });
  const total = planPopulation(communes, scale).reduce((sum, commune) => sum + commune.count, 0);
  let done = 0;
  let batch: unknown[][] = [];
  const flush = async (): Promise<void> => {
    // In key order within a batch: the primary key's pages are then written in runs, not at random.
    const rows = batch.sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1));
    batch = [];
    await dataSource.transaction((manager) =>
      insertRows(manager, "citizen", CITIZEN_COLUMNS, rows, ROWS_PER_STATEMENT),
    );
    done += rows.length;
    options.onProgress?.(done, total);
  };
  const sqlite = dataSource.options.type === "better-sqlite3";
  const [{ cache_size: previousCache }] = sqlite ? await dataSource.query("PRAGMA cache_size") : [{ cache_size: 0 }];
  if (sqlite) await dataSource.query(`PRAGMA cache_size = -${SQLITE_SEED_CACHE_KIB}`);
  try {
    // The search indexes are built once the citizens are in (withIndexesBuiltAfter).
    await withIndexesBuiltAfter(dataSource.manager, ["citizen"], async () => {
      for (const citizen of generateCitizens(communes, scale, options.seed ?? DEFAULT_POPULATION_SEED)) {
        batch.push([
          citizen.personalId,
          citizen.fullName,
          citizen.gender,
          citizen.birthDate,
          citizen.residenceCommuneCode,
          citizen.searchName,
        ]);
        if (batch.length >= ROWS_PER_TRANSACTION) await flush();
      }
      if (batch.length > 0) await flush();
    });
  } finally {
    if (sqlite) await dataSource.query(`PRAGMA cache_size = ${Number(previousCache)}`);
  }
  return done;
};

/** Deletes every citizen; the administrative units stay. */
export const clearPopulation = async (dataSource: DataSource): Promise<void> => {
  // TRUNCATE is immediate on MySQL whatever the table size; SQLite has no TRUNCATE but clears an
  // unconditional DELETE just as fast.
  await dataSource.query(dataSource.options.type === "mysql" ? "TRUNCATE TABLE citizen" : "DELETE FROM citizen");
};
