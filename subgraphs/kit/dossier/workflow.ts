import { createHash } from "node:crypto";

import { type EntityManager, type EntityTarget, QueryFailedError } from "typeorm";

import type { Caller } from "../caller";
import type { Database } from "../database";
import { badInput, conflict, forbidden, notFound } from "../errors";
import { type FieldPrefix, localYyMmDd } from "./code";
import type { DossierRecord } from "./entities";
import { DossierTransition, IdempotencyRecord } from "./entities";
import { checkTransition, CLOCK_STOPPED_STATES, DossierStatus, ENDED_STATES, NATIONAL_STATUS_CODE } from "./status";

/**
 * The next dossier code `{commune}.{HT|DD|XH}-{yyMMdd}-{seq4}`, unique under concurrency: the
 * counter row is incremented by one atomic statement inside the caller's transaction.
 */
export const nextDossierCode = async (
  manager: EntityManager,
  kind: Database["kind"],
  communeCode: string,
  prefix: FieldPrefix,
  at: Date,
): Promise<string> => {
  const scope = `${communeCode}.${prefix}-${localYyMmDd(at)}`;
  let value: number;
  if (kind === "mysql") {
    // LAST_INSERT_ID(expr) hands the new value back on this connection without a second read race.
    await manager.query(
      "INSERT INTO dossier_sequence (scope, last_value) VALUES (?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(last_value + 1)",
      [scope],
    );
    const [row] = (await manager.query("SELECT LAST_INSERT_ID() AS v")) as { v: number | string }[];
    value = Number(row.v);
  } else {
    const rows = (await manager.query(
      "INSERT INTO dossier_sequence (scope, last_value) VALUES (?, 1) ON CONFLICT(scope) DO UPDATE SET last_value = last_value + 1 RETURNING last_value AS v",
      [scope],
    )) as { v: number }[];
    value = Number(rows[0].v);
  }
  if (value > 9999) throw conflict(`Commune ${communeCode} has used all 9,999 ${prefix} dossier numbers of the day`);
  return `${scope}-${String(value).padStart(4, "0")}`;
};

/** The canonical hash of a create mutation's payload: same input, same hash, whatever the key order. */
export const payloadHash = (payload: unknown): string => {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object" && !(value instanceof Date)
        ? Object.fromEntries(
            Object.entries(value as Record<string, unknown>)
              .filter(([, v]) => v !== undefined)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return createHash("sha256")
    .update(JSON.stringify(canonical(payload)))
    .digest("hex");
};

/** A primary or unique key already taken, on MySQL or SQLite. */
export const isDuplicateKey = (error: unknown): boolean => {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code === "ER_DUP_ENTRY" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE";
};

/**
 * Runs a create mutation once per idempotency key (DESIGN §10): a retry with the same payload
 * returns the first result's code; the same key with another payload is a CONFLICT. The record
 * and whatever `create` writes commit together; two concurrent first attempts race on the key's
 * primary key, and the loser's transaction rolls back and replays the winner's result.
 */
export const createIdempotently = async (
  database: Database,
  idempotencyKey: string,
  operation: string,
  payload: unknown,
  create: (manager: EntityManager) => Promise<string>,
): Promise<{ code: string; replayed: boolean }> => {
  if (!/^[\w.:-]{8,100}$/.test(idempotencyKey)) {
    throw badInput("idempotencyKey", "idempotencyKey must be 8–100 letters, digits, '.', ':', '_' or '-'");
  }
  const hash = payloadHash(payload);
  const replay = (record: IdempotencyRecord) => {
    if (record.operation !== operation || record.payloadHash !== hash) {
      throw conflict(`idempotencyKey ${idempotencyKey} was already used with a different request`, "idempotencyKey");
    }
    return { code: record.resultCode, replayed: true };
  };
  const attempt = () =>
    database.transaction(async (manager) => {
      const existing = await manager.findOneBy(IdempotencyRecord, { key: idempotencyKey });
      if (existing) return replay(existing);
      const code = await create(manager);
      await manager.insert(IdempotencyRecord, {
        key: idempotencyKey,
        operation,
        payloadHash: hash,
        resultCode: code,
        at: new Date(),
      });
      return { code, replayed: false };
    });
  try {
    return await attempt();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const winner = await database.dataSource.manager.findOneBy(IdempotencyRecord, { key: idempotencyKey });
    if (!winner) throw error;
    return replay(winner);
  }
};

export interface MoveRequest {
  code: string;
  expectedVersion: number;
  to: DossierStatus;
  note?: string;
  at: Date;
}

/** A due date as fixed on acceptance: the instant, whether it rests on a provisional calendar, the limit counted. */
export interface FixedDue {
  at: Date;
  provisional: boolean;
  limit: string | null;
}

export interface MoveHooks<T extends DossierRecord> {
  /** The statutory due date, fixed on acceptance from the procedure's limit (the working-day calendar). */
  dueAt: (record: T, acceptedAt: Date) => Date | FixedDue;
  /** The due date moved forward by one supplement stay (working time, on the calendar). */
  extendDue: (record: T, dueAt: Date, waitedFrom: Date, waitedTo: Date) => Date;
  /** Authorization on the loaded record (commune, field); throw FORBIDDEN to refuse. */
  authorize: (record: T) => void;
}

/**
 * Moves one dossier along the workflow inside the caller's transaction: checks the machine, the
 * role and the note, then `UPDATE … WHERE code = ? AND version = ?` so that a stale version is a
 * CONFLICT and changes nothing, and records the transition.
 */
export const moveDossier = async <T extends DossierRecord>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  caller: Caller,
  request: MoveRequest,
  hooks: MoveHooks<T>,
): Promise<T> => {
  const current = (await manager.findOneBy(entity, { code: request.code } as never)) as T | null;
  if (!current) throw notFound("Dossier", request.code, "code");
  hooks.authorize(current);
  if (current.version !== request.expectedVersion) {
    throw conflict(
      `Dossier ${request.code} is at version ${current.version}, not ${request.expectedVersion}: reload it and try again`,
      "expectedVersion",
    );
  }

  // Checked after the version: a caller who saw an older state is told to reload, not that the
  // move makes no sense for a state they never saw.
  const problem = checkTransition(current.status, request.to, caller.role, request.note);
  if (problem?.kind === "ROLE") throw forbidden(problem.message);
  if (problem) throw badInput(problem.kind === "REASON" ? "note" : "to", problem.message);

  const changes: Partial<DossierRecord> = {
    status: request.to,
    nationalStatusCode: NATIONAL_STATUS_CODE[request.to],
    version: current.version + 1,
  };
  if (request.to === DossierStatus.ACCEPTED) {
    const due = hooks.dueAt(current, request.at);
    const fixed: FixedDue = due instanceof Date ? { at: due, provisional: false, limit: null } : due;
    changes.acceptedAt = request.at;
    changes.dueAt = fixed.at;
    changes.effectiveDueAt = fixed.at;
    changes.dueProvisional = fixed.provisional;
    changes.dueLimit = fixed.limit;
  }
  // Only supplement requests count (a second one makes the dossier late); both kinds of wait stop the clock.
  if (request.to === DossierStatus.SUPPLEMENT_REQUESTED) changes.supplementCount = current.supplementCount + 1;
  if (CLOCK_STOPPED_STATES.includes(request.to)) changes.supplementSince = request.at;
  if (CLOCK_STOPPED_STATES.includes(current.status) && current.supplementSince) {
    const waited = Math.max(0, request.at.getTime() - new Date(current.supplementSince).getTime());
    changes.supplementMs = String(Number(current.supplementMs) + waited);
    changes.supplementSince = null;
    const due = current.effectiveDueAt ?? current.dueAt;
    if (due)
      changes.effectiveDueAt = hooks.extendDue(current, new Date(due), new Date(current.supplementSince), request.at);
  }
  if (ENDED_STATES.includes(request.to) && !current.endedAt) changes.endedAt = request.at;

  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set(changes as never)
    .where("code = :code AND version = :version", { code: request.code, version: request.expectedVersion })
    .execute();
  if (result.affected !== 1) {
    throw conflict(
      `Dossier ${request.code} changed while this request was made: reload it and try again`,
      "expectedVersion",
    );
  }
  await manager.insert(DossierTransition, {
    dossierCode: request.code,
    fromStatus: current.status,
    toStatus: request.to,
    actor: caller.subject,
    role: caller.role ?? null,
    at: request.at,
    note: request.note?.trim() || null,
  });
  return { ...current, ...changes } as T;
};

/** Records a dossier's first state (received at the desk, or filed online). */
export const recordCreation = (
  manager: EntityManager,
  dossier: DossierRecord,
  caller: Caller,
  note?: string,
): Promise<unknown> =>
  manager.insert(DossierTransition, {
    dossierCode: dossier.code,
    fromStatus: null,
    toStatus: dossier.status,
    actor: caller.subject,
    role: caller.role ?? null,
    at: dossier.receivedAt,
    note: note ?? null,
  });
