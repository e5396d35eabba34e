import { parseClockStart } from "../kit/clock";
import { ConfigError, isProduction, loadConfig, parseOneOf, setting } from "../kit/config";
import { subgraphSettings } from "../kit/subgraph-config";

export const landSettings = {
  ...subgraphSettings(4003, "land"),
  calendarDir: setting({
    name: "CALENDAR_DIR",
    description: "the working-day calendar's yearly files (infra/calendar)",
    devDefault: "infra/calendar",
  }),
  seedOnEmpty: setting({
    name: "SEED_ON_EMPTY",
    description:
      "on an empty database, seed the demo land register (parcels, certificates, encumbrances, permits) for the synthetic population at this scale",
    devDefault: "none",
    parse: parseOneOf("none", "test", "demo", "bench"),
  }),
  adminUnitsFile: setting({
    name: "ADMIN_UNITS_FILE",
    description:
      "the official list of administrative units: which communes exist and their provinces; the demo seed's communes",
    devDefault: "../shared/data/admin-units/full_json_generated_data_vn_units_2026-07-25__20_49_07.json",
  }),
  clockStart: setting({
    name: "CLOCK_START",
    description:
      "development and tests only: the service's clock starts at this instant (ISO 8601 with offset) and runs on, to replay a desk's day",
    optional: true,
    parse: parseClockStart,
  }),
};

export type LandConfig = ReturnType<typeof loadLandConfig>;
export const loadLandConfig = (env: NodeJS.ProcessEnv = process.env) => {
  const config = loadConfig(landSettings, env);
  // Due dates and register dates follow the clock: production keeps the real time, always.
  if (isProduction(env) && config.clockStart) {
    throw new ConfigError("Invalid configuration:\n  CLOCK_START must not be set in production");
  }
  return config;
};
