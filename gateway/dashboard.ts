import type { IncomingMessage, ServerResponse } from "node:http";
import { resolve } from "node:path";

import { log } from "../subgraphs/kit/logger";
import type { GatewayConfig } from "./config";
import { mintPersonas } from "./graphiql";
import { IMMUTABLE, loadAssets, once, REVALIDATE, staticPage } from "./static-assets";

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

type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;

const page = staticPage(DASHBOARD_CSP);

/**
 * Serves /dashboard, the city departments' page, and its assets; in development also the
 * personas it offers (the same as GraphiQL's). Its data comes from the public API with the
 * caller's token, so it shows each caller what the graph lets them see; `csvExports` answers the
 * CSV downloads under /dashboard/export/.
 */
export const dashboardRoutes = (config: DashboardConfig, csvExports?: Route): Route => {
  const development = config.nodeEnv !== "production";
  const assets = once(() => loadAssets(DASHBOARD_ASSETS_DIR));
  return (req, res, url) => {
    const path = url.pathname;
    if (path !== "/dashboard" && !path.startsWith("/dashboard/")) return false;
    if (path.startsWith("/dashboard/export/")) return csvExports?.(req, res, url) ?? false;
    if (path === "/dashboard/personas" && !development) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      page.sendText(res, 405, "Method not allowed\n", { allow: "GET, HEAD" });
      return true;
    }
    try {
      if (path === "/dashboard") {
        page.send(req, res, assets().page, { "cache-control": REVALIDATE });
        return true;
      }
      if (path === "/dashboard/") {
        res.writeHead(308, { location: `/dashboard${url.search}` });
        res.end();
        return true;
      }
      if (path === "/dashboard/personas") {
        mintPersonas(config.devJwtSecret).then(
          (personas) => page.sendJson(req, res, personas, "no-store"),
          (error: unknown) => {
            log.error("minting the dashboard personas failed", { error: String(error) });
            page.sendText(res, 500, "Could not mint the development tokens\n");
          },
        );
        return true;
      }
      if (path.startsWith("/dashboard/assets/")) {
        const file = assets().files.get(path.slice("/dashboard/assets/".length));
        if (!file) return false;
        page.send(req, res, file, { "cache-control": IMMUTABLE });
        return true;
      }
      return false;
    } catch (error) {
      log.error("the dashboard is not available", { error: error instanceof Error ? error.message : String(error) });
      page.sendText(res, 503, "The dashboard is not available: its bundle is missing (npm run build).\n");
      return true;
    }
  };
};
