import { loadConfig, parseOneOf, setting } from "../kit/config";
import { eventConsumerSettings } from "../kit/events/settings";
import { subgraphSettings } from "../kit/subgraph-config";

export const SEED_SCALES = ["none", "test", "demo", "bench", "city"] as const;

export const registrySettings = {
  ...subgraphSettings(4001, "registry"),
  ...eventConsumerSettings("registry"),
  adminUnitsFile: setting({
    name: "ADMIN_UNITS_FILE",
    description: "the official list of administrative units (JSON, see shared/data/admin-units/SOURCE.md)",
    devDefault: "../shared/data/admin-units/full_json_generated_data_vn_units_2026-07-25__20_49_07.json",
  }),
  adminMergesFile: setting({
    name: "ADMIN_MERGES_FILE",
    description: "the merges of former communes into today's (merges.json)",
    devDefault: "../shared/data/admin-units/merges.json",
  }),
  seedOnEmpty: setting({
    name: "SEED_ON_EMPTY",
    description: "on an empty database, import the administrative units and seed a synthetic population at this scale",
    devDefault: "none",
    parse: parseOneOf(...SEED_SCALES),
  }),
};

export type RegistryConfig = ReturnType<typeof loadRegistryConfig>;
export const loadRegistryConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(registrySettings, env);
