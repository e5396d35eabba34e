import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/**
 * The province of every commune in force, from the official list of administrative units
 * (shared/data/admin-units, see SOURCE.md): reference data a field subgraph may read on its own,
 * to check a commune code or find its province, without reading the registry's tables.
 */
export const readCommuneProvinces = (unitsFile: string): ReadonlyMap<string, string> => {
  const path = resolve(unitsFile);
  let provinces: unknown;
  try {
    provinces = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`The administrative units file ${path} cannot be read: ${(error as Error).message}`);
  }
  if (!Array.isArray(provinces)) throw new Error(`The administrative units file ${path} is not a list of provinces`);
  const communes = new Map<string, string>();
  for (const province of provinces as Array<{ Code?: unknown; Wards?: Array<{ Code?: unknown }> }>) {
    if (typeof province.Code !== "string" || !Array.isArray(province.Wards)) {
      throw new Error(`The administrative units file ${path} has a province without Code or Wards`);
    }
    for (const ward of province.Wards) {
      if (typeof ward.Code === "string") communes.set(ward.Code, province.Code);
    }
  }
  return communes;
};

/** Commune code → province code, for every commune in force. */
export type AdminUnits = ReadonlyMap<string, string>;
