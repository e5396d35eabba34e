import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";

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
