import type { Clock } from "../clock";
import { ConfigError, parsePositiveInt, setting } from "../config";
import type { Database } from "../database";
import { consumersOf, manifestEntry } from "../manifest";
import { type EventConsumer, type EventHandler, startEventConsumer } from "./consumer";
import { eventFeedRoute } from "./feed";
import { loadServicePrivateKey, loadServicePublicKey } from "./service-token";

/** Where development keeps each service's own key pair (the launcher creates them). */
export const devServiceKeyFile = (service: string, part: "private" | "public"): string =>
  `.data/keys/service-${service}-${part}.pem`;

/** `name=value,name=value`, each name once; `none` for none. */
const parsePairs =
  (what: string) =>
  (raw: string): ReadonlyMap<string, string> => {
    const pairs = new Map<string, string>();
    if (raw.trim() === "none") return pairs;
    for (const item of raw.split(",").map((part) => part.trim())) {
      if (item === "") continue;
      const at = item.indexOf("=");
      if (at <= 0 || at === item.length - 1) throw new ConfigError(`expected name=${what}, got ${item}`);
      const name = item.slice(0, at).trim();
      if (pairs.has(name)) throw new ConfigError(`${name} is named twice`);
      pairs.set(name, item.slice(at + 1).trim());
    }
    return pairs;
  };

/** A producer's settings: which services may read its feed, each with its public key. */
export const eventFeedSettings = (producer: string) => ({
  eventConsumerKeys: setting({
    name: "EVENT_CONSUMER_KEYS",
    description:
      "the services allowed to read this service's event feed, each with the PEM file of its public key: registry=/run/secrets/registry.pem,land=… (`none`: nobody)",
    devDefault: consumersOf(producer)
      .map((entry) => `${entry.name}=${devServiceKeyFile(entry.name, "public")}`)
      .join(","),
    requiredInProduction: true,
    parse: parsePairs("key.pem"),
  }),
});

/** A consumer's settings: its own key, the feeds it reads, how often it looks. */
export const eventConsumerSettings = (consumer: string) => ({
  serviceKeyFile: setting({
    name: "SERVICE_KEY_FILE",
    description:
      "PEM file (PKCS#8, ES256) of this service's own private key, with which it reads other services' event feeds",
    devDefault: devServiceKeyFile(consumer, "private"),
    requiredInProduction: true,
  }),
  eventFeeds: setting({
    name: "EVENT_FEEDS",
    description:
      "the event feed of each producer this service reads: civil-status=http://civil-status:4002/events (`none` for a producer, or alone, leaves its events unread)",
    devDefault: (manifestEntry(consumer).consumes ?? [])
      .map((producer) => `${producer}=http://127.0.0.1:${manifestEntry(producer).port}/events`)
      .join(","),
    requiredInProduction: true,
    parse: parsePairs("url"),
  }),
  eventPollMs: setting({
    name: "EVENT_POLL_MS",
    description: "how often an idle consumer asks a feed for new events",
    devDefault: "500",
    parse: parsePositiveInt,
  }),
});

type FeedConfig = { eventConsumerKeys: ReadonlyMap<string, string> };
type ConsumerConfig = { serviceKeyFile: string; eventFeeds: ReadonlyMap<string, string>; eventPollMs: number };

/** The producer's feed route, with the consumers' keys loaded. */
export const eventFeedOf =
  (config: FeedConfig, producer: string, clock: Clock) =>
  async (database: Database): Promise<ReturnType<typeof eventFeedRoute>> => {
    const consumerKeys = new Map(
      await Promise.all(
        [...config.eventConsumerKeys].map(async ([name, file]) => [name, await loadServicePublicKey(file)] as const),
      ),
    );
    return eventFeedRoute({ producer, database, clock, consumerKeys });
  };

/** Starts one consumer per producer this service reads, with the handlers it has for each. */
export const eventConsumersOf =
  (
    config: ConsumerConfig,
    consumer: string,
    handlersByProducer: Readonly<Record<string, Readonly<Record<string, EventHandler>>>>,
    clock: Clock,
  ) =>
  async (database: Database): Promise<EventConsumer[]> => {
    const feeds = [...config.eventFeeds].filter(([, url]) => url !== "none");
    if (feeds.length === 0) return [];
    const privateKey = await loadServicePrivateKey(config.serviceKeyFile);
    const consumers: EventConsumer[] = [];
    for (const [producer, feedUrl] of feeds) {
      const handlers = handlersByProducer[producer];
      if (!handlers) throw new ConfigError(`EVENT_FEEDS names ${producer}, whose events ${consumer} does not read`);
      consumers.push(
        await startEventConsumer({
          consumer,
          producer,
          feedUrl,
          privateKey,
          database,
          clock,
          handlers,
          pollMs: config.eventPollMs,
        }),
      );
    }
    return consumers;
  };
