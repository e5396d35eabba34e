import DataLoader from "dataloader";
import { In } from "typeorm";

import type { WorkingCalendar } from "../kit/calendar";
import type { SubgraphContext } from "../kit/context";
import type { Database } from "../kit/database";
import { DossierTransition } from "../kit/dossier/entities";
import { createGuardedLoader } from "../kit/guarded-loader";
import { canReadDossier } from "./access";
import { CivilStatusDossier } from "./entities/civil-status-dossier";
import { createStatsLoader } from "./resolvers/desk.resolver";

/** One DataLoader per batched lookup, made per request so no cache outlives its caller. */
export const createCivilStatusLoaders = (
  database: Database,
  context: Pick<SubgraphContext, "caller" | "requestId">,
) => {
  const manager = database.dataSource.manager;

  /** Dossiers by code, for root lookups and `_entities` alike: guarded per row, every read audited. */
  const dossier = createGuardedLoader(manager, context, {
    operation: "dossier.read",
    entityType: "CivilStatusDossier",
    what: "dossier",
    fetch: (codes) => manager.findBy(CivilStatusDossier, { code: In([...codes]) }),
    idOf: (row) => row.code,
    rule: () => (row) => canReadDossier(context.caller, row),
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
