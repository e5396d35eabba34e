import DataLoader from "dataloader";
import { In } from "typeorm";

import type { SubgraphContext } from "../kit/context";
import type { Database } from "../kit/database";
import { createGuardedLoader } from "../kit/guarded-loader";
import { canSeeCitizenById } from "./access";
import { Citizen } from "./entities/citizen";
import { Commune } from "./entities/commune";
import { FormerCommune } from "./entities/former-commune";
import { Province } from "./entities/province";

const byKey = <K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] => {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
};

const groupBy = <K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] => {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
};

/** One DataLoader per batched lookup, made per request so no cache outlives its caller. */
export const createRegistryLoaders = (database: Database, context: Omit<SubgraphContext, "loaders">) => {
  const manager = database.dataSource.manager;

  const province = new DataLoader<string, Province | null>(async (codes) =>
    byKey(codes, await manager.findBy(Province, { code: In([...codes]) }), (row) => row.code),
  );
  const commune = new DataLoader<string, Commune | null>(async (codes) =>
    byKey(codes, await manager.findBy(Commune, { code: In([...codes]) }), (row) => row.code),
  );
  const communesByProvince = new DataLoader<string, Commune[]>(async (codes) =>
    groupBy(
      codes,
      await manager.find(Commune, { where: { provinceCode: In([...codes]) }, order: { code: "ASC" } }),
      (row) => row.provinceCode,
    ),
  );
  const formerByCommune = new DataLoader<string, FormerCommune[]>(async (codes) =>
    groupBy(
      codes,
      await manager.find(FormerCommune, { where: { communeCode: In([...codes]) }, order: { code: "ASC" } }),
      (row) => row.communeCode,
    ),
  );

  /** Citizens by exact personalId: guarded per row against their residence, every read audited. */
  const citizen = createGuardedLoader(manager, context, {
    operation: "citizen.read",
    entityType: "Citizen",
    what: "citizen",
    fetch: (ids) => manager.findBy(Citizen, { personalId: In([...ids]) }),
    idOf: (row) => row.personalId,
    rule: async (rows) => {
      const residences = await commune.loadMany([...new Set(rows.map((row) => row.residenceCommuneCode))]);
      const provinceOf = new Map(
        residences.filter((c): c is Commune => c instanceof Commune).map((c) => [c.code, c.provinceCode]),
      );
      return (row) =>
        canSeeCitizenById(context.caller, row.personalId, {
          communeCode: row.residenceCommuneCode,
          provinceCode: provinceOf.get(row.residenceCommuneCode) ?? "",
        });
    },
  });

  return { province, commune, communesByProvince, formerByCommune, citizen };
};

export type RegistryLoaders = ReturnType<typeof createRegistryLoaders>;
export type RegistryContext = SubgraphContext<RegistryLoaders>;
