import DataLoader from "dataloader";
import type { EntityManager } from "typeorm";

import { type AuditEntry, writeAudit } from "./audit";
import type { Caller } from "./caller";
import { forbidden } from "./errors";

export interface GuardedLoaderOptions<T> {
  /** Audit operation and entity type, e.g. "citizen.read" / "Citizen". */
  operation: string;
  entityType: string;
  fetch: (ids: readonly string[]) => Promise<T[]>;
  idOf: (row: T) => string;
  /** The rule for this batch; may load what it needs for the whole batch first. */
  rule: (rows: T[]) => Promise<(row: T) => boolean> | ((row: T) => boolean);
  what: string;
}

/**
 * Personal data by key, for root lookups and `_entities` alike: loads a batch, decides each row
 * against the caller, and writes one audit INSERT for the whole batch, allowed and denied. A
 * denied row comes back as a FORBIDDEN error, never as data; an unknown key as null.
 */
export const createGuardedLoader = <T>(
  manager: EntityManager,
  context: { caller: Caller; requestId: string },
  options: GuardedLoaderOptions<T>,
): DataLoader<string, T | null | Error> =>
  new DataLoader<string, T | null | Error>(async (ids) => {
    const rows = await options.fetch(ids);
    const mayRead = await options.rule(rows);
    const decided = new Map<string, T | Error>();
    const allowed: string[] = [];
    const denied: string[] = [];
    for (const row of rows) {
      const id = options.idOf(row);
      if (mayRead(row)) {
        allowed.push(id);
        decided.set(id, row);
      } else {
        denied.push(id);
        decided.set(id, forbidden(`You may not see ${options.what} ${id}`));
      }
    }
    const entries: AuditEntry[] = [
      { operation: options.operation, entityType: options.entityType, entityIds: allowed, outcome: "ALLOWED" },
      { operation: options.operation, entityType: options.entityType, entityIds: denied, outcome: "DENIED" },
    ];
    await writeAudit(
      manager,
      context.caller,
      context.requestId,
      entries.filter((entry) => (entry.entityIds ?? []).length > 0),
    );
    return ids.map((id) => decided.get(id) ?? null);
  });
