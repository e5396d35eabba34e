import { eventFeedSettings } from "../kit/events/settings";
import { deskSettings, loadDeskConfig } from "../kit/subgraph-config";

export const civilStatusSettings = {
  ...deskSettings(
    4002,
    "civil-status",
    "demo civil-status dossiers and registers for the registry's synthetic population",
  ),
  ...eventFeedSettings("civil-status"),
};

export type CivilStatusConfig = ReturnType<typeof loadCivilStatusConfig>;
export const loadCivilStatusConfig = (env: NodeJS.ProcessEnv = process.env) => loadDeskConfig(civilStatusSettings, env);
