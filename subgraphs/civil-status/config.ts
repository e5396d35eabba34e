import { loadConfig, parseOneOf, setting } from "../kit/config";
import { subgraphSettings } from "../kit/subgraph-config";

export const civilStatusSettings = {
  ...subgraphSettings(4002, "civil-status"),
  calendarDir: setting({
    name: "CALENDAR_DIR",
    description: "the working-day calendar's yearly files (infra/calendar)",
    devDefault: "infra/calendar",
  }),
  seedOnEmpty: setting({
    name: "SEED_ON_EMPTY",
    description: "on an empty database, seed demo dossiers for the registry's synthetic population at this scale",
    devDefault: "none",
    parse: parseOneOf("none", "test", "demo", "bench"),
  }),
  adminUnitsFile: setting({
    name: "ADMIN_UNITS_FILE",
    description: "the official list of administrative units, for the demo seed's communes",
    devDefault: "../shared/data/admin-units/full_json_generated_data_vn_units_2026-07-25__20_49_07.json",
  }),
};

export type CivilStatusConfig = ReturnType<typeof loadCivilStatusConfig>;
export const loadCivilStatusConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(civilStatusSettings, env);
