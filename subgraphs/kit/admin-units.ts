import { readFileSync } from "node:fs";
import { resolve } from "node:path";

import type { CommuneForSeeding, CommuneKindName } from "./population";

/**
 * The communes in force from the official list of administrative units (shared/data/admin-units,
 * see SOURCE.md): reference data a field subgraph may read on its own, to check a commune code,
 * find its province or pick demo communes, without reading the registry's tables.
 */

/** Commune code → province code, for every commune in force. */
export type AdminUnits = ReadonlyMap<string, string>;

/** The official list's administrative-unit ids of the commune level. */
const KIND_BY_UNIT_ID: Readonly<Record<number, CommuneKindName>> = { 3: "WARD", 4: "COMMUNE", 5: "SPECIAL_ZONE" };

/** Every commune in force, with its province and kind. */
export const readOfficialCommunes = (unitsFile: string): CommuneForSeeding[] => {
  const path = resolve(unitsFile);
  let provinces: unknown;
  try {
    provinces = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`The administrative units file ${path} cannot be read: ${(error as Error).message}`);
  }
  if (!Array.isArray(provinces)) throw new Error(`The administrative units file ${path} is not a list of provinces`);
  const communes: CommuneForSeeding[] = [];
  for (const province of provinces as Array<{
    Code?: unknown;
    Wards?: Array<{ Code?: unknown; AdministrativeUnitId?: unknown }>;
  }>) {
    if (typeof province.Code !== "string" || !Array.isArray(province.Wards)) {
      throw new Error(`The administrative units file ${path} has a province without Code or Wards`);
    }
    for (const ward of province.Wards) {
      const kind = KIND_BY_UNIT_ID[Number(ward.AdministrativeUnitId)];
      if (typeof ward.Code !== "string" || !kind) {
        throw new Error(`The administrative units file ${path} has a commune of ${province.Code} without Code or kind`);
      }
      communes.push({ code: ward.Code, provinceCode: province.Code, kind });
    }
  }
  return communes;
};

/** The province of every commune in force. */
export const readCommuneProvinces = (unitsFile: string): AdminUnits =>
  new Map(readOfficialCommunes(unitsFile).map((commune) => [commune.code, commune.provinceCode]));

/** The communes of a province from the official list: the same set the registry seeds its population over. */
export const communesOfProvince = (unitsFile: string, provinceCode: string): CommuneForSeeding[] => {
  const communes = readOfficialCommunes(unitsFile).filter((commune) => commune.provinceCode === provinceCode);
  if (communes.length === 0) throw new Error(`Province ${provinceCode} is not in ${unitsFile}`);
  return communes;
};
