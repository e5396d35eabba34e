import { Directive, Field, ID, Int, InterfaceType, ObjectType, registerEnumType } from "type-graphql";
import {
  Column,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type QueryRunner,
  Table,
  TableColumn,
  TableIndex,
} from "typeorm";

import { DateTimeScalar } from "../scalars";
import { DossierStatus } from "./status";

/** How a dossier reached the commune. */
export enum DossierChannel {
  DESK = "DESK",
  ONLINE = "ONLINE",
  LINKED = "LINKED",
}

registerEnumType(DossierChannel, {
  name: "DossierChannel",
  description: "Kênh nộp hồ sơ — how the dossier reached the commune",
  valuesConfig: {
    DESK: { description: "Trực tiếp — at the commune's one-stop desk" },
    ONLINE: { description: "Trực tuyến — filed online by the citizen" },
    LINKED: {
      description:
        "Liên thông — opened by the hub from another field's event (a registered death proposes funeral support, NĐ 63/2024)",
    },
  },
});

/**
 * The columns every field's dossier table shares (DESIGN §4), and the `Dossier` interface every
 * field's dossier type implements, so one client fragment reads any of them. Each field subgraph
 * declares its own entity and type in its own database:
 * `@ObjectType({ implements: DossierRecord }) @Entity("civil_status_dossier") class … extends DossierRecord`.
 */
@InterfaceType("Dossier", {
  description: "Hồ sơ thủ tục hành chính — one citizen's request for one procedure at one commune",
})
export abstract class DossierRecord {
  @Field(() => ID, { description: "Mã hồ sơ — {commune}.{HT|DD|XH}-{yyMMdd}-{seq4}, e.g. 10369.HT-250701-0001" })
  @PrimaryColumn({ type: "varchar", length: 24 })
  code: string;

  @Field({ description: "Mã thủ tục hành chính — the national procedure code, e.g. 1.004873" })
  @Column({ name: "procedure_code", type: "varchar", length: 20 })
  procedureCode: string;

  @Field(() => ID, { description: "Mã xã — the commune whose desk handles the dossier" })
  @Column({ name: "commune_code", type: "varchar", length: 5 })
  communeCode: string;

  @Column({ name: "province_code", type: "varchar", length: 2 })
  provinceCode: string;

  @Column({ name: "applicant_personal_id", type: "varchar", length: 12 })
  applicantPersonalId: string;

  @Field(() => DossierChannel, { description: "Kênh nộp — at the desk or online" })
  @Column({ type: "varchar", length: 8 })
  channel: DossierChannel;

  @Field(() => DossierStatus, { description: "Trạng thái — where the dossier stands in the workflow" })
  @Column({ type: "varchar", length: 24 })
  status: DossierStatus;

  @Field(() => Int, { description: "Mã trạng thái quốc gia — the national portal's status code" })
  @Column({ name: "national_status_code", type: "integer" })
  nationalStatusCode: number;

  /** Optimistic concurrency: every state change is `UPDATE … WHERE code = ? AND version = ?`. */
  @Field(() => Int, { description: "Phiên bản — pass as expectedVersion when moving the dossier" })
  @Column({ type: "integer" })
  version: number;

  @Field(() => DateTimeScalar, { description: "Thời điểm nhận — when the desk received or the portal got it" })
  @Column({ name: "received_at", type: "datetime", precision: 3 })
  receivedAt: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Thời điểm tiếp nhận — acceptance, which fixes the due date",
  })
  @Column({ name: "accepted_at", type: "datetime", precision: 3, nullable: true })
  acceptedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Hạn trả kết quả — the statutory due date" })
  @Column({ name: "due_at", type: "datetime", precision: 3, nullable: true })
  dueAt: Date | null;

  /**
   * The due date was counted over a year whose days off are not announced yet (DESIGN §4): it
   * rests on the provisional calendar, and is recomputed when the year's official file is added.
   */
  @Field({
    description:
      "Hạn tạm tính — the due date was counted on a provisional calendar (a year whose days off are not announced yet) and will be recomputed, with a history entry, when they are",
  })
  @Column({ name: "due_provisional", type: "boolean", default: false })
  dueProvisional: boolean;

  /** The limit the due date was counted with ("WORKING_DAYS:3"), so that it can be counted again. */
  @Column({ name: "due_limit", type: "varchar", length: 24, nullable: true })
  dueLimit: string | null;

  /** The first of completed, returned, stopped, refused or withdrawn: the indicator's end time. */
  @Field(() => DateTimeScalar, { nullable: true, description: "Thời điểm kết thúc — when the dossier ended" })
  @Column({ name: "ended_at", type: "datetime", precision: 3, nullable: true })
  endedAt: Date | null;

  @Field(() => Int, { description: "Số lần yêu cầu bổ sung — supplement requests so far; more than one makes it late" })
  @Column({ name: "supplement_count", type: "integer" })
  supplementCount: number;

  @Column({ name: "supplement_since", type: "datetime", precision: 3, nullable: true })
  supplementSince: Date | null;

  /**
   * The due date moved forward by the working time spent waiting for supplements, kept up to date
   * on every resume so that statistics compare end times with it in plain, grouped SQL.
   */
  @Column({ name: "effective_due_at", type: "datetime", precision: 3, nullable: true })
  effectiveDueAt: Date | null;

  /** Time spent waiting for the citizen, which does not count against the due date. */
  @Column({ name: "supplement_ms", type: "bigint" })
  supplementMs: string;
}

/** One move of one dossier: who, when, from, to, why. The dossier's history. Every field subgraph resolves it. */
@Directive("@shareable")
@ObjectType("DossierHistoryEntry", { description: "Quá trình xử lý — one step of a dossier's history" })
@Entity("dossier_transition")
@Index("idx_dossier_transition_dossier", ["dossierCode", "at"])
export class DossierTransition {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id: string;

  @Column({ name: "dossier_code", type: "varchar", length: 24 })
  dossierCode: string;

  @Field(() => DossierStatus, { nullable: true, description: "Từ trạng thái — the state before; none on receipt" })
  @Column({ name: "from_status", type: "varchar", length: 24, nullable: true })
  fromStatus: DossierStatus | null;

  @Field(() => DossierStatus, { description: "Sang trạng thái — the state after" })
  @Column({ name: "to_status", type: "varchar", length: 24 })
  toStatus: DossierStatus;

  @Field({ description: "Người thực hiện — who moved it" })
  @Column({ type: "varchar", length: 100 })
  actor: string;

  @Field(() => String, { nullable: true, description: "Vai trò — the actor's role" })
  @Column({ type: "varchar", length: 20, nullable: true })
  role: string | null;

  @Field(() => DateTimeScalar, { description: "Thời điểm — when" })
  @Column({ type: "datetime", precision: 3 })
  at: Date;

  @Field(() => String, { nullable: true, description: "Ghi chú — the reason or remark recorded with the step" })
  @Column({ type: "varchar", length: 500, nullable: true })
  note: string | null;
}

/** The last sequence number given out per commune, field and day (the dossier code's last part). */
@Entity("dossier_sequence")
export class DossierSequence {
  @PrimaryColumn({ type: "varchar", length: 20 })
  scope: string;

  @Column({ name: "last_value", type: "integer" })
  lastValue: number;
}

/** A create mutation's idempotency key, the hash of its payload and what it created. */
@Entity("idempotency_record")
export class IdempotencyRecord {
  @PrimaryColumn({ type: "varchar", length: 100 })
  key: string;

  @Column({ type: "varchar", length: 60 })
  operation: string;

  @Column({ name: "payload_hash", type: "varchar", length: 64 })
  payloadHash: string;

  @Column({ name: "result_code", type: "varchar", length: 24 })
  resultCode: string;

  @Column({ type: "datetime", precision: 3 })
  at: Date;
}

/** Undoes createDossierTables (and the audit log a field's first migration creates beside them). */
export const dropDossierTables = async (runner: QueryRunner, dossierTable: string): Promise<void> => {
  for (const table of ["audit_event", "idempotency_record", "dossier_sequence", "dossier_transition", dossierTable]) {
    await runner.dropTable(table);
  }
};

/** Version 2 of the dossier table: whether the due date is provisional, and the limit it was counted with. */
export const addDueProvenance = async (runner: QueryRunner, dossierTable: string): Promise<void> => {
  await runner.addColumns(dossierTable, [
    new TableColumn({ name: "due_provisional", type: "boolean", default: false }),
    new TableColumn({ name: "due_limit", type: "varchar", length: "24", isNullable: true }),
  ]);
  await runner.createIndex(
    dossierTable,
    new TableIndex({ name: `idx_${dossierTable}_due_provisional`, columnNames: ["due_provisional"] }),
  );
};

export const DOSSIER_KIT_ENTITIES = [DossierTransition, DossierSequence, IdempotencyRecord];

/**
 * The tables of the dossier workflow, for a field subgraph's first migration. `version` 1 is the
 * table as first shipped (civil status's first migration, which must keep creating exactly that);
 * later versions add the columns later migrations added there (`addDueProvenance`).
 */
export const createDossierTables = async (
  runner: QueryRunner,
  dossierTable: string,
  { version = 2 }: { version?: 1 | 2 } = {},
): Promise<void> => {
  const instant = (name: string, nullable = false) => ({ name, type: "datetime", precision: 3, isNullable: nullable });
  await runner.createTable(
    new Table({
      name: dossierTable,
      columns: [
        { name: "code", type: "varchar", length: "24", isPrimary: true },
        { name: "procedure_code", type: "varchar", length: "20" },
        { name: "commune_code", type: "varchar", length: "5" },
        { name: "province_code", type: "varchar", length: "2" },
        { name: "applicant_personal_id", type: "varchar", length: "12" },
        { name: "channel", type: "varchar", length: "8" },
        { name: "status", type: "varchar", length: "24" },
        { name: "national_status_code", type: "integer" },
        { name: "version", type: "integer" },
        instant("received_at"),
        instant("accepted_at", true),
        instant("due_at", true),
        instant("ended_at", true),
        { name: "supplement_count", type: "integer" },
        instant("supplement_since", true),
        instant("effective_due_at", true),
        { name: "supplement_ms", type: "bigint" },
      ],
      indices: [
        { name: `idx_${dossierTable}_commune_received`, columnNames: ["commune_code", "received_at"] },
        { name: `idx_${dossierTable}_province_received`, columnNames: ["province_code", "received_at"] },
        { name: `idx_${dossierTable}_applicant`, columnNames: ["applicant_personal_id"] },
      ],
    }),
  );
  if (version >= 2) await addDueProvenance(runner, dossierTable);
  await runner.createTable(
    new Table({
      name: "dossier_transition",
      columns: [
        { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
        { name: "dossier_code", type: "varchar", length: "24" },
        { name: "from_status", type: "varchar", length: "24", isNullable: true },
        { name: "to_status", type: "varchar", length: "24" },
        { name: "actor", type: "varchar", length: "100" },
        { name: "role", type: "varchar", length: "20", isNullable: true },
        instant("at"),
        { name: "note", type: "varchar", length: "500", isNullable: true },
      ],
      indices: [{ name: "idx_dossier_transition_dossier", columnNames: ["dossier_code", "at"] }],
    }),
  );
  await runner.createTable(
    new Table({
      name: "dossier_sequence",
      columns: [
        { name: "scope", type: "varchar", length: "20", isPrimary: true },
        { name: "last_value", type: "integer" },
      ],
    }),
  );
  await runner.createTable(
    new Table({
      name: "idempotency_record",
      columns: [
        { name: "key", type: "varchar", length: "100", isPrimary: true },
        { name: "operation", type: "varchar", length: "60" },
        { name: "payload_hash", type: "varchar", length: "64" },
        { name: "result_code", type: "varchar", length: "24" },
        instant("at"),
      ],
    }),
  );
};
