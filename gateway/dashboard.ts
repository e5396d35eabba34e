import { resolve } from "node:path";

import type { GatewayConfig } from "./config";
import { mintPersonas } from "./graphiql";
import { pageRoutes, type Route } from "./static-assets";

/** The bundled page (infra/dashboard/build.ts writes it beside this file in dist/). */
export const DASHBOARD_ASSETS_DIR = resolve(__dirname, "dashboard-assets");

/**
 * Everything the dashboard loads comes from this origin: its script and stylesheet from the
 * bundle, its data from /graphql and the CSV exports; nothing inline, nothing from elsewhere.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

export type DashboardConfig = Pick<GatewayConfig, "nodeEnv" | "devJwtSecret">;

/**
 * Serves /dashboard, the city departments' page, and its assets; in development also the
 * personas it offers (the same as GraphiQL's). Its data comes from the public API with the
 * caller's token, so it shows each caller what the graph lets them see; `csvExports` answers the
 * CSV downloads under /dashboard/export/.
 */
export const dashboardRoutes = (config: DashboardConfig, csvExports?: Route): Route =>
  pageRoutes({
    path: "/dashboard",
    name: "The dashboard",
    assetsDir: DASHBOARD_ASSETS_DIR,
    csp: DASHBOARD_CSP,
    personas: config.nodeEnv !== "production" ? () => mintPersonas(config.devJwtSecret) : undefined,
    delegates: { "/dashboard/export/": csvExports },
  });
