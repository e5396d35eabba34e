import { Column, Entity, type EntityManager, Index, PrimaryGeneratedColumn, type QueryRunner, Table } from "typeorm";

import type { Caller } from "./caller";

export type AuditOutcome = "ALLOWED" | "DENIED";

/**
 * One access to personal data or one write (DESIGN §7): who, in which role and commune, did
 * what to which entity, and whether it was allowed. Append-only; a subject's events answer
 * "who read my data".
 */
@Entity("audit_event")
@Index("idx_audit_subject", ["entityType", "entityId", "at"])
@Index("idx_audit_request", ["requestId"])
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id: string;

  @Column({ type: "datetime", precision: 3 })
  at: Date;

  @Column({ type: "varchar", length: 100 })
  actor: string;

  @Column({ type: "varchar", length: 20, nullable: true })
  role: string | null;

  @Column({ name: "commune_code", type: "varchar", length: 5, nullable: true })
  communeCode: string | null;

  @Column({ type: "varchar", length: 100 })
  operation: string;

  @Column({ name: "entity_type", type: "varchar", length: 40, nullable: true })
  entityType: string | null;

  @Column({ name: "entity_id", type: "varchar", length: 40, nullable: true })
  entityId: string | null;

  @Column({ type: "varchar", length: 8 })
  outcome: AuditOutcome;

  @Column({ type: "varchar", length: 300, nullable: true })
  reason: string | null;

  @Column({ name: "request_id", type: "varchar", length: 64, nullable: true })
  requestId: string | null;
}

/** The audit table for a subgraph's first migration; identical in every subgraph database. */
export const createAuditTable = async (runner: QueryRunner): Promise<void> => {
  await runner.createTable(
    new Table({
      name: "audit_event",
      columns: [
        { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
        { name: "at", type: "datetime", precision: 3 },
        { name: "actor", type: "varchar", length: "100" },
        { name: "role", type: "varchar", length: "20", isNullable: true },
        { name: "commune_code", type: "varchar", length: "5", isNullable: true },
        { name: "operation", type: "varchar", length: "100" },
        { name: "entity_type", type: "varchar", length: "40", isNullable: true },
        { name: "entity_id", type: "varchar", length: "40", isNullable: true },
        { name: "outcome", type: "varchar", length: "8" },
        { name: "reason", type: "varchar", length: "300", isNullable: true },
        { name: "request_id", type: "varchar", length: "64", isNullable: true },
      ],
      indices: [
        { name: "idx_audit_subject", columnNames: ["entity_type", "entity_id", "at"] },
        { name: "idx_audit_request", columnNames: ["request_id"] },
      ],
    }),
  );
};

export interface AuditEntry {
  operation: string;
  outcome: AuditOutcome;
  entityType?: string;
  /** Each id gets its own row, so that a subject can list every access to them. */
  entityIds?: readonly string[];
  reason?: string;
}

/**
 * Appends the events of one operation in a single INSERT, whatever the number of entities.
 * Pass the transaction's manager for writes so the events commit or roll back with them.
 */
export const writeAudit = async (
  manager: EntityManager,
  caller: Caller,
  requestId: string | undefined,
  entries: readonly AuditEntry[],
): Promise<void> => {
  const at = new Date();
  const rows = entries.flatMap((entry) => {
    const ids: (string | null)[] = entry.entityIds && entry.entityIds.length > 0 ? [...entry.entityIds] : [null];
    return ids.map((entityId) => ({
      at,
      actor: caller.subject,
      role: caller.role ?? null,
      communeCode: caller.communeCode ?? null,
      operation: entry.operation,
      entityType: entry.entityType ?? null,
      entityId,
      outcome: entry.outcome,
      reason: entry.reason?.slice(0, 300) ?? null,
      requestId: requestId ?? null,
    }));
  });
  if (rows.length === 0) return;
  await manager.createQueryBuilder().insert().into(AuditEvent).values(rows).updateEntity(false).execute();
};
