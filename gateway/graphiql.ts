import type { IncomingMessage, ServerResponse } from "node:http";

/** Settings of the locally served GraphiQL page, spread into gatewaySettings. */
export const graphiqlSettings = {};

/** Serves /graphiql and its bundled assets from the gateway's own origin; true when it answered. */
export const graphiqlRoutes =
  (_config: Record<string, unknown>) =>
  (_req: IncomingMessage, _res: ServerResponse, _url: URL): boolean =>
    false;
