import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

import type { DataSource } from "typeorm";

import { insertRows } from "../../kit/database";
import { foldForSearch, toNfc } from "../../kit/text";
import { CommuneKind } from "../entities/commune";
import { MergeKind } from "../entities/former-commune";
import { ProvinceKind } from "../entities/province";

/**
 * Imports the administrative units in force since 1 July 2025 (34 provinces, 3,321 commune-level
 * units) and the former communes merged into each of them, from the two files described in
 * shared/data/admin-units/SOURCE.md: the primary unit list and the secondary merges.json.
 */

export interface AdminUnitFiles {
  /** The primary unit list (JSON array of provinces, each with its `Wards`). */
  unitsFile: string;
  /** merges.json: for each current unit, the former units merged into it. */
  mergesFile: string;
}

export interface AdminUnitCounts {
  provinces: number;
  communes: number;
  formerCommunes: number;
}

// ---------------------------------------------------------------------------------------------
// Reading and checking the files

const readJsonFile = async (file: string, what: string): Promise<unknown> => {
  const path = resolve(file);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code === "ENOENT" ? "does not exist" : `cannot be read (${(error as Error).message})`;
    throw new Error(`The ${what} file ${path} ${detail}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`The ${what} file ${path} is not valid JSON: ${(error as Error).message}`);
  }
};

/** Reads fields of untrusted JSON objects, failing with the file and the location of the bad value. */
class Shape {
  constructor(
    private readonly path: string,
    private readonly what: string,
  ) {}

  fail(where: string, expected: string, got: unknown): never {
    const shown = got === undefined ? "nothing" : JSON.stringify(got)?.slice(0, 80);
    throw new Error(`The ${this.what} file ${this.path} is malformed: ${where} should be ${expected}, found ${shown}`);
  }

  object(value: unknown, where: string): Record<string, unknown> {
    if (typeof value !== "object" || value === null || Array.isArray(value)) this.fail(where, "an object", value);
    return value as Record<string, unknown>;
  }

  array(value: unknown, where: string): unknown[] {
    if (!Array.isArray(value)) this.fail(where, "an array", value);
    return value;
  }

  text(value: unknown, where: string): string {
    if (typeof value !== "string" || value.trim() === "") this.fail(where, "a non-empty string", value);
    return toNfc(value.trim());
  }

  code(value: unknown, digits: number, where: string): string {
    if (typeof value !== "string" || !new RegExp(`^[0-9]{${digits}}$`).test(value)) {
      this.fail(where, `a ${digits}-digit code`, value);
    }
    return value;
  }

  oneOf<T>(value: unknown, choices: ReadonlyMap<unknown, T>, where: string): T {
    const chosen = choices.get(value);
    if (chosen === undefined) this.fail(where, `one of ${[...choices.keys()].join(", ")}`, value);
    return chosen;
  }
}

const PROVINCE_KINDS = new Map<unknown, ProvinceKind>([
  [1, ProvinceKind.CITY],
  [2, ProvinceKind.PROVINCE],
]);
const COMMUNE_KINDS = new Map<unknown, CommuneKind>([
  [3, CommuneKind.WARD],
  [4, CommuneKind.COMMUNE],
  [5, CommuneKind.SPECIAL_ZONE],
]);
const MERGE_KINDS = new Map<unknown, MergeKind>([
  ["full", MergeKind.FULL],
  ["partial", MergeKind.PARTIAL],
]);

interface ProvinceRow {
  code: string;
  name: string;
  fullName: string;
  nameEn: string;
  kind: ProvinceKind;
}

interface CommuneRow {
  code: string;
  name: string;
  fullName: string;
  nameEn: string;
  kind: CommuneKind;
  provinceCode: string;
  searchName: string;
}

interface FormerCommuneRow {
  communeCode: string;
  code: string;
  name: string;
  mergeKind: MergeKind;
}

/** The unit type starts the full name with a capital ("Xã Bắc Sơn"); the source has one lower-case slip. */
const capitaliseFirst = (text: string): string => text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);

const readUnits = async (
  file: string,
  report: (message: string) => void,
): Promise<{ provinces: ProvinceRow[]; communes: CommuneRow[] }> => {
  const path = resolve(file);
  const shape = new Shape(path, "administrative units");
  const root = shape.array(await readJsonFile(file, "administrative units"), "the top level");
  const provinces: ProvinceRow[] = [];
  const communes: CommuneRow[] = [];
  const seen = new Set<string>();
  root.forEach((entry, p) => {
    const province = shape.object(entry, `province #${p + 1}`);
    const code = shape.code(province.Code, 2, `province #${p + 1} Code`);
    const at = `province ${code}`;
    if (seen.has(code)) shape.fail(`${at} Code`, "unique", code);
    seen.add(code);
    provinces.push({
      code,
      name: shape.text(province.Name, `${at} Name`),
      fullName: shape.text(province.FullName, `${at} FullName`),
      nameEn: shape.text(province.NameEn, `${at} NameEn`),
      kind: shape.oneOf(province.AdministrativeUnitId, PROVINCE_KINDS, `${at} AdministrativeUnitId`),
    });
    shape.array(province.Wards, `${at} Wards`).forEach((item, w) => {
      const unit = shape.object(item, `${at} unit #${w + 1}`);
      const unitCode = shape.code(unit.Code, 5, `${at} unit #${w + 1} Code`);
      const where = `unit ${unitCode}`;
      if (seen.has(unitCode)) shape.fail(`${where} Code`, "unique", unitCode);
      seen.add(unitCode);
      if (unit.ProvinceCode !== code)
        shape.fail(`${where} ProvinceCode`, `"${code}" (its province)`, unit.ProvinceCode);
      const name = shape.text(unit.Name, `${where} Name`);
      const given = shape.text(unit.FullName, `${where} FullName`);
      const fullName = capitaliseFirst(given);
      if (fullName !== given) report(`Unit ${unitCode}: full name "${given}" stored as "${fullName}"`);
      communes.push({
        code: unitCode,
        name,
        fullName,
        nameEn: shape.text(unit.NameEn, `${where} NameEn`),
        kind: shape.oneOf(unit.AdministrativeUnitId, COMMUNE_KINDS, `${where} AdministrativeUnitId`),
        provinceCode: code,
        searchName: foldForSearch(name),
      });
    });
  });
  if (provinces.length === 0) shape.fail("the top level", "a non-empty array of provinces", []);
  return { provinces, communes };
};

/**
 * Vietnamese writes the tone of "oa", "oe" and "uy" at the end of a syllable in two ways: the
 * old style on the first vowel ("Hoà", "Thuý") and the new style on the second ("Hòa", "Thúy").
 * The primary file uses the old style, merges.json the new one; this maps both to the new style.
 * "qu" is a consonant, so "quý" is left alone.
 */
// prettier-ignore
const TONE_ON_SECOND: Record<string, string> = {
  oà: "òa", oá: "óa", oả: "ỏa", oã: "õa", oạ: "ọa",
  oè: "òe", oé: "óe", oẻ: "ỏe", oẽ: "õe", oẹ: "ọe",
  uỳ: "ùy", uý: "úy", uỷ: "ủy", uỹ: "ũy", uỵ: "ụy",
};
const OLD_STYLE_TONE = /(?<!q)(o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])(?!\p{L})/gu;

/** The key two spellings of one unit name share: NFC, lower case, new-style tone placement, single spaces. */
export const unitNameKey = (name: string): string =>
  toNfc(name)
    .toLocaleLowerCase("vi")
    .replace(/\s+/g, " ")
    .trim()
    .replace(OLD_STYLE_TONE, (pair) => TONE_ON_SECOND[pair] ?? pair);

const readMerges = async (
  file: string,
  unitsPath: string,
  communes: readonly CommuneRow[],
  report: (message: string) => void,
): Promise<FormerCommuneRow[]> => {
  const path = resolve(file);
  const shape = new Shape(path, "merges");
  const root = shape.object(await readJsonFile(file, "merges"), "the top level");
  const entries = shape.array(root.data, "data");

  interface Entry {
    provinceCode: string;
    code: string;
    name: string;
    merges: Array<Omit<FormerCommuneRow, "communeCode">>;
  }
  // Former units are communes (5-digit codes), except five island districts that had no
  // communes at all (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo): they keep their 3-digit
  // district code and became special zones whole.
  const formerCode = (value: unknown, where: string): string =>
    typeof value === "string" && value.length === 3 ? shape.code(value, 3, where) : shape.code(value, 5, where);
  const units: Entry[] = [];
  entries.forEach((item, p) => {
    const province = shape.object(item, `data[${p}]`);
    const provinceCode = shape.code(province.level1_id, 2, `data[${p}].level1_id`);
    shape.array(province.level2s, `province ${provinceCode} level2s`).forEach((child, u) => {
      const unit = shape.object(child, `province ${provinceCode} level2s[${u}]`);
      const code = shape.code(unit.level2_id, 5, `province ${provinceCode} level2s[${u}].level2_id`);
      const where = `unit ${code}`;
      units.push({
        provinceCode,
        code,
        name: shape.text(unit.name, `${where} name`),
        merges: shape.array(unit.merges, `${where} merges`).map((m, i) => {
          const merge = shape.object(m, `${where} merges[${i}]`);
          return {
            code: formerCode(merge.old_id, `${where} merges[${i}].old_id`),
            name: shape.text(merge.name, `${where} merges[${i}].name`),
            mergeKind: shape.oneOf(merge.type, MERGE_KINDS, `${where} merges[${i}].type`),
          };
        }),
      });
    });
  });

  const byCode = new Map(communes.map((commune) => [commune.code, commune]));
  const named = new Set(units.map((unit) => unit.code));
  const claimedBy = new Map<string, string>();
  const rows: FormerCommuneRow[] = [];
  for (const unit of units) {
    let commune = byCode.get(unit.code);
    if (commune && commune.provinceCode !== unit.provinceCode) {
      throw new Error(
        `Unit ${unit.code} ${unit.name} is in province ${unit.provinceCode} in ${path} but in province ${commune.provinceCode} in ${unitsPath}`,
      );
    }
    if (!commune) {
      // A code that differs between the two files (SOURCE.md §3): find the same unit by name
      // among the primary file's units of that province that merges.json does not name.
      const candidates = communes.filter((c) => c.provinceCode === unit.provinceCode && !named.has(c.code));
      const exact = candidates.filter((c) => unitNameKey(c.fullName) === unitNameKey(unit.name));
      const found =
        exact.length > 0 ? exact : candidates.filter((c) => foldForSearch(c.fullName) === foldForSearch(unit.name));
      if (found.length !== 1) {
        throw new Error(
          `Unit ${unit.code} ${unit.name} (province ${unit.provinceCode}) in ${path} is not in ${unitsPath}, and ` +
            (found.length === 0
              ? "no unnamed unit of that province has that name"
              : `its name fits ${found.length} units of that province (${found.map((c) => c.code).join(", ")})`),
        );
      }
      commune = found[0];
      report(`Unit ${unit.code} ${unit.name} of ${path} matched by name to ${commune.code} ${commune.fullName}`);
    }
    const previous = claimedBy.get(commune.code);
    if (previous !== undefined) {
      throw new Error(`Units ${previous} and ${unit.code} in ${path} both map to unit ${commune.code} of ${unitsPath}`);
    }
    claimedBy.set(commune.code, unit.code);
    const formerCodes = new Set<string>();
    for (const merge of unit.merges) {
      if (formerCodes.has(merge.code)) {
        throw new Error(`The merges file ${path} lists former unit ${merge.code} twice for unit ${unit.code}`);
      }
      formerCodes.add(merge.code);
      rows.push({ communeCode: commune.code, ...merge });
    }
  }
  const without = communes.length - claimedBy.size;
  if (without > 0) report(`${without} units of ${unitsPath} have no entry in ${path}, hence no former communes`);
  return rows;
};

// ---------------------------------------------------------------------------------------------

/**
 * Replaces the provinces, communes and former communes with the contents of the two files, in
 * one transaction: both files are read and checked completely first, so a missing or malformed
 * file changes nothing, and running the import twice leaves the same rows. Citizens are kept.
 */
export const importAdminUnits = async (
  dataSource: DataSource,
  files: AdminUnitFiles,
  onProgress?: (message: string) => void,
): Promise<AdminUnitCounts> => {
  const report = onProgress ?? (() => undefined);
  const unitsPath = resolve(files.unitsFile);
  const { provinces, communes } = await readUnits(files.unitsFile, report);
  const formerCommunes = await readMerges(files.mergesFile, unitsPath, communes, report);

  await dataSource.transaction(async (manager) => {
    for (const table of ["former_commune", "commune", "province"]) {
      await manager.query(`DELETE FROM ${manager.connection.driver.escape(table)}`);
    }
    await insertRows(
      manager,
      "province",
      ["code", "name", "full_name", "name_en", "kind"],
      provinces.map((p) => [p.code, p.name, p.fullName, p.nameEn, p.kind]),
    );
    await insertRows(
      manager,
      "commune",
      ["code", "name", "full_name", "name_en", "kind", "province_code", "search_name"],
      communes.map((c) => [c.code, c.name, c.fullName, c.nameEn, c.kind, c.provinceCode, c.searchName]),
    );
    await insertRows(
      manager,
      "former_commune",
      ["commune_code", "code", "name", "merge_kind"],
      formerCommunes.map((f) => [f.communeCode, f.code, f.name, f.mergeKind]),
    );
  });
  const counts = { provinces: provinces.length, communes: communes.length, formerCommunes: formerCommunes.length };
  report(
    `Imported ${counts.provinces} provinces, ${counts.communes} communes and ${counts.formerCommunes} former communes`,
  );
  return counts;
};
