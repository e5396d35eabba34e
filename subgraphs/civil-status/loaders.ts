import DataLoader from "dataloader";
import { In } from "typeorm";

import { writeAudit } from "../kit/audit";
import type { WorkingCalendar } from "../kit/calendar";
import type { SubgraphContext } from "../kit/context";
import type { Database } from "../kit/database";
import { DossierTransition } from "../kit/dossier/entities";
import { forbidden } from "../kit/errors";
import { canReadDossier } from "./access";
import { CivilStatusDossier } from "./entities/civil-status-dossier";
import { createStatsLoader } from "./resolvers/desk.resolver";

/** One DataLoader per batched lookup, made per request so no cache outlives its caller. */
export const createCivilStatusLoaders = (
  database: Database,
  context: Pick<SubgraphContext, "caller" | "requestId">,
) => {
  const manager = database.dataSource.manager;

  /**
   * Dossiers by code for root lookups and `_entities` alike: loads the batch, decides each against
   * the caller, and writes one audit INSERT for the batch. A denied dossier comes back as FORBIDDEN.
   */
  const dossier = new DataLoader<string, CivilStatusDossier | null | Error>(async (codes) => {
    const rows = await manager.findBy(CivilStatusDossier, { code: In([...codes]) });
    const decided = new Map<string, CivilStatusDossier | Error>();
    const allowed: string[] = [];
    const denied: string[] = [];
    for (const row of rows) {
      if (canReadDossier(context.caller, row)) {
        allowed.push(row.code);
        decided.set(row.code, row);
      } else {
        denied.push(row.code);
        decided.set(row.code, forbidden(`You may not see dossier ${row.code}`));
      }
    }
    const entries = [
      { operation: "dossier.read", entityType: "CivilStatusDossier", entityIds: allowed, outcome: "ALLOWED" as const },
      { operation: "dossier.read", entityType: "CivilStatusDossier", entityIds: denied, outcome: "DENIED" as const },
    ].filter((entry) => entry.entityIds.length > 0);
    await writeAudit(manager, context.caller, context.requestId, entries);
    return codes.map((code) => decided.get(code) ?? null);
  });

  const history = new DataLoader<string, DossierTransition[]>(async (codes) => {
    const rows = await manager.find(DossierTransition, {
      where: { dossierCode: In([...codes]) },
      order: { at: "ASC", id: "ASC" },
    });
    const groups = new Map<string, DossierTransition[]>(codes.map((code) => [code, []]));
    for (const row of rows) groups.get(row.dossierCode)?.push(row);
    return codes.map((code) => groups.get(code) ?? []);
  });

  return { dossier, history, stats: createStatsLoader({ database }) };
};

export type CivilStatusLoaders = ReturnType<typeof createCivilStatusLoaders>;
export interface CivilStatusServices {
  calendar: WorkingCalendar;
}
export type CivilStatusContext = SubgraphContext<CivilStatusLoaders, CivilStatusServices>;
