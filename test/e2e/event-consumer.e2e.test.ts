import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { generateKeyPair, type KeyLike } from "jose";
import { Entity, type MigrationInterface, PrimaryColumn, type QueryRunner, Table } from "typeorm";

import { systemClock } from "../../subgraphs/kit/clock";
import { type Database, openDatabase } from "../../subgraphs/kit/database";
import {
  ConsumedEvent,
  CONSUMER_ENTITIES,
  createConsumerTables,
  type EventConsumer,
  EventPosition,
  startEventConsumer,
  STUCK_AFTER_ATTEMPTS,
} from "../../subgraphs/kit/events/consumer";
import { eventFeedRoute } from "../../subgraphs/kit/events/feed";
import { appendEvents, createOutboxTable, OutboxEvent } from "../../subgraphs/kit/events/outbox";
import { configureLogger } from "../../subgraphs/kit/logger";
import { createTestDatabaseUrl, type TestDatabaseUrl } from "../support/database";

/** What the test's handler writes: one row per event it applied, in the consumer's transaction. */
@Entity("test_event_effect")
class EventEffect {
  @PrimaryColumn({ name: "event_id", type: "varchar", length: 36 })
  eventId: string;
}

/** The producer's outbox, as a field's migration makes it. */
class ProducerTables1751328000000 implements MigrationInterface {
  name = "ProducerTables1751328000000";
  up = (runner: QueryRunner) => createOutboxTable(runner);
  down = async () => undefined;
}

/** The consumer's position and marks, as a consumer's migration makes them, and the handler's table. */
class ConsumerTables1751328000000 implements MigrationInterface {
  name = "ConsumerTables1751328000000";
  async up(runner: QueryRunner): Promise<void> {
    await createConsumerTables(runner);
    await runner.createTable(
      new Table({
        name: "test_event_effect",
        columns: [{ name: "event_id", type: "varchar", length: "36", isPrimary: true }],
      }),
    );
  }
  down = async () => undefined;
}

const LABELS = '{producer="producer"}';

let urls: TestDatabaseUrl[] = [];
let producer: Database;
let consumerDb: Database;
let server: Server;
let feedUrl: string;
let privateKey: KeyLike;
let consumer: EventConsumer | undefined;

beforeAll(async () => {
  configureLogger("test", "error");
  urls = [await createTestDatabaseUrl("producer"), await createTestDatabaseUrl("consumer")];
  producer = await openDatabase({
    url: urls[0].url,
    entities: [OutboxEvent],
    migrations: [ProducerTables1751328000000],
  });
  consumerDb = await openDatabase({
    url: urls[1].url,
    entities: [...CONSUMER_ENTITIES, EventEffect],
    migrations: [ConsumerTables1751328000000],
  });
  const keys = await generateKeyPair("ES256");
  privateKey = keys.privateKey;
  const route = eventFeedRoute({
    producer: "producer",
    database: producer,
    clock: systemClock,
    consumerKeys: new Map([["consumer", keys.publicKey]]),
  });
  server = createServer((req, res) => {
    if (!route(req, res, new URL(req.url ?? "/", "http://127.0.0.1"))) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
});

afterAll(async () => {
  await consumer?.stop();
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await producer?.close();
  await consumerDb?.close();
  for (const url of urls) await url.drop();
});

/** Waits until `check` holds, polling; fails with what was last seen. */
const until = async (what: string, check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe("e2e > event consumer > an event its handler cannot apply", () => {
  it("stalls on it without skipping, says so at error level and in /metrics, then goes on once fixed, each event once", async () => {
    // The third of five events cannot be applied (say, data the handler does not expect) until
    // an operator fixes the cause; the consumer must neither lose it nor apply anything twice.
    await producer.transaction((manager) =>
      appendEvents(
        manager,
        [1, 2, 3, 4, 5].map((n) => ({
          aggregateType: "Thing",
          aggregateId: `thing-${n}`,
          type: "Noted",
          payload: { n, poison: n === 3 },
        })),
        new Date(),
      ),
    );
    const ids = (await producer.dataSource.getRepository(OutboxEvent).find({ order: { seq: "ASC" } })).map(
      (row) => row.id,
    );
    let fixed = false;
    const errors: string[] = [];
    const stderr = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      errors.push(String(chunk));
      return true;
    });
    const start = () =>
      startEventConsumer({
        consumer: "consumer",
        producer: "producer",
        feedUrl,
        privateKey,
        database: consumerDb,
        clock: systemClock,
        pollMs: 20,
        batchSize: 2,
        handlers: {
          Noted: async (manager, event) => {
            await manager.insert(EventEffect, { eventId: event.id });
            if (event.payload.poison && !fixed) throw new Error("cannot apply thing 3");
          },
        },
      });
    try {
      consumer = await start();
      await until(
        "the consumer to report itself stuck",
        () => consumer!.metrics()[`event_consumer_stuck_seq${LABELS}`] > 0,
      );
      const stuck = consumer.metrics();
      expect(stuck[`event_consumer_stuck_seq${LABELS}`]).toBe(3);
      expect(stuck[`event_consumer_position${LABELS}`]).toBe(2);
      expect(stuck[`event_consumer_head${LABELS}`]).toBe(5);
      expect(stuck[`event_consumer_failures_total${LABELS}`]).toBeGreaterThanOrEqual(STUCK_AFTER_ATTEMPTS);
      // The failed attempts left nothing behind: the effects and marks of events 1 and 2 only.
      const effects = async () =>
        (await consumerDb.dataSource.getRepository(EventEffect).find()).map((row) => row.eventId).sort();
      expect(await effects()).toEqual(ids.slice(0, 2).sort());
      expect((await consumerDb.dataSource.getRepository(ConsumedEvent).find()).map((row) => row.id).sort()).toEqual(
        ids.slice(0, 2).sort(),
      );
      const stuckLines = errors
        .flatMap((chunk) => chunk.split("\n"))
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((line) => line.level === "error");
      expect(stuckLines).toEqual([
        expect.objectContaining({
          msg: "event consumer stuck on one event; it will not skip it",
          producer: "producer",
          eventId: ids[2],
          seq: 3,
          type: "Noted",
          attempts: STUCK_AFTER_ATTEMPTS,
          error: "cannot apply thing 3",
        }),
      ]);

      // The cause is fixed: the consumer goes on by itself and applies the rest once.
      fixed = true;
      await consumer.caughtUp();
      expect(consumer.metrics()[`event_consumer_stuck_seq${LABELS}`]).toBe(0);
      expect(consumer.metrics()[`event_consumer_position${LABELS}`]).toBe(5);
      expect(await effects()).toEqual([...ids].sort());

      // Delivered again from an older position (a restored backup, say): nothing applies twice.
      await consumer.stop();
      await consumerDb.dataSource.getRepository(EventPosition).update({ producer: "producer" }, { seq: "1" });
      consumer = await start();
      await consumer.caughtUp();
      expect(consumer.metrics()[`event_consumer_position${LABELS}`]).toBe(5);
      expect(await effects()).toEqual([...ids].sort());
      expect(await consumerDb.dataSource.getRepository(ConsumedEvent).count()).toBe(5);
    } finally {
      stderr.mockRestore();
    }
  });
});
