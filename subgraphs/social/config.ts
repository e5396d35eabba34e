import { eventConsumerSettings } from "../kit/events/settings";
import { deskSettings, loadDeskConfig } from "../kit/subgraph-config";

export const socialSettings = {
  ...deskSettings(
    4004,
    "social",
    "the demo social register (benefits, pensions, payments, households, disability certificates) and 18 months of social dossiers",
  ),
  ...eventConsumerSettings("social"),
};

export type SocialConfig = ReturnType<typeof loadSocialConfig>;
export const loadSocialConfig = (env: NodeJS.ProcessEnv = process.env) => loadDeskConfig(socialSettings, env);
