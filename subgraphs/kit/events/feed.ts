import type { IncomingMessage, ServerResponse } from "node:http";

import type { KeyLike } from "jose";

import type { Clock } from "../clock";
import { type Database, inBackground } from "../database";
import { log } from "../logger";
import { verifyServiceToken } from "./service-token";

/** The path a producer serves its event feed on. */
export const EVENT_FEED_PATH = "/events";
export const EVENT_FEED_MAX_LIMIT = 500;
/**
 * How long a hole in the feed's order may be a transaction still committing. On MySQL an
 * auto-increment number is taken when a row is inserted, not when it commits: event 11 may be
 * visible while event 10's transaction is still open. A consumer that moved past 10 would never
 * see it. So the feed stops before a hole until it is this old (the hole of a rolled-back
 * transaction never fills). SQLite writes one transaction at a time and has no such holes.
 */
export const FEED_GAP_GRACE_MS = 30_000;

/** One event as the feed serves it: the outbox row, payload parsed. */
export interface FeedEvent {
  seq: number;
  id: string;
  aggregateType: string;
  aggregateId: string;
  type: string;
  payload: Record<string, unknown>;
  timestamp: string;
}

export interface FeedPage {
  producer: string;
  events: FeedEvent[];
  /** The last event in the outbox: how far behind the reader is. */
  head: number;
}

interface OutboxRow {
  seq: number | string;
  id: string;
  aggregatetype: string;
  aggregateid: string;
  type: string;
  payload: string;
  timestamp: Date | string;
}

const instantOf = (value: Date | string): Date =>
  value instanceof Date ? value : new Date(`${value.replace(" ", "T")}${/Z|[+-]\d\d:?\d\d$/.test(value) ? "" : "Z"}`);

/** Reads up to `limit` events after `after`, in order, stopping before a hole that may still fill. */
export const readFeed = async (
  database: Database,
  producer: string,
  after: number,
  limit: number,
  now: Date,
): Promise<FeedPage> => {
  const rows = (await database.dataSource.query(
    "SELECT seq, id, aggregatetype, aggregateid, type, payload, timestamp FROM outbox_event WHERE seq > ? ORDER BY seq LIMIT ?",
    [after, limit],
  )) as OutboxRow[];
  const [{ head }] = (await database.dataSource.query("SELECT COALESCE(MAX(seq), 0) AS head FROM outbox_event")) as {
    head: number | string;
  }[];
  const events: FeedEvent[] = [];
  let expected = after + 1;
  for (const row of rows) {
    const seq = Number(row.seq);
    const at = instantOf(row.timestamp);
    if (seq !== expected && now.getTime() - at.getTime() < FEED_GAP_GRACE_MS) break;
    events.push({
      seq,
      id: row.id,
      aggregateType: row.aggregatetype,
      aggregateId: row.aggregateid,
      type: row.type,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
      timestamp: at.toISOString(),
    });
    expected = seq + 1;
  }
  return { producer, events, head: Number(head) };
};

const send = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
};

const refuse = (res: ServerResponse, status: number, code: string, message: string): void =>
  send(res, status, { errors: [{ message, extensions: { code } }] });

export interface EventFeedOptions {
  producer: string;
  database: Database;
  clock: Clock;
  /** The public key of each service allowed to read the feed, by name. Nobody else may. */
  consumerKeys: ReadonlyMap<string, KeyLike>;
}

/**
 * The producer's feed, `GET /events?after=<seq>&limit=<n>`, for the services that consume it,
 * each with a token of its own identity; a user's token, the gateway's hand-off or an unknown
 * service is refused.
 */
export const eventFeedRoute =
  (options: EventFeedOptions) =>
  (req: IncomingMessage, res: ServerResponse, url: URL): boolean => {
    if (url.pathname !== EVENT_FEED_PATH) return false;
    if (req.method !== "GET") {
      refuse(res, 405, "METHOD_NOT_ALLOWED", "The event feed is read with GET");
      return true;
    }
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
    const after = Number(url.searchParams.get("after") ?? "0");
    const limit = Number(url.searchParams.get("limit") ?? "100");
    void (async () => {
      if (!match) return refuse(res, 401, "UNAUTHENTICATED", "The event feed needs a service token");
      let consumer: string;
      try {
        consumer = await verifyServiceToken(options.consumerKeys, options.producer, match[1]);
      } catch {
        return refuse(res, 403, "FORBIDDEN", "Only the services that consume this feed may read it");
      }
      if (!Number.isSafeInteger(after) || after < 0) {
        return refuse(res, 400, "BAD_USER_INPUT", "after must be a whole number ≥ 0");
      }
      if (!Number.isInteger(limit) || limit < 1 || limit > EVENT_FEED_MAX_LIMIT) {
        return refuse(res, 400, "BAD_USER_INPUT", `limit must be 1–${EVENT_FEED_MAX_LIMIT}`);
      }
      const page = await inBackground(() =>
        readFeed(options.database, options.producer, after, limit, options.clock()),
      );
      log.debug("event feed read", { consumer, after, events: page.events.length });
      send(res, 200, page);
    })().catch((error: unknown) => {
      log.warn("event feed failed", { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) refuse(res, 503, "DATABASE_UNAVAILABLE", "The feed could not be read; try again");
      else res.end();
    });
    return true;
  };
