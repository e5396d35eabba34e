import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";

import { loadConfig } from "../../subgraphs/kit/config";
import { describeDatabaseUrl, openDatabase } from "../../subgraphs/kit/database";
import { configureLogger } from "../../subgraphs/kit/logger";
import { DEFAULT_POPULATION_SEED, POPULATION_SCALES, type PopulationScaleName } from "../../subgraphs/kit/population";
import { registrySettings } from "../../subgraphs/registry/config";
import { registryEntities } from "../../subgraphs/registry/entities";
import { importAdminUnits } from "../../subgraphs/registry/import/admin-units";
import { clearPopulation, seedPopulation } from "../../subgraphs/registry/import/population";
import { registryMigrations } from "../../subgraphs/registry/migrations";

const USAGE = `Usage: node dist/infra/seed/seed.js --scale ${Object.keys(POPULATION_SCALES).join("|")} [options]

Imports the administrative units into the registry database and replaces its citizens with a
synthetic population.

Options:
  --scale NAME          ${Object.entries(POPULATION_SCALES)
    .map(([name, scale]) => `${name}: ${scale.description}`)
    .join("\n                        ")}
  --database-url URL    sqlite:<file> or mysql://user:password@host:3306/database
                        (default: DATABASE_URL, else sqlite:.data/registry.sqlite)
  --units FILE          the administrative units list (default: ADMIN_UNITS_FILE or the shared copy)
  --merges FILE         merges.json (default: ADMIN_MERGES_FILE or the shared copy)
  --seed N              PRNG seed (default ${DEFAULT_POPULATION_SEED}); the same seed gives the same people
  -h, --help            show this help
`;

/** A usage mistake: reported with the usage text. */
class UsageError extends Error {}

/** Progress is shown only when there is enough to wait for. */
const PROGRESS_THRESHOLD = 20_000;

const formatCount = (n: number): string => Math.round(n).toLocaleString("en-US");

const formatDuration = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return "--";
  if (seconds < 60) return `${seconds.toFixed(0)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, "0")}s`;
};

/**
 * One progress line on stderr: rewritten in place with \r on a terminal, or printed at every
 * further tenth of the work otherwise (logs and CI would fill up with carriage returns).
 */
const createProgressLine = (stream: NodeJS.WriteStream, label: string) => {
  const started = Date.now();
  let lastTenth = -1;
  let width = 0;
  return {
    update(done: number, total: number): void {
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      const eta = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
      const percent = total > 0 ? (100 * done) / total : 100;
      const line =
        `${label} ${percent.toFixed(1).padStart(5)}%  ${formatCount(done)}/${formatCount(total)}` +
        `  ${formatCount(rate)} rows/s  ETA ${formatDuration(eta)}`;
      if (stream.isTTY) {
        stream.write(`\r${line.padEnd(width)}`);
        width = line.length;
        if (done >= total) stream.write("\n");
        return;
      }
      const tenth = Math.floor(percent / 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`${line}\n`);
      }
    },
  };
};

const parseArguments = (argv: string[]) => {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        scale: { type: "string" },
        "database-url": { type: "string" },
        units: { type: "string" },
        merges: { type: "string" },
        seed: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.help) return undefined;
  const scale = parsed.scale;
  if (scale === undefined) throw new UsageError("--scale is required");
  if (!(scale in POPULATION_SCALES)) {
    throw new UsageError(`--scale must be one of ${Object.keys(POPULATION_SCALES).join(", ")}, got "${scale}"`);
  }
  let seed = DEFAULT_POPULATION_SEED;
  if (parsed.seed !== undefined) {
    seed = Number(parsed.seed);
    if (!/^[0-9]+$/.test(parsed.seed) || !Number.isSafeInteger(seed) || seed > 0xffffffff) {
      throw new UsageError(`--seed must be a whole number from 0 to 4294967295, got "${parsed.seed}"`);
    }
  }
  return {
    scale: scale as PopulationScaleName,
    seed,
    databaseUrl: parsed["database-url"],
    unitsFile: parsed.units,
    mergesFile: parsed.merges,
  };
};

const main = async (argv: string[]): Promise<void> => {
  const options = parseArguments(argv);
  if (!options) {
    process.stdout.write(USAGE);
    return;
  }
  configureLogger("registry-seed", "warn");
  // Only the settings this command uses, so that it runs without the service's other settings.
  const config = loadConfig({
    databaseUrl: registrySettings.databaseUrl,
    adminUnitsFile: registrySettings.adminUnitsFile,
    adminMergesFile: registrySettings.adminMergesFile,
  });
  const url = options.databaseUrl ?? config.databaseUrl;
  const files = {
    unitsFile: options.unitsFile ?? config.adminUnitsFile,
    mergesFile: options.mergesFile ?? config.adminMergesFile,
  };
  const sqliteFile = url.startsWith("sqlite:") ? url.slice("sqlite:".length) : undefined;
  if (sqliteFile && sqliteFile !== ":memory:") mkdirSync(dirname(resolve(sqliteFile)), { recursive: true });

  const started = Date.now();
  const database = await openDatabase({ url, entities: registryEntities, migrations: registryMigrations });
  try {
    const units = await importAdminUnits(database.dataSource, files, (message) => process.stderr.write(`${message}\n`));
    await clearPopulation(database.dataSource);
    const progress = createProgressLine(process.stderr, `Seeding ${options.scale}`);
    const citizens = await seedPopulation(database.dataSource, options.scale, {
      seed: options.seed,
      onProgress: (done, total) => {
        if (total >= PROGRESS_THRESHOLD) progress.update(done, total);
      },
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `Seeded ${describeDatabaseUrl(url)}: ${formatCount(units.provinces)} provinces, ` +
        `${formatCount(units.communes)} communes, ${formatCount(units.formerCommunes)} former communes, ` +
        `${formatCount(citizens)} citizens (scale ${options.scale}, seed ${options.seed}) in ${seconds}s\n`,
    );
  } finally {
    await database.close();
  }
};

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`seed: ${message}\n`);
  if (error instanceof UsageError) process.stderr.write(`\n${USAGE}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
