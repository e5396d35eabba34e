import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";

import { log } from "../subgraphs/kit/logger";

/**
 * Serving a bundled page (GraphiQL, the dashboard) from the gateway's own origin: its index.html
 * revalidated on every load, its hashed assets cached for good, gzip on request, and the security
 * headers of the page's Content-Security-Policy on every answer.
 */

/** Hashed file names change with their content, so browsers may keep them for good. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Pages and their data are revalidated on every load (ETag), so a rebuild shows at once. */
export const REVALIDATE = "no-cache";

export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".ttf": "font/ttf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".png": "image/png",
};

const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

export interface Payload {
  body: Buffer;
  type: string;
  etag: string;
  /** The gzip-compressed body, for types worth compressing. */
  gzipped(): Buffer | undefined;
}

export const payloadOf = (body: Buffer, type: string): Payload => {
  let gzipped: Buffer | undefined;
  return {
    body,
    type,
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`,
    // Compressed on first use and kept: bundles are megabytes of JavaScript (about a third gzipped).
    gzipped: () => {
      if (!COMPRESSIBLE.test(type) || body.length < 1024) return undefined;
      return (gzipped ??= gzipSync(body, { level: 9 }));
    },
  };
};

export interface Assets {
  page: Payload;
  files: Map<string, Payload>;
}

/** A bundle's folder: index.html as the page, every other file by name. */
export const loadAssets = (dir: string): Assets => {
  const files = new Map<string, Payload>();
  for (const name of readdirSync(dir)) {
    if (name === "index.html") continue;
    const type = CONTENT_TYPES[extname(name)] ?? "application/octet-stream";
    files.set(name, payloadOf(readFileSync(join(dir, name)), type));
  }
  return { page: payloadOf(readFileSync(join(dir, "index.html")), CONTENT_TYPES[".html"]), files };
};

/** Loads once on first use; a failure is retried on the next request (the build may still be running). */
export const once = <T>(load: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= load());
};

/** The answers of one page, under its Content-Security-Policy. */
export const staticPage = (csp: string) => {
  const securityHeaders = {
    "content-security-policy": csp,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
  };

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    payload: Payload,
    headers: Record<string, string>,
    status = 200,
  ): void => {
    const common = { ...securityHeaders, ...headers, etag: payload.etag, vary: "accept-encoding" };
    if (req.headers["if-none-match"] === payload.etag) {
      res.writeHead(304, common);
      res.end();
      return;
    }
    const gzipped = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) ? payload.gzipped() : undefined;
    const gzip = gzipped !== undefined;
    const body = gzipped ?? payload.body;
    res.writeHead(status, {
      ...common,
      "content-type": payload.type,
      "content-length": String(body.length),
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  };

  const sendJson = (req: IncomingMessage, res: ServerResponse, value: unknown, cacheControl: string): void =>
    send(req, res, payloadOf(Buffer.from(JSON.stringify(value)), CONTENT_TYPES[".json"]), {
      "cache-control": cacheControl,
    });

  const sendText = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void => {
    res.writeHead(status, {
      ...securityHeaders,
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      ...headers,
    });
    res.end(text);
  };

  return { securityHeaders, send, sendJson, sendText };
};

/** A route of the gateway's own pages: true when it answered. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;

export interface PageRoutesOptions {
  /** Where the page lives: "/graphiql". */
  path: string;
  /** What the page is called in logs and in the answer when its bundle is missing: "GraphiQL". */
  name: string;
  assetsDir: string;
  csp: string;
  /** In development, the tokens of the demo personas the page offers, at <path>/personas. */
  personas?: () => Promise<unknown>;
  /** Other documents of the page (GraphiQL's saved operations), by their path, loaded on first use. */
  documents?: Record<string, () => Payload>;
  /** Routes of their own under a prefix (the dashboard's CSV exports), which answer any method. */
  delegates?: Record<string, Route | undefined>;
}

/**
 * A bundled page served from the gateway's origin: the page (revalidated) at `path`, `path/`
 * redirected to it, its hashed assets (kept for good) under `path/assets/`, its documents, and in
 * development the personas; GET and HEAD only (405 otherwise). If the bundle is missing the page
 * answers 503 and says to build it.
 */
export const pageRoutes = (options: PageRoutesOptions): Route => {
  const page = staticPage(options.csp);
  const assets = once(() => loadAssets(options.assetsDir));
  const documents = Object.fromEntries(
    Object.entries(options.documents ?? {}).map(([path, load]) => [path, once(load)]),
  );
  const assetsPrefix = `${options.path}/assets/`;
  return (req, res, url) => {
    const path = url.pathname;
    if (path !== options.path && !path.startsWith(`${options.path}/`)) return false;
    for (const [prefix, route] of Object.entries(options.delegates ?? {})) {
      if (path.startsWith(prefix)) return route?.(req, res, url) ?? false;
    }
    if (path === `${options.path}/personas` && !options.personas) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      page.sendText(res, 405, "Method not allowed\n", { allow: "GET, HEAD" });
      return true;
    }
    try {
      if (path === options.path) {
        page.send(req, res, assets().page, { "cache-control": REVALIDATE });
        return true;
      }
      if (path === `${options.path}/`) {
        res.writeHead(308, { location: `${options.path}${url.search}` });
        res.end();
        return true;
      }
      const document = documents[path];
      if (document) {
        page.send(req, res, document(), { "cache-control": REVALIDATE });
        return true;
      }
      if (path === `${options.path}/personas` && options.personas) {
        options.personas().then(
          // Tokens: never cached, by the browser or anything between.
          (personas) => page.sendJson(req, res, personas, "no-store"),
          (error: unknown) => {
            log.error(`minting the ${options.name} personas failed`, { error: String(error) });
            page.sendText(res, 500, "Could not mint the development tokens\n");
          },
        );
        return true;
      }
      if (path.startsWith(assetsPrefix)) {
        const file = assets().files.get(path.slice(assetsPrefix.length));
        if (!file) return false;
        page.send(req, res, file, { "cache-control": IMMUTABLE });
        return true;
      }
      return false;
    } catch (error) {
      log.error(`${options.name} is not available`, { error: error instanceof Error ? error.message : String(error) });
      page.sendText(res, 503, `${options.name} is not available: its bundle is missing (npm run build).\n`);
      return true;
    }
  };
};
