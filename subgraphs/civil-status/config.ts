import { loadConfig, setting } from "../kit/config";
import { subgraphSettings } from "../kit/subgraph-config";

export const civilStatusSettings = {
  ...subgraphSettings(4002, "civil-status"),
  calendarDir: setting({
    name: "CALENDAR_DIR",
    description: "the working-day calendar's yearly files (infra/calendar)",
    devDefault: "infra/calendar",
  }),
};

export type CivilStatusConfig = ReturnType<typeof loadCivilStatusConfig>;
export const loadCivilStatusConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(civilStatusSettings, env);
