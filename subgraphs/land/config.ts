import { eventConsumerSettings } from "../kit/events/settings";
import { deskSettings, loadDeskConfig } from "../kit/subgraph-config";

export const landSettings = {
  ...deskSettings(
    4003,
    "land",
    "the demo land register (parcels, certificates, encumbrances, permits) and 18 months of land dossiers",
  ),
  ...eventConsumerSettings("land"),
};

export type LandConfig = ReturnType<typeof loadLandConfig>;
export const loadLandConfig = (env: NodeJS.ProcessEnv = process.env) => loadDeskConfig(landSettings, env);
