import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, type EntityManager, Index, PrimaryGeneratedColumn, type QueryRunner, Table } from "typeorm";

import type { Caller } from "./caller";
import { sqlInstant } from "./database";
import { connectionOf } from "./pagination";
import { DateTimeScalar } from "./scalars";

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

type AuditRow = Omit<AuditEvent, "id">;

/** The most rows one INSERT carries (11 parameters a row, well within SQLite's and MySQL's limits). */
const ROWS_PER_INSERT = 500;

const insertAuditRows = async (manager: EntityManager, rows: readonly AuditRow[]): Promise<void> => {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditEvent)
      .values(rows.slice(start, start + ROWS_PER_INSERT) as AuditRow[])
      .updateEntity(false)
      .execute();
  }
};

/**
 * Group commit for the audit rows of reads: the rows of every request that reads personal data
 * at about the same time go into one INSERT, one commit, one flush to disk, and each request is
 * answered only once the commit that holds its rows has returned. Under load, each commit carries
 * the rows of every read that arrived while the previous one was being written, instead of one
 * commit (and one fsync) per read; a read alone is written at once.
 */
class AuditBatcher {
  private waiting: { rows: AuditRow[]; done: () => void; failed: (error: unknown) => void }[] = [];
  private writing = false;

  constructor(private readonly manager: EntityManager) {}

  write(rows: AuditRow[]): Promise<void> {
    return new Promise((done, failed) => {
      this.waiting.push({ rows, done, failed });
      if (!this.writing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.writing = true;
    // Let the reads already under way add their rows to this commit.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        await insertAuditRows(
          this.manager,
          batch.flatMap((entry) => entry.rows),
        );
        for (const entry of batch) entry.done();
      } catch (error) {
        for (const entry of batch) entry.failed(error);
      }
    }
    this.writing = false;
  }
}

const batchers = new WeakMap<object, AuditBatcher>();

/**
 * Appends the events of one operation in a single INSERT, whatever the number of entities.
 * Pass the transaction's manager for writes so the events commit or roll back with them; outside
 * a transaction (reads), the rows join the next group commit, and the promise resolves once they
 * are durable.
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
  if (manager.queryRunner?.isTransactionActive) return insertAuditRows(manager, rows);
  let batcher = batchers.get(manager.connection);
  if (!batcher) {
    batcher = new AuditBatcher(manager.connection.manager);
    batchers.set(manager.connection, batcher);
  }
  await batcher.write(rows);
};

/**
 * One access to a person's data as the person reads it (DESIGN §7: "a citizen can read who
 * accessed their data"): when, who in which role and commune, what, and whether it was allowed.
 * Every subgraph keeps its own log, so the type is shared.
 */
@Directive("@shareable")
@ObjectType("AccessLogEntry", {
  description: "Nhật ký truy cập — one access to a person's data: who, when, what, allowed or not",
})
export class AccessLogEntry {
  @Field(() => DateTimeScalar, { description: "Thời điểm — when" })
  at: Date;

  @Field({ description: "Người truy cập — who (the account's subject)" })
  actor: string;

  @Field(() => String, { nullable: true, description: "Vai trò — their role" })
  role: string | null;

  @Field(() => String, { nullable: true, description: "Xã — their commune, for commune staff" })
  communeCode: string | null;

  @Field({ description: "Thao tác — what was done, e.g. registers.read, issue.MARITAL_STATUS_CERTIFICATE" })
  operation: string;

  @Field(() => String, {
    nullable: true,
    description: "Đối tượng — the record concerned: the person, or one of their dossiers",
  })
  entityId: string | null;

  @Field({ description: "Kết quả — ALLOWED or DENIED" })
  outcome: string;

  /** The event's row id, for paging. */
  id: string;
}

export const AccessLogConnection = connectionOf(
  AccessLogEntry,
  "AccessLogConnection",
  "Trang nhật ký truy cập — one page of a person's access log, newest first",
  { shareable: true },
);

/** A position in an access log ordered newest first. */
export interface AccessLogPosition {
  at: Date;
  id: string;
}

/**
 * The newest events about each of many people in one statement: events on the person themselves
 * and on the dossiers they filed in `dossierTable`, numbered per person newest first.
 */
export const queryAccessLogs = async (
  manager: EntityManager,
  dossierTable: string,
  personalIds: readonly string[],
  limit: number,
  after: AccessLogPosition | undefined,
): Promise<Map<string, AccessLogEntry[]>> => {
  const logs = new Map<string, AccessLogEntry[]>(personalIds.map((id) => [id, []]));
  if (personalIds.length === 0) return logs;
  const marks = personalIds.map(() => "?").join(", ");
  const cursor = after ? "WHERE (a.at < ? OR (a.at = ? AND a.id < ?))" : "";
  const rows = (await manager.query(
    `SELECT subject, id, at, actor, role, commune_code, operation, entity_id, outcome FROM (
       SELECT a.*, ROW_NUMBER() OVER (PARTITION BY a.subject ORDER BY a.at DESC, a.id DESC) AS n FROM (
         SELECT e.*, e.entity_id AS subject FROM audit_event e
          WHERE e.entity_type = 'Citizen' AND e.entity_id IN (${marks})
         UNION ALL
         SELECT e.*, d.applicant_personal_id AS subject FROM audit_event e
           JOIN ${dossierTable} d ON e.entity_id = d.code
          WHERE e.entity_type <> 'Citizen' AND d.applicant_personal_id IN (${marks})
       ) a ${cursor}
     ) ranked WHERE n <= ? ORDER BY subject, n`,
    [
      ...personalIds,
      ...personalIds,
      ...(after ? [sqlInstant(after.at), sqlInstant(after.at), Number(after.id)] : []),
      limit,
    ],
  )) as Record<string, string | number | Date | null>[];
  for (const row of rows) {
    logs.get(String(row.subject))?.push(
      Object.assign(new AccessLogEntry(), {
        id: String(row.id),
        at: row.at instanceof Date ? row.at : new Date(`${String(row.at).replace(" ", "T")}Z`),
        actor: String(row.actor),
        role: row.role === null ? null : String(row.role),
        communeCode: row.commune_code === null ? null : String(row.commune_code),
        operation: String(row.operation),
        entityId: row.entity_id === null ? null : String(row.entity_id),
        outcome: String(row.outcome),
      }),
    );
  }
  return logs;
};
