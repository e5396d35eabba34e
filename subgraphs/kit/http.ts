import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { type ApolloServer, type BaseContext, HeaderMap } from "@apollo/server";

import { log, logScope } from "./logger";

/** Thrown by an authenticate hook: the request is answered with this status before its body is read. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RequestInfo {
  requestId: string;
  headers: IncomingMessage["headers"];
}

export interface HttpServiceOptions<TContext extends BaseContext, TAuth> {
  name: string;
  apollo: ApolloServer<TContext>;
  /** Runs before the body is read or parsed; throw HttpError to refuse the request. */
  authenticate: (request: RequestInfo) => Promise<TAuth>;
  /** The request id to log under: a subgraph takes the gateway's from its token. */
  requestIdOf?: (auth: TAuth, fallback: string) => string;
  context: (auth: TAuth, request: RequestInfo) => Promise<TContext>;
  ready: () => Promise<boolean>;
  metrics: () => Record<string, number>;
  maxBodyBytes: number;
  graphqlPath?: string;
  /** Origins whose browser pages may call the GraphQL endpoint; none means same origin only. */
  corsOrigins?: readonly string[];
  /** Other routes the service serves (the gateway's GraphiQL page); true when it answered. */
  routes?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;
}

export interface HttpService {
  server: Server;
  url: string;
  port: number;
  /** Stops accepting, lets in-flight requests finish (up to graceMs), then closes. */
  close(graceMs?: number): Promise<void>;
}

const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(text);
};

const errorBody = (code: string, message: string) => ({ errors: [{ message, extensions: { code } }] });

const readBody = (req: IncomingMessage, limit: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      reject(new HttpError(413, "PAYLOAD_TOO_LARGE", `Request body exceeds ${limit} bytes`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering; the 413 goes out with `connection: close`, which ends the upload.
        req.pause();
        reject(new HttpError(413, "PAYLOAD_TOO_LARGE", `Request body exceeds ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });

const toHeaderMap = (req: IncomingMessage): HeaderMap => {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
};

/**
 * The HTTP front of every service: /health, /ready, /metrics and the GraphQL endpoint, with
 * authentication before parsing, a body-size limit, request ids and draining shutdown.
 */
/** How long a draining service waits with nothing in flight and nothing arriving before it closes. */
const DRAIN_QUIET_MS = 150;
/** How long a draining service keeps answering at least (unless its grace period is shorter): long enough for callers that do not watch /ready, such as the gateway, to stop sending. */
const DRAIN_MIN_MS = 3000;

export const startHttpService = async <TContext extends BaseContext, TAuth>(
  options: HttpServiceOptions<TContext, TAuth>,
  port: number,
  host: string,
): Promise<HttpService> => {
  const graphqlPath = options.graphqlPath ?? "/graphql";
  let inFlight = 0;
  let draining = false;
  let lastRequestAt = 0;
  let requests = 0;

  const handleGraphql = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const fallbackId = randomUUID();
    const info: RequestInfo = { requestId: fallbackId, headers: req.headers };
    let auth: TAuth;
    try {
      auth = await options.authenticate(info);
    } catch (error) {
      req.resume();
      if (error instanceof HttpError) {
        sendJson(
          res,
          error.status,
          errorBody(error.code, error.message),
          error.status === 401 ? { "www-authenticate": "Bearer" } : {},
        );
        return;
      }
      throw error;
    }
    info.requestId = options.requestIdOf ? options.requestIdOf(auth, fallbackId) : fallbackId;
    await logScope.run({ requestId: info.requestId }, async () => {
      let body: unknown = undefined;
      if (req.method === "POST") {
        const text = await readBody(req, options.maxBodyBytes);
        const type = req.headers["content-type"] ?? "";
        if (type.includes("json")) {
          try {
            body = text.length > 0 ? JSON.parse(text) : undefined;
          } catch {
            sendJson(res, 400, errorBody("BAD_REQUEST", "The request body is not valid JSON"));
            return;
          }
        } else {
          body = text;
        }
      }
      const response = await options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? "GET", headers: toHeaderMap(req), search: url.search, body },
        context: () => options.context(auth, info),
      });
      const headers: Record<string, string> = { "x-request-id": info.requestId };
      for (const [key, value] of response.headers) headers[key] = value;
      res.writeHead(response.status ?? 200, headers);
      if (response.body.kind === "complete") {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    });
  };

  const allowedOrigins = new Set(options.corsOrigins ?? []);

  /** CORS from an allow-list: allowed origins get their own origin back, others nothing. */
  const applyCors = (req: IncomingMessage, res: ServerResponse): boolean => {
    const origin = req.headers.origin;
    if (!origin || !allowedOrigins.has(origin)) {
      if (req.method === "OPTIONS") {
        sendJson(res, 403, errorBody("FORBIDDEN", "This origin may not call the API"));
        return true;
      }
      return false;
    }
    res.setHeader("access-control-allow-origin", origin);
    res.setHeader("vary", "Origin");
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-methods": "GET, POST, OPTIONS",
        "access-control-allow-headers":
          "authorization, content-type, apollo-require-preflight, x-apollo-operation-name",
        "access-control-max-age": "600",
      });
      res.end();
      return true;
    }
    return false;
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/health" && req.method === "GET") {
      sendJson(res, draining ? 503 : 200, { status: draining ? "draining" : "ok", service: options.name });
      return;
    }
    if (url.pathname === "/ready" && req.method === "GET") {
      void options.ready().then(
        (ok) => sendJson(res, ok && !draining ? 200 : 503, { ready: ok && !draining, service: options.name }),
        () => sendJson(res, 503, { ready: false, service: options.name }),
      );
      return;
    }
    if (url.pathname === "/metrics" && req.method === "GET") {
      const lines = Object.entries({
        http_requests_total: requests,
        http_requests_in_flight: inFlight,
        ...options.metrics(),
      })
        .map(([key, value]) => `${key} ${value}`)
        .join("\n");
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
      res.end(`${lines}\n`);
      return;
    }
    if (url.pathname !== graphqlPath && options.routes?.(req, res, url)) return;
    if (url.pathname !== graphqlPath) {
      sendJson(res, 404, errorBody("NOT_FOUND", `No route ${url.pathname}`));
      return;
    }
    if (applyCors(req, res)) return;
    // While draining, a request that reaches us is still answered (it was sent before clients could
    // know); the answer closes its connection, so the client's next request opens a new one elsewhere.
    if (draining) res.setHeader("connection", "close");
    inFlight += 1;
    requests += 1;
    lastRequestAt = Date.now();
    handleGraphql(req, res, url)
      .catch((error: unknown) => {
        if (error instanceof HttpError) {
          if (!res.headersSent)
            sendJson(res, error.status, errorBody(error.code, error.message), { connection: "close" });
          res.once("finish", () => req.destroy());
          return;
        }
        log.error("request failed", { error: error instanceof Error ? error.stack : String(error) });
        if (!res.headersSent) sendJson(res, 500, errorBody("INTERNAL_SERVER_ERROR", "Internal server error"));
        else res.end();
      })
      .finally(() => {
        inFlight -= 1;
      });
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;

  return {
    server,
    port: address.port,
    url: `http://${hostForUrl}:${address.port}${graphqlPath}`,
    close: async (graceMs = 10_000) => {
      // Drain (DESIGN §10): /ready and /health say so at once, so no new work is routed here; every
      // request that still arrives is answered, each answer closing its connection; once nothing
      // is in flight and nothing has arrived for a short while (or the grace period is over), the
      // listener and the remaining connections are closed.
      draining = true;
      const started = Date.now();
      const deadline = started + graceMs;
      // Requests a client sent just before the signal may still be on their way (the gateway verifies
      // and plans before it calls): keep answering for a moment even when nothing is in flight.
      const earliest = started + Math.min(graceMs, DRAIN_MIN_MS);
      while (Date.now() < deadline) {
        const now = Date.now();
        if (now >= earliest && inFlight === 0 && now - lastRequestAt >= DRAIN_QUIET_MS) break;
        await new Promise((resolve) => setTimeout(resolve, 20).unref());
      }
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
};
