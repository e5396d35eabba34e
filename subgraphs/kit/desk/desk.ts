import {
  Arg,
  Authorized,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { type EntityManager, In } from "typeorm";

import { type AuditEntry, AuditEvent, writeAudit } from "../audit";
import {
  CalendarCoverageError,
  endOfLocalDay,
  type ProcedureLimit,
  recomputeDueAt,
  startOfLocalDay,
  toLocalDate,
} from "../calendar";
import { type Caller, Role, type WorkField } from "../caller";
import type { ClassType, Database } from "../database";
import { DOSSIER_CODE, type FieldPrefix } from "../dossier/code";
import { DOSSIER_KIT_ENTITIES, DossierChannel, type DossierRecord, DossierTransition } from "../dossier/entities";
import type { DossierListFilter } from "../dossier/listing";
import { DossierStats, type StatsRow, summarise } from "../dossier/stats";
import { CLOCK_STOPPED_STATES, DossierStatus, DossierTimeliness, NATIONAL_STATUS_CODE } from "../dossier/status";
import {
  createIdempotently,
  type FixedDue,
  moveDossier,
  type MoveHooks,
  nextDossierCode,
  recordCreation,
} from "../dossier/workflow";
import { badInput, forbidden, notFound, unavailable } from "../errors";
import { requireRole } from "../guards";
import { type Connection, connectionOf, decodeCursor, pageSize, toPage } from "../pagination";
import { parsePersonalId } from "../personal-id";
import { DateScalar } from "../scalars";
import { optionalText } from "../text";
import { type ApplicantListScope, createDeskPolicy, type DeskPolicy, type DeskScope } from "./access";
import { type Catalogue, type DeskProcedure, formatLimit, parseLimit } from "./catalogue";
import { defineDossierEntity, type DossierEntity } from "./entity";
import { DossierFilterInput, type ReceiveDossierInput, SubmitDossierInput } from "./inputs";
import type { DeskContext, DeskServices, DossierPageKey } from "./loaders";
import { createDeskLoaders } from "./loaders";

const DESK_ROLES = [Role.COMMUNE_OFFICER, Role.COMMUNE_LEADER];

/** How a field names its desk in the graph and in the database. */
export interface DeskNames {
  /** Prefix of the GraphQL types: `CivilStatus` gives CivilStatusDossier, CivilStatusDesk, … */
  typePrefix: string;
  /** The namespace field on Commune and Province, and the root fields' stem: `civilStatus`. */
  namespace: string;
  /** The field in Vietnamese and in English, for descriptions: "Hộ tịch", "civil status". */
  vi: string;
  en: string;
  /** The adjective for messages: "civil-status". */
  label: string;
  /** The dossier table: `civil_status_dossier`. */
  table: string;
  /** An example code for descriptions: `10369.HT-250701-0001`. */
  exampleCode: string;
}

/** What a field gives the kit to get its dossier desk (DESIGN §4): the rest is the kit's. */
export interface DeskDefinition<P extends DeskProcedure, R extends ReceiveDossierInput> {
  field: WorkField;
  prefix: FieldPrefix;
  names: DeskNames;
  catalogue: Catalogue<P>;
  /** The field's receipt input: the kit's fields plus what fixes its limits. */
  receiveInput: new () => R;
  /**
   * The limit counted for a dossier of this procedure at this commune, accepted at `acceptedAt`
   * (a review held on set days counts from the next one); `receipt` when received at the desk.
   */
  limitFor(procedure: P, at: { communeCode: string; acceptedAt: Date; receipt?: R }): ProcedureLimit;
  /** The mutation that completes a dossier of this procedure by issuing its result, when it has one. */
  issuedBy?(procedure: P): string | undefined;
  /** Whether the field waits for fees and taxes (national status 6, FINANCIAL_OBLIGATION). */
  financialObligation?: boolean;
}

/** A dossier to create: what the receipt or the online filing decided. */
interface NewDossier {
  idempotencyKey: string;
  /** The mutation, part of the idempotency record: a key reused by another mutation is a CONFLICT. */
  operation: string;
  payload: unknown;
  procedureCode: string;
  communeCode: string;
  provinceCode: string;
  applicantPersonalId: string;
  channel: DossierChannel;
  at: Date;
  /** Fixed when the desk receives it (ACCEPTED); none while it waits online (SUBMITTED). */
  due: FixedDue | null;
  note?: string;
}

/** The longest note a dossier's history keeps (the column's size, the same on both databases). */
export const MAX_NOTE_LENGTH = 500;

/**
 * A note as the history stores it: NFC, trimmed, none when blank, refused past MAX_NOTE_LENGTH
 * (SQLite would keep it and MySQL refuse it; neither may decide for us).
 */
export const noteOf = (note: string | null | undefined, field: string): string | undefined =>
  optionalText(note, field, MAX_NOTE_LENGTH, "note") ?? undefined;

/** What issuing a result sees: the dossier just moved to COMPLETED, its procedure, the transaction and the time. */
export interface Completion<P> {
  manager: EntityManager;
  dossier: DossierRecord;
  procedure: P;
  now: Date;
}

/**
 * The dossier desk of one field (DESIGN §4, §7, §9), built from the field's definition: the dossier
 * type and table, receipt at the desk and online, the workflow moves, issuing a result with the
 * completion in one transaction, the desk figures and lists on Commune and Province, a person's
 * dossiers and access log, and the access policy that decides all of them.
 */
export const createDesk = <P extends DeskProcedure, R extends ReceiveDossierInput>(
  definition: DeskDefinition<P, R>,
) => {
  const { names, catalogue } = definition;
  const policy: DeskPolicy = createDeskPolicy(definition.field, names.label);
  const Dossier: DossierEntity = defineDossierEntity(
    `${names.typePrefix}Dossier`,
    names.table,
    `Hồ sơ ${names.vi.toLowerCase()} — a ${names.label} dossier`,
  );
  const typeName = `${names.typePrefix}Dossier`;
  type Context = DeskContext<unknown, unknown>;

  // --- the registry's entities, as this field knows them ------------------------------------------

  @Directive('@key(fields: "personalId")')
  @ObjectType("Citizen")
  class CitizenRef {
    @Field(() => ID)
    personalId: string;

    static of(personalId: string): CitizenRef {
      return Object.assign(new CitizenRef(), { personalId });
    }
  }

  @Directive('@key(fields: "code")')
  @ObjectType("Commune")
  class CommuneRef {
    @Field(() => ID)
    code: string;
  }

  @Directive('@key(fields: "code")')
  @ObjectType("Province")
  class ProvinceRef {
    @Field(() => ID)
    code: string;
  }

  // --- types ----------------------------------------------------------------------------------------

  @ObjectType(`${names.typePrefix}ProcedureStats`, {
    description: "Số liệu theo thủ tục — the figures of one procedure",
  })
  class ProcedureStats extends DossierStats {
    @Field({ description: "Mã thủ tục — the national procedure code" })
    procedureCode: string;

    @Field({ description: "Tên thủ tục — the procedure's name" })
    procedureName: string;
  }

  @ObjectType(`${names.typePrefix}Stats`, {
    description: `Số liệu ${names.vi.toLowerCase()} — ${names.label} dossier figures, in total and by procedure`,
  })
  class Stats extends DossierStats {
    @Directive(`@listSize(assumedSize: ${catalogue.procedures.length})`)
    @Field(() => [ProcedureStats], {
      description: "Theo thủ tục — one entry per procedure with dossiers",
    })
    byProcedure: ProcedureStats[];
  }

  @ObjectType(`${names.typePrefix}Desk`, {
    description: `Bàn ${names.vi.toLowerCase()} — the ${names.label} desk of a commune or a province`,
  })
  class Desk {
    scope: DeskScope;
  }

  const DossierConnection = connectionOf(
    Dossier,
    `${typeName}Connection`,
    `Trang hồ sơ ${names.vi.toLowerCase()} — one page of ${names.label} dossiers, newest first`,
  );

  @InputType(`${typeName}Filter`, {
    description: "Lọc hồ sơ — narrows a desk's dossier list; the parts combine with AND",
  })
  class Filter extends DossierFilterInput {}

  @InputType(`Submit${typeName}Input`, {
    description: `Nộp hồ sơ trực tuyến — a ${names.label} dossier a citizen files online for themselves`,
  })
  class SubmitInput extends SubmitDossierInput {}

  const toStats = (rows: readonly StatsRow[]): Stats => {
    const byProcedure = [...new Set(rows.map((row) => row.procedureCode))].sort().map((code) =>
      Object.assign(new ProcedureStats(), summarise(rows.filter((row) => row.procedureCode === code)), {
        procedureCode: code,
        procedureName: catalogue.byCode(code)?.nameVi ?? code,
      }),
    );
    return Object.assign(new Stats(), summarise(rows), { byProcedure });
  };

  // --- operations -----------------------------------------------------------------------------------

  const requireCode = (code: string, field = "code"): void => {
    const match = DOSSIER_CODE.exec(code);
    if (!match || match[2] !== definition.prefix) {
      throw badInput(
        field,
        `"${code}" is not a ${names.label} dossier code ({commune}.${definition.prefix}-{yyMMdd}-{nnnn})`,
      );
    }
  };

  const requireProcedure = (code: string, field = "procedureCode"): P => {
    const procedure = catalogue.byCode(code);
    if (!procedure) throw badInput(field, `${code} is not a ${names.label} procedure of the commune`);
    return procedure;
  };

  /**
   * The statutory due date of a dossier accepted now, on the working-day calendar. Over a year whose
   * days off are not announced yet it rests on the provisional calendar and says so (DESIGN §4);
   * only a year beyond even that is refused, naming the file to add.
   */
  const dueDateFor = (services: DeskServices, limit: ProcedureLimit, acceptedAt: Date): FixedDue => {
    try {
      const { at, provisional } = services.calendar.dueAtWithProvenance(acceptedAt, limit);
      return { at, provisional, limit: formatLimit(limit) };
    } catch (error) {
      if (error instanceof CalendarCoverageError) {
        throw unavailable(
          `The working-day calendar covers no day of ${error.year}, so the due date cannot be fixed; add infra/calendar/${error.year}.json`,
        );
      }
      throw error;
    }
  };

  /** How this desk's dossiers move: who may touch them, and how their due dates are fixed and extended. */
  const moveHooks = (caller: Caller, services: DeskServices): MoveHooks<DossierRecord> => ({
    authorize: (dossier) => {
      if (!policy.canWorkOnDossier(caller, dossier)) throw forbidden(`You may not work on dossier ${dossier.code}`);
    },
    extendDue: (dossier, due, waitedFrom, waitedTo) =>
      services.calendar.extendedDueAt({
        acceptedAt: new Date(dossier.acceptedAt ?? waitedFrom),
        dueAt: due,
        supplementIntervals: [{ from: waitedFrom, to: waitedTo }],
        until: waitedTo,
      }),
    dueAt: (dossier, acceptedAt) => {
      const procedure = catalogue.byCode(dossier.procedureCode);
      if (!procedure) throw notFound("Procedure", dossier.procedureCode);
      return dueDateFor(
        services,
        definition.limitFor(procedure, { communeCode: dossier.communeCode, acceptedAt }),
        acceptedAt,
      );
    },
  });

  /** Creates a dossier once per idempotency key, with its first history step and audit event, in one transaction. */
  const createDossier = async ({ caller, requestId, database }: Context, request: NewDossier) => {
    const status = request.due ? DossierStatus.ACCEPTED : DossierStatus.SUBMITTED;
    const { code } = await createIdempotently(
      database,
      request.idempotencyKey,
      request.operation,
      request.payload,
      async (manager) => {
        const code = await nextDossierCode(manager, database.kind, request.communeCode, definition.prefix, request.at);
        const dossier = Object.assign(new Dossier(), {
          code,
          procedureCode: request.procedureCode,
          communeCode: request.communeCode,
          provinceCode: request.provinceCode,
          applicantPersonalId: request.applicantPersonalId,
          channel: request.channel,
          status,
          nationalStatusCode: NATIONAL_STATUS_CODE[status],
          version: 1,
          receivedAt: request.at,
          acceptedAt: request.due ? request.at : null,
          dueAt: request.due?.at ?? null,
          dueProvisional: request.due?.provisional ?? false,
          dueLimit: request.due?.limit ?? null,
          endedAt: null,
          supplementCount: 0,
          supplementSince: null,
          effectiveDueAt: request.due?.at ?? null,
          supplementMs: "0",
        });
        await manager.insert(Dossier, dossier);
        await recordCreation(manager, dossier, caller, request.note);
        await writeAudit(manager, caller, requestId, [
          {
            operation: request.channel === DossierChannel.DESK ? "dossier.receive" : "dossier.submit",
            entityType: typeName,
            entityIds: [code],
            outcome: "ALLOWED",
          },
        ]);
        return code;
      },
    );
    return database.dataSource.manager.findOneByOrFail(Dossier, { code });
  };

  /**
   * Opens a dossier the hub proposes from another field's event (channel LINKED, DESIGN §3), in the
   * caller's transaction, as SUBMITTED: the desk accepts it (and its clock starts) or refuses it,
   * as for an online filing. The history and the audit name the event that proposed it.
   */
  const propose = async (
    manager: EntityManager,
    request: {
      procedureCode: string;
      communeCode: string;
      provinceCode: string;
      applicantPersonalId: string;
      at: Date;
      note: string;
      /** Who proposes it: the service and the event, e.g. "civil-status:DeathRegistered:<id>". */
      source: string;
      /** What the audit files it under, as a request's id: the event's id. */
      requestId: string;
    },
  ): Promise<DossierRecord> => {
    if (!catalogue.byCode(request.procedureCode)) throw new Error(`No procedure ${request.procedureCode}`);
    const proposer: Caller = { subject: `service:${request.source}`, fields: [definition.field] };
    const kind = manager.connection.options.type === "mysql" ? "mysql" : "sqlite";
    const code = await nextDossierCode(manager, kind, request.communeCode, definition.prefix, request.at);
    const dossier = Object.assign(new Dossier(), {
      code,
      procedureCode: request.procedureCode,
      communeCode: request.communeCode,
      provinceCode: request.provinceCode,
      applicantPersonalId: request.applicantPersonalId,
      channel: DossierChannel.LINKED,
      status: DossierStatus.SUBMITTED,
      nationalStatusCode: NATIONAL_STATUS_CODE[DossierStatus.SUBMITTED],
      version: 1,
      receivedAt: request.at,
      acceptedAt: null,
      dueAt: null,
      dueProvisional: false,
      dueLimit: null,
      endedAt: null,
      supplementCount: 0,
      supplementSince: null,
      effectiveDueAt: null,
      supplementMs: "0",
    });
    await manager.insert(Dossier, dossier);
    await recordCreation(manager, dossier, proposer, request.note);
    await writeAudit(manager, proposer, request.requestId, [
      { operation: "dossier.propose", entityType: typeName, entityIds: [code], outcome: "ALLOWED" },
    ]);
    return dossier;
  };

  /** A move inside the caller's transaction, with this desk's hooks and the field's own refusals. */
  const move = async (
    manager: EntityManager,
    { caller, services }: Pick<Context, "caller" | "services">,
    request: { code: string; expectedVersion: number; to: DossierStatus; note?: string; at: Date },
  ): Promise<DossierRecord> => {
    if (request.to === DossierStatus.FINANCIAL_OBLIGATION && !definition.financialObligation) {
      throw badInput(
        "to",
        `A ${names.label} dossier has no fees or taxes to wait for: it cannot move to ${request.to}`,
      );
    }
    return moveDossier(manager, Dossier, caller, request, moveHooks(caller, services));
  };

  /**
   * Issues one result and completes its dossier in one database transaction (DESIGN §4): the move
   * to COMPLETED (role, commune, version, state checked), the field's rules and register entry,
   * and the audit events commit together or not at all, so a refused request changes nothing.
   * `issue` throws to refuse; it returns the people the result concerns, for the audit.
   */
  const complete = async (
    context: Context,
    request: { dossierCode: string; expectedVersion: number; mutation: string },
    issue: (completion: Completion<P>) => Promise<{ operation: string; subjects: string[] }>,
  ): Promise<DossierRecord> => {
    const { caller, requestId, database, services } = context;
    requireCode(request.dossierCode, "dossierCode");
    return database.transaction(async (manager) => {
      const now = services.clock();
      const moved = await move(manager, context, {
        code: request.dossierCode,
        expectedVersion: request.expectedVersion,
        to: DossierStatus.COMPLETED,
        at: now,
      });
      const procedure = catalogue.byCode(moved.procedureCode);
      if (!procedure || definition.issuedBy?.(procedure) !== request.mutation) {
        throw badInput(
          "dossierCode",
          `Dossier ${moved.code} is for ${procedure?.nameEn ?? moved.procedureCode}; ${request.mutation} does not complete it`,
        );
      }
      const dossier = Object.assign(new Dossier(), moved);
      const { operation, subjects } = await issue({ manager, dossier, procedure, now });
      const entries: AuditEntry[] = [
        { operation, entityType: typeName, entityIds: [dossier.code], outcome: "ALLOWED" },
        { operation, entityType: "Citizen", entityIds: subjects, outcome: "ALLOWED" },
      ];
      await writeAudit(
        manager,
        caller,
        requestId,
        entries.filter((entry) => (entry.entityIds ?? []).length > 0),
      );
      return dossier;
    });
  };

  /** One page of a desk's or a person's dossiers through the batched loader, newest first. */
  const dossierPage = async (
    context: Pick<Context, "loaders">,
    column: DossierPageKey["column"],
    key: string,
    filter: DossierListFilter,
    size: number,
    after: string | null | undefined,
  ): Promise<Connection<DossierRecord>> => {
    const cursor = decodeCursor(after, 2);
    const position = cursor ? { receivedAt: new Date(cursor[0]), code: cursor[1] } : undefined;
    if (position && Number.isNaN(position.receivedAt.getTime())) {
      throw badInput("after", "after is not a cursor this list gave out");
    }
    const rows = await context.loaders.desk.dossierPages.load({ column, key, filter, size, after: position });
    return toPage(rows, size, (row) => [new Date(row.receivedAt).toISOString(), row.code]);
  };

  const scopeFilter = (scope: ApplicantListScope): DossierListFilter => {
    if (scope.kind === "COMMUNE") return { communeCode: scope.code };
    if (scope.kind === "PROVINCE") return { provinceCode: scope.code };
    return {};
  };

  /**
   * The dossiers a person filed, as the caller may see them: the same rule as reading each by code,
   * so a desk lists only the dossiers kept at its commune, a city officer those of the province.
   */
  const applicantDossiers = (
    context: Pick<Context, "caller" | "loaders">,
    personalId: string,
    first: number | undefined,
    after: string | undefined,
    filter: DossierListFilter = {},
  ): Promise<Connection<DossierRecord>> => {
    const size = pageSize(first);
    const scope = policy.applicantListScope(context.caller, personalId);
    if (scope.kind === "NONE") return Promise.resolve({ nodes: [], pageInfo: { endCursor: null, hasNextPage: false } });
    return dossierPage(context, "applicant_personal_id", personalId, { ...filter, ...scopeFilter(scope) }, size, after);
  };

  /** Who read or wrote a person's records and dossiers in this field: for the person themselves and admins. */
  const accessLog = async (
    { caller, loaders }: Pick<Context, "caller" | "loaders">,
    personalId: string,
    first: number | undefined,
    after: string | undefined,
  ) => {
    const own = caller.role === Role.CITIZEN && caller.personalId === personalId;
    if (!own && caller.role !== Role.ADMIN) throw forbidden("Only the person themselves reads who accessed their data");
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    const position = cursor ? { at: new Date(cursor[0]), id: cursor[1] } : undefined;
    if (position && (Number.isNaN(position.at.getTime()) || !/^\d+$/.test(position.id))) {
      throw badInput("after", "after is not a cursor this list gave out");
    }
    const rows = await loaders.desk.accessLogs.load({ key: personalId, size, after: position });
    return toPage(rows, size, (row) => [row.at.toISOString(), row.id]);
  };

  /**
   * Due dates counted on the provisional calendar, counted again on the calendar in force (DESIGN §4):
   * run at every start, so that adding a year's official file (and restarting) fixes them. A changed
   * date is stored with a history entry naming both dates; the version is left alone (this is not a
   * move a client based anything on), and a dossier moved meanwhile is left for the next start.
   */
  const recomputeProvisionalDueDates = async (
    database: Database,
    services: Pick<DeskServices, "calendar" | "clock">,
  ): Promise<{ recounted: number; changed: number }> => {
    const manager = database.dataSource.manager;
    const rows = await manager.findBy(Dossier, { dueProvisional: true });
    // Counting again is arithmetic on the calendar; only the dates that move or become official
    // are written, so a start with no new calendar file reads no history at all.
    const due = rows.flatMap((row) => {
      const limit = row.dueLimit ? parseLimit(row.dueLimit) : undefined;
      if (!limit || !row.acceptedAt || !row.dueAt) return [];
      const acceptedAt = new Date(row.acceptedAt);
      const previous = new Date(row.dueAt);
      const recount = recomputeDueAt(services.calendar, { acceptedAt, limit, dueAt: previous });
      return recount.provisional && !recount.changed ? [] : [{ row, acceptedAt, previous, recount }];
    });
    if (due.length === 0) return { recounted: 0, changed: 0 };
    // Their histories, in chunks (SQLite binds at most 32,766 parameters), grouped by dossier.
    const history = new Map<string, DossierTransition[]>(due.map(({ row }) => [row.code, []]));
    for (let start = 0; start < due.length; start += 1000) {
      const steps = await manager.find(DossierTransition, {
        where: { dossierCode: In(due.slice(start, start + 1000).map(({ row }) => row.code)) },
        order: { at: "ASC", id: "ASC" },
      });
      for (const step of steps) history.get(step.dossierCode)?.push(step);
    }
    const now = services.clock();
    let recounted = 0;
    let changed = 0;
    for (const { row, acceptedAt, previous, recount } of due) {
      const { intervals } = clockStops(history.get(row.code) ?? []);
      const closed = intervals.filter((interval) => interval.to !== null);
      const effective =
        closed.length === 0
          ? recount.at
          : services.calendar.extendedDueAt({
              acceptedAt,
              dueAt: recount.at,
              supplementIntervals: closed,
              until: row.endedAt ? new Date(row.endedAt) : now,
            });
      await database.transaction(async (transaction) => {
        const result = await transaction
          .createQueryBuilder()
          .update(Dossier)
          .set({ dueAt: recount.at, effectiveDueAt: effective, dueProvisional: recount.provisional })
          .where("code = :code AND version = :version", { code: row.code, version: row.version })
          .execute();
        if (result.affected !== 1 || !recount.changed) return;
        await transaction.insert(DossierTransition, {
          dossierCode: row.code,
          fromStatus: row.status,
          toStatus: row.status,
          actor: "system:calendar",
          role: null,
          at: now,
          note: `Hạn trả kết quả tính lại theo lịch nghỉ ${recount.provisional ? "tạm tính" : "chính thức"} — due date recounted on the ${recount.provisional ? "provisional" : "official"} calendar: ${toLocalDate(previous)} → ${toLocalDate(recount.at)}`,
        });
        changed += 1;
      });
      recounted += 1;
    }
    return { recounted, changed };
  };

  // --- resolvers ------------------------------------------------------------------------------------

  @Resolver(() => CommuneRef)
  class CommuneDeskResolver {
    // Nullable (DESIGN §3): when this field's service is down, slow or refuses, the desk is null
    // with an error on its path, and the registry's part of the answer stands.
    @FieldResolver(() => Desk, {
      name: names.namespace,
      nullable: true,
      description: `${names.vi} — the commune's ${names.label} desk; null, with an error on its path, when the field cannot answer`,
    })
    desk(@Root() commune: CommuneRef): Desk {
      return Object.assign(new Desk(), { scope: { kind: "COMMUNE", code: commune.code } });
    }
  }

  @Resolver(() => ProvinceRef)
  class ProvinceDeskResolver {
    @FieldResolver(() => Desk, {
      name: names.namespace,
      nullable: true,
      description: `${names.vi} — ${names.en} across the province's communes; null, with an error on its path, when the field cannot answer`,
    })
    desk(@Root() province: ProvinceRef): Desk {
      return Object.assign(new Desk(), { scope: { kind: "PROVINCE", code: province.code } });
    }
  }

  @Resolver(() => Desk)
  class DeskResolver {
    @FieldResolver(() => Stats, {
      description:
        "Số liệu — dossiers received from `from` to `to` (local dates, inclusive): received, completed, on time, late, overdue, rates; aggregates only",
    })
    async stats(
      @Root() desk: Desk,
      @Arg("from", () => DateScalar, { description: "Từ ngày — first day of receipt" }) from: string,
      @Arg("to", () => DateScalar, { description: "Đến ngày — last day of receipt, inclusive" }) to: string,
      @Ctx() { caller, loaders, services }: Context,
    ): Promise<Stats> {
      if (to < from) throw badInput("to", `to (${to}) is before from (${from})`);
      const { restrictToProvince } = policy.statsAccess(caller, desk.scope, services.units);
      const rows = await loaders.desk.stats.load({
        key: desk.scope.code,
        kind: desk.scope.kind,
        from,
        to,
        ...(restrictToProvince ? { restrict: restrictToProvince } : {}),
      });
      return toStats(rows);
    }

    @FieldResolver(() => DossierConnection, {
      description:
        "Hồ sơ — the desk's dossiers, newest first, filtered and paged; for the desk and its city officers; audited",
    })
    dossiers(
      @Root() desk: Desk,
      @Ctx() context: Context,
      @Arg("filter", () => Filter, { nullable: true, description: "Lọc — which dossiers" })
      filter?: Filter,
      @Arg("first", () => Int, { nullable: true, description: "Số hồ sơ mỗi trang — 1 to 100 (default 20)" })
      first?: number,
      @Arg("after", () => String, { nullable: true, description: "Sau con trỏ — endCursor of the previous page" })
      after?: string,
    ): Promise<Connection<DossierRecord>> {
      const { caller, services } = context;
      const size = pageSize(first);
      policy.listAccess(caller, desk.scope, services.units);
      if (filter?.procedureCode) requireProcedure(filter.procedureCode, "filter.procedureCode");
      if (filter?.receivedFrom && filter.receivedTo && filter.receivedTo < filter.receivedFrom) {
        throw badInput(
          "filter.receivedTo",
          `receivedTo (${filter.receivedTo}) is before receivedFrom (${filter.receivedFrom})`,
        );
      }
      return dossierPage(
        context,
        desk.scope.kind === "COMMUNE" ? "commune_code" : "province_code",
        desk.scope.code,
        {
          ...(filter?.status?.length ? { statuses: filter.status } : {}),
          ...(filter?.procedureCode ? { procedureCode: filter.procedureCode } : {}),
          ...(filter?.channel ? { channel: filter.channel } : {}),
          ...(filter?.receivedFrom ? { receivedFrom: startOfLocalDay(filter.receivedFrom) } : {}),
          ...(filter?.receivedTo ? { receivedTo: endOfLocalDay(filter.receivedTo) } : {}),
          ...(filter?.overdue ? { overdueAt: services.clock() } : {}),
        },
        size,
        after,
      );
    }
  }

  const ReceiveInput = definition.receiveInput;

  @Resolver(() => Dossier)
  class DossierResolver {
    @Authorized()
    @Query(() => Dossier, {
      name: `${names.namespace}Dossier`,
      nullable: true,
      description: `Hồ sơ ${names.vi.toLowerCase()} — one ${names.label} dossier by its code; audited`,
    })
    async dossierByCode(
      @Arg("code", () => ID, { description: `Mã hồ sơ — e.g. ${names.exampleCode}` }) code: string,
      @Ctx() { loaders }: Context,
    ): Promise<DossierRecord> {
      requireCode(code);
      const dossier = await loaders.desk.dossier.load(code);
      if (dossier instanceof Error) throw dossier;
      if (!dossier) throw notFound("Dossier", code, "code");
      return dossier;
    }

    @Authorized(...DESK_ROLES)
    @Mutation(() => Dossier, {
      name: `receive${typeName}`,
      description: `Tiếp nhận hồ sơ — receive a ${names.label} dossier at the caller's commune desk; accepted at once, its due date fixed by the procedure's limit on the working-day calendar`,
    })
    async receive(@Arg("input", () => ReceiveInput) input: R, @Ctx() context: Context): Promise<DossierRecord> {
      const { caller, services } = context;
      requireRole(caller);
      if (!caller.communeCode || !caller.provinceCode) throw forbidden("Your token names no commune desk");
      if (caller.role === Role.COMMUNE_OFFICER && !caller.fields.includes(definition.field)) {
        throw forbidden(`Only ${names.label} officers receive ${names.label} dossiers`);
      }
      const procedure = requireProcedure(input.procedureCode);
      const applicant = parsePersonalId(input.applicantPersonalId);
      if (!applicant.ok) throw badInput("applicantPersonalId", applicant.reason);
      const now = services.clock();
      const communeCode = caller.communeCode;
      const due = dueDateFor(
        services,
        definition.limitFor(procedure, { communeCode, acceptedAt: now, receipt: input }),
        now,
      );
      return createDossier(context, {
        idempotencyKey: input.idempotencyKey,
        operation: `receive${typeName}`,
        payload: { ...input, communeCode },
        procedureCode: procedure.code,
        communeCode,
        provinceCode: caller.provinceCode,
        applicantPersonalId: input.applicantPersonalId,
        channel: DossierChannel.DESK,
        at: now,
        due,
        note: noteOf(input.note, "input.note"),
      });
    }

    @Authorized(Role.CITIZEN)
    @Mutation(() => Dossier, {
      name: `submit${typeName}`,
      description: `Nộp hồ sơ trực tuyến — a citizen files a ${names.label} dossier for themselves at a commune; it waits as SUBMITTED until the desk accepts it, which fixes the due date`,
    })
    async submit(@Arg("input", () => SubmitInput) input: SubmitInput, @Ctx() context: Context): Promise<DossierRecord> {
      const { caller, services } = context;
      const applicant = caller.personalId;
      if (!applicant) throw forbidden("Your token names no citizen");
      const procedure = requireProcedure(input.procedureCode);
      const provinceCode = services.units.get(input.communeCode);
      if (!provinceCode) throw badInput("communeCode", `${input.communeCode} is not a commune in force`);
      return createDossier(context, {
        idempotencyKey: input.idempotencyKey,
        operation: `submit${typeName}`,
        payload: { ...input, applicant },
        procedureCode: procedure.code,
        communeCode: input.communeCode,
        provinceCode,
        applicantPersonalId: applicant,
        channel: DossierChannel.ONLINE,
        at: services.clock(),
        due: null,
        note: noteOf(input.note, "input.note"),
      });
    }

    @Authorized(...DESK_ROLES, Role.CITIZEN, Role.ADMIN)
    @Mutation(() => Dossier, {
      name: `move${typeName}`,
      description:
        "Chuyển trạng thái — move a dossier along the workflow; pass the version you saw (a stale one is a CONFLICT); refusing, stopping and supplement requests need a note",
    })
    async moveDossier(
      @Arg("code", () => ID, { description: "Mã hồ sơ" }) code: string,
      @Arg("expectedVersion", () => Int, { description: "Phiên bản — the version this move is based on" })
      expectedVersion: number,
      @Arg("to", () => DossierStatus, { description: "Sang trạng thái — the state to move to" }) to: DossierStatus,
      @Ctx() context: Context,
      @Arg("note", () => String, { nullable: true, description: "Ghi chú — the reason or remark" }) note?: string,
    ): Promise<DossierRecord> {
      const { caller, requestId, database, services } = context;
      requireCode(code);
      return database.transaction(async (manager) => {
        const moved = await move(manager, context, {
          code,
          expectedVersion,
          to,
          note: noteOf(note, "note"),
          at: services.clock(),
        });
        // A result that goes into a register is issued and completes its dossier in one step.
        const procedure = catalogue.byCode(moved.procedureCode);
        const issuing = to === DossierStatus.COMPLETED && procedure ? definition.issuedBy?.(procedure) : undefined;
        if (issuing) throw badInput("to", `Dossier ${code} is completed by issuing its result: use ${issuing}`);
        await writeAudit(manager, caller, requestId, [
          { operation: `dossier.move.${to}`, entityType: typeName, entityIds: [code], outcome: "ALLOWED" },
        ]);
        return Object.assign(new Dossier(), moved);
      });
    }

    @FieldResolver(() => String, { description: "Tên thủ tục — the procedure's name" })
    procedureName(@Root() dossier: DossierRecord): string {
      return catalogue.byCode(dossier.procedureCode)?.nameVi ?? dossier.procedureCode;
    }

    // Nullable: when the registry cannot answer, the dossier's own fields stand without the name.
    @FieldResolver(() => CitizenRef, {
      nullable: true,
      description:
        "Người nộp — the applicant, read from the population reference; null, with an error on its path, when the registry cannot answer",
    })
    applicant(@Root() dossier: DossierRecord): CitizenRef {
      return CitizenRef.of(dossier.applicantPersonalId);
    }

    // A dossier's steps: receipt, a few moves, at most a handful of waits for the citizen.
    @Directive("@listSize(assumedSize: 20)")
    @FieldResolver(() => [DossierTransition], { description: "Quá trình xử lý — every step, oldest first" })
    history(@Root() dossier: DossierRecord, @Ctx() { loaders }: Context): Promise<DossierTransition[]> {
      return loaders.desk.history.load(dossier.code);
    }

    @FieldResolver(() => DossierTimeliness, {
      nullable: true,
      description:
        "Đúng hạn — per the national on-time indicator: time waiting for the citizen excluded, a second supplement request makes it late",
    })
    async timeliness(
      @Root() dossier: DossierRecord,
      @Ctx() { loaders, services }: Context,
    ): Promise<DossierTimeliness | null> {
      if (!dossier.acceptedAt || !dossier.dueAt) return null;
      const { intervals, supplements } = clockStops(await loaders.desk.history.load(dossier.code));
      const now = services.clock();
      const endedAt = dossier.endedAt ? new Date(dossier.endedAt) : null;
      const extended = services.calendar.extendedDueAt({
        acceptedAt: new Date(dossier.acceptedAt),
        dueAt: new Date(dossier.dueAt),
        supplementIntervals: intervals,
        until: endedAt ?? now,
      });
      if (endedAt) return supplements > 1 || endedAt > extended ? DossierTimeliness.LATE : DossierTimeliness.ON_TIME;
      return now > extended ? DossierTimeliness.OVERDUE : DossierTimeliness.IN_PROGRESS;
    }
  }

  const resolvers = [CommuneDeskResolver, ProvinceDeskResolver, DeskResolver, DossierResolver] as const;

  return {
    definition,
    policy,
    typeName,
    Dossier,
    CitizenRef,
    CommuneRef,
    ProvinceRef,
    Desk,
    Stats,
    DossierConnection,
    resolvers,
    /** Reached only through `_entities`: the desks hang off the registry's units. */
    orphanedTypes: [CommuneRef, ProvinceRef] as ClassType[],
    /** The tables this desk keeps in the field's database. */
    entities: [Dossier, ...DOSSIER_KIT_ENTITIES, AuditEvent] as ClassType[],
    /** Entities other subgraphs may reference; dossiers go through the guarded, audited loader. */
    references: {
      // Units are the registry's; here they only carry the desks, whose fields check the caller.
      Commune: ({ code }: { code: string }) => Object.assign(new CommuneRef(), { code }),
      Province: ({ code }: { code: string }) => Object.assign(new ProvinceRef(), { code }),
      // A citizen is the registry's; here only the key, and the field's namespace decides who may read what.
      Citizen: ({ personalId }: { personalId: string }) => CitizenRef.of(personalId),
      // A code this desk does not hold is NOT_FOUND on the path that asked (dossier(code), say).
      [typeName]: async ({ code }: { code: string }, { loaders }: Context) => {
        const dossier = await loaders.desk.dossier.load(code);
        if (dossier instanceof Error) throw dossier;
        if (!dossier) throw notFound("Dossier", code, "code");
        return dossier;
      },
    },
    createLoaders: (
      database: Parameters<typeof createDeskLoaders>[0],
      context: Parameters<typeof createDeskLoaders>[1],
    ) => createDeskLoaders(database, context, { Dossier, table: names.table, typeName, policy }),
    requireCode,
    requireProcedure,
    dueDateFor,
    move,
    complete,
    propose,
    dossierPage,
    applicantDossiers,
    accessLog,
    recomputeProvisionalDueDates,
  };
};

export type Desk = ReturnType<typeof createDesk>;

/**
 * The stays in states that stop the clock (supplement requests, and in land fees and taxes), oldest
 * first, the last one open while the dossier still waits; and how many supplement requests there were.
 * A step that keeps the state (a recounted due date) is not a stay.
 */
export const clockStops = (
  history: readonly DossierTransition[],
): { intervals: { from: Date; to: Date | null }[]; supplements: number } => {
  const intervals: { from: Date; to: Date | null }[] = [];
  let supplements = 0;
  for (const step of history) {
    if (step.fromStatus === step.toStatus) continue;
    if (step.toStatus === DossierStatus.SUPPLEMENT_REQUESTED) supplements += 1;
    if (CLOCK_STOPPED_STATES.includes(step.toStatus)) intervals.push({ from: new Date(step.at), to: null });
    else if (step.fromStatus && CLOCK_STOPPED_STATES.includes(step.fromStatus) && intervals.length > 0) {
      intervals[intervals.length - 1].to = new Date(step.at);
    }
  }
  return { intervals, supplements };
};
