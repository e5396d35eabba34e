import { randomUUID } from "node:crypto";

import { Column, Entity, type EntityManager, PrimaryGeneratedColumn, type QueryRunner, Table } from "typeorm";

/**
 * One domain event, written to the producer's outbox in the same transaction as the change it
 * reports (DESIGN §3): committed together or not at all, so a consumer never learns of a change
 * that was rolled back, nor misses one that was committed. The columns are those of Debezium's
 * outbox event router (id, aggregatetype, aggregateid, type, payload, timestamp), so a deployment
 * that relays events through Kafka reads this table unchanged; `seq` orders the feed for the
 * embedded default, which needs no extra server.
 */
@Entity("outbox_event")
export class OutboxEvent {
  /** The feed's order: consumers keep the last one they applied. */
  @PrimaryGeneratedColumn({ type: "bigint" })
  seq: string;

  /** The event's identity (a UUID): consumers apply each id once. */
  @Column({ type: "varchar", length: 36, unique: true })
  id: string;

  @Column({ name: "aggregatetype", type: "varchar", length: 60 })
  aggregateType: string;

  @Column({ name: "aggregateid", type: "varchar", length: 60 })
  aggregateId: string;

  @Column({ type: "varchar", length: 60 })
  type: string;

  /** The event's facts as JSON text. */
  @Column({ type: "text" })
  payload: string;

  @Column({ type: "datetime", precision: 3 })
  timestamp: Date;
}

/** A domain event to publish: which aggregate it concerns, what happened, the facts. */
export interface DomainEvent {
  aggregateType: string;
  aggregateId: string;
  type: string;
  payload: Record<string, unknown>;
}

/** Appends events to the outbox through the caller's transaction manager. */
export const appendEvents = async (manager: EntityManager, events: readonly DomainEvent[], at: Date): Promise<void> => {
  if (events.length === 0) return;
  await manager.insert(
    OutboxEvent,
    events.map((event) => ({
      id: randomUUID(),
      aggregateType: event.aggregateType,
      aggregateId: event.aggregateId,
      type: event.type,
      payload: JSON.stringify(event.payload),
      timestamp: at,
    })),
  );
};

/** The outbox table, for a producer's migration. */
export const createOutboxTable = async (runner: QueryRunner): Promise<void> => {
  await runner.createTable(
    new Table({
      name: "outbox_event",
      columns: [
        { name: "seq", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
        { name: "id", type: "varchar", length: "36", isUnique: true },
        { name: "aggregatetype", type: "varchar", length: "60" },
        { name: "aggregateid", type: "varchar", length: "60" },
        { name: "type", type: "varchar", length: "60" },
        { name: "payload", type: "text" },
        { name: "timestamp", type: "datetime", precision: 3 },
      ],
    }),
  );
};
