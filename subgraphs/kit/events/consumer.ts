import type { KeyLike } from "jose";
import { Column, Entity, type EntityManager, PrimaryColumn, type QueryRunner, Table } from "typeorm";

import type { Clock } from "../clock";
import { type Database, inBackground } from "../database";
import { log } from "../logger";
import type { FeedEvent, FeedPage } from "./feed";
import { SERVICE_TOKEN_TTL_SECONDS, signServiceToken } from "./service-token";

/** How far a consumer has read each producer's feed: kept in the consumer's own database. */
@Entity("event_position")
export class EventPosition {
  @PrimaryColumn({ type: "varchar", length: 60 })
  producer: string;

  /** The last event applied (or skipped) in the feed's order. */
  @Column({ type: "bigint" })
  seq: string;

  @Column({ name: "updated_at", type: "datetime", precision: 3 })
  updatedAt: Date;
}

/** Every event applied, by id, in the same transaction as its effect: a second delivery changes nothing. */
@Entity("consumed_event")
export class ConsumedEvent {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 60 })
  producer: string;

  @Column({ type: "bigint" })
  seq: string;

  @Column({ type: "varchar", length: 60 })
  type: string;

  @Column({ name: "applied_at", type: "datetime", precision: 3 })
  appliedAt: Date;
}

export const CONSUMER_ENTITIES = [EventPosition, ConsumedEvent];

/** The consumer's tables, for a consuming subgraph's migration. */
export const createConsumerTables = async (runner: QueryRunner): Promise<void> => {
  await runner.createTable(
    new Table({
      name: "event_position",
      columns: [
        { name: "producer", type: "varchar", length: "60", isPrimary: true },
        { name: "seq", type: "bigint" },
        { name: "updated_at", type: "datetime", precision: 3 },
      ],
    }),
  );
  await runner.createTable(
    new Table({
      name: "consumed_event",
      columns: [
        { name: "id", type: "varchar", length: "36", isPrimary: true },
        { name: "producer", type: "varchar", length: "60" },
        { name: "seq", type: "bigint" },
        { name: "type", type: "varchar", length: "60" },
        { name: "applied_at", type: "datetime", precision: 3 },
      ],
    }),
  );
};

/** Applies one event inside the consumer's transaction: whatever it writes commits with the event's mark, or not at all. */
export type EventHandler = (manager: EntityManager, event: FeedEvent) => Promise<void>;

export interface EventConsumerOptions {
  /** This service: the issuer of its feed tokens. */
  consumer: string;
  producer: string;
  /** The producer's feed, e.g. http://civil-status:4002/events. */
  feedUrl: string;
  privateKey: KeyLike;
  database: Database;
  clock: Clock;
  /** By event type; types without a handler are passed over (their position still advances). */
  handlers: Readonly<Record<string, EventHandler>>;
  pollMs: number;
  batchSize?: number;
  /** How long one read of the feed may take. */
  requestTimeoutMs?: number;
}

export interface EventConsumer {
  /** Lets the event being applied finish, then stops. */
  stop(): Promise<void>;
  /** Position, head, lag (events and seconds), applied and failed counts, for /metrics. */
  metrics(): Record<string, number>;
  /** Resolves once the consumer has applied everything the feed had when called (tests, operations). */
  caughtUp(timeoutMs?: number): Promise<void>;
}

const MAX_BACKOFF_MS = 5000;

/**
 * After this many failed attempts at one event the consumer reports it stuck, at error level and
 * in /metrics. It never skips the event: a death left unapplied would keep an allowance paid, so
 * an operator fixes the cause (data, code) and the consumer goes on by itself.
 */
export const STUCK_AFTER_ATTEMPTS = 5;

/**
 * How long a consumer waits quietly for a feed it has never reached: `npm start` starts every
 * service at once, so a consumer may be up while its producer still seeds its first-start data.
 * A feed that stays away longer than this (or goes away after answering) is worth a warning.
 */
const QUIET_FIRST_WAIT_MS = 120_000;

/**
 * Reads a producer's feed in order and applies each event once (DESIGN §3): each event's effect,
 * its id in `consumed_event` and the new position commit in one transaction, so a consumer killed
 * mid-batch resumes after the last event it committed and an event delivered twice is applied
 * once. It polls while the producer is reachable and backs off while not, catching up after
 * either side was down.
 */
export const startEventConsumer = async (options: EventConsumerOptions): Promise<EventConsumer> => {
  const { database, producer } = options;
  const batchSize = options.batchSize ?? 100;
  const labels = `{producer="${producer}"}`;
  await inBackground(() =>
    database.transaction(async (manager) => {
      const found = await manager.findOne(EventPosition, { where: { producer } });
      if (!found) await manager.insert(EventPosition, { producer, seq: "0", updatedAt: options.clock() });
    }),
  );
  const stored = await inBackground(() =>
    database.dataSource.getRepository(EventPosition).findOneByOrFail({ producer }),
  );
  let position = Number(stored.seq);
  let head = position;
  /** When the oldest event not yet applied was written, when one is known to wait. */
  let oldestPendingAt: number | undefined;
  let applied = 0;
  let failures = 0;
  let running = true;
  let failing = false;
  /** Whether the feed has answered once; until it has, when the consumer began waiting for it. */
  let reached = false;
  const waitingSince = Date.now();
  let warnedWaiting = false;
  /** The event whose handler failed last, and how many attempts in a row failed. */
  let blocked: { id: string; seq: number; type: string; attempts: number } | undefined;
  let token: { value: string; until: number } | undefined;
  const abort = new AbortController();
  let wake: (() => void) | undefined;

  const tokenFor = async (): Promise<string> => {
    if (!token || token.until < Date.now()) {
      const value = await signServiceToken(options.privateKey, options.consumer, producer);
      token = { value, until: Date.now() + (SERVICE_TOKEN_TTL_SECONDS / 2) * 1000 };
    }
    return token.value;
  };

  const readPage = async (): Promise<FeedPage> => {
    const url = `${options.feedUrl}?after=${position}&limit=${batchSize}`;
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${await tokenFor()}` },
      signal: AbortSignal.any([abort.signal, AbortSignal.timeout(options.requestTimeoutMs ?? 5000)]),
    });
    if (!res.ok) throw new Error(`the feed answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    return (await res.json()) as FeedPage;
  };

  const apply = async (event: FeedEvent): Promise<void> => {
    await database.transaction(async (manager) => {
      const seen = await manager.findOne(ConsumedEvent, { where: { id: event.id } });
      if (!seen) {
        const handler = options.handlers[event.type];
        if (handler) await handler(manager, event);
        await manager.insert(ConsumedEvent, {
          id: event.id,
          producer,
          seq: String(event.seq),
          type: event.type,
          appliedAt: options.clock(),
        });
      }
      await manager.update(EventPosition, { producer }, { seq: String(event.seq), updatedAt: options.clock() });
    });
    position = event.seq;
    applied += 1;
  };

  /** Applies one event; a failure is counted against that event and reported once it is stuck. */
  const applyOrReport = async (event: FeedEvent): Promise<void> => {
    try {
      await apply(event);
    } catch (error) {
      const attempts = blocked?.id === event.id ? blocked.attempts + 1 : 1;
      blocked = { id: event.id, seq: event.seq, type: event.type, attempts };
      if (attempts === STUCK_AFTER_ATTEMPTS) {
        log.error("event consumer stuck on one event; it will not skip it", {
          producer,
          eventId: event.id,
          seq: event.seq,
          type: event.type,
          attempts,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      throw error;
    }
    if (blocked?.id === event.id && blocked.attempts >= STUCK_AFTER_ATTEMPTS) {
      log.info("stuck event applied; the consumer goes on", { producer, eventId: event.id, seq: event.seq });
    }
    blocked = undefined;
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = async (): Promise<void> => {
    let backoff = options.pollMs;
    while (running) {
      let full = false;
      try {
        const page = await readPage();
        head = Math.max(page.head, position);
        oldestPendingAt = page.events[0] ? Date.parse(page.events[0].timestamp) : undefined;
        for (const event of page.events) {
          if (!running) break;
          await applyOrReport(event);
        }
        oldestPendingAt = undefined;
        full = page.events.length === batchSize;
        if (failing) log.info(reached ? "event feed reachable again" : "event feed reached", { producer, position });
        failing = false;
        reached = true;
        backoff = options.pollMs;
      } catch (error) {
        if (!running) break;
        failures += 1;
        const detail = { producer, position, error: error instanceof Error ? error.message : String(error) };
        if (reached && !failing) log.warn("event consumer cannot go on; retrying", detail);
        if (!reached && !failing) log.info("waiting for the event feed of a producer still starting", detail);
        if (!reached && !warnedWaiting && Date.now() - waitingSince > QUIET_FIRST_WAIT_MS) {
          warnedWaiting = true;
          log.warn("event feed not reached since start; retrying", { ...detail, waitedMs: Date.now() - waitingSince });
        }
        failing = true;
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
      if (running && !full) await sleep(failing ? backoff : options.pollMs);
    }
  };
  const done = inBackground(loop);

  return {
    stop: async () => {
      running = false;
      abort.abort();
      wake?.();
      await done;
    },
    metrics: () => ({
      [`event_consumer_position${labels}`]: position,
      [`event_consumer_head${labels}`]: head,
      [`event_consumer_lag_events${labels}`]: Math.max(0, head - position),
      [`event_consumer_lag_seconds${labels}`]:
        head > position && oldestPendingAt !== undefined
          ? Math.max(0, (options.clock().getTime() - oldestPendingAt) / 1000)
          : 0,
      [`event_consumer_applied_total${labels}`]: applied,
      [`event_consumer_failures_total${labels}`]: failures,
      // The sequence number of the event the consumer is stuck on (0: none), for an alert.
      [`event_consumer_stuck_seq${labels}`]: blocked && blocked.attempts >= STUCK_AFTER_ATTEMPTS ? blocked.seq : 0,
    }),
    caughtUp: async (timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      const target = await readPage().then(
        (page) => page.head,
        () => head,
      );
      while (position < target) {
        if (Date.now() > deadline) throw new Error(`consumer of ${producer} at ${position}, feed at ${target}`);
        wake?.();
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
};
