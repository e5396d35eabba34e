import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { type Database, openDatabase } from "../../subgraphs/kit/database";
import { BIRTH_PROVINCES, parsePersonalId, personalIdMismatch } from "../../subgraphs/kit/personal-id";
import {
  type CommuneForSeeding,
  estimatedPopulations,
  generateCitizens,
  planPopulation,
  POPULATION_SCALES,
} from "../../subgraphs/kit/population";
import { foldForSearch } from "../../subgraphs/kit/text";
import { registryEntities } from "../../subgraphs/registry/entities";
import { importAdminUnits, unitNameKey } from "../../subgraphs/registry/import/admin-units";
import { seedPopulation } from "../../subgraphs/registry/import/population";
import { registryMigrations } from "../../subgraphs/registry/migrations";
import { createTestDatabaseUrl, type TestDatabaseUrl } from "../support/database";

/** This file compiles to dist/test/registry/; three levels up is the repository root. */
const REPO_ROOT = resolve(__dirname, "../../..");
const DATA_DIR = resolve(REPO_ROOT, "../shared/data/admin-units");
const FILES = {
  unitsFile: join(DATA_DIR, "full_json_generated_data_vn_units_2026-07-25__20_49_07.json"),
  mergesFile: join(DATA_DIR, "merges.json"),
};
/** Former-commune links in merges.json (counted once from the file). */
const FORMER_COMMUNES = 10_604;
/** When the population ages are computed; see population.ts. */
const REFERENCE_DAY = new Date("2026-07-01T00:00:00Z");

jest.setTimeout(60_000);

interface Counts {
  provinces: number;
  communes: number;
  formerCommunes: number;
  citizens: number;
}

const countRows = async (database: Database): Promise<Counts> => {
  const count = async (table: string) =>
    Number((await database.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  return {
    provinces: await count("province"),
    communes: await count("commune"),
    formerCommunes: await count("former_commune"),
    citizens: await count("citizen"),
  };
};

const dumpUnits = async (database: Database): Promise<string> => {
  const query = (sql: string) => database.dataSource.query(sql);
  return JSON.stringify([
    await query("SELECT code, name, full_name, name_en, kind FROM province ORDER BY code"),
    await query("SELECT code, name, full_name, name_en, kind, province_code, search_name FROM commune ORDER BY code"),
    await query("SELECT commune_code, code, name, merge_kind FROM former_commune ORDER BY commune_code, code"),
  ]);
};

describe("registry > importAdminUnits", () => {
  let target: TestDatabaseUrl;
  let database: Database;
  let scratch: string;
  const messages: string[] = [];
  let firstImport: { provinces: number; communes: number; formerCommunes: number };
  let importMs = 0;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), "hub-import-"));
    target = await createTestDatabaseUrl("registry");
    database = await openDatabase({ url: target.url, entities: registryEntities, migrations: registryMigrations });
    const started = Date.now();
    firstImport = await importAdminUnits(database.dataSource, FILES, (message) => messages.push(message));
    importMs = Date.now() - started;
  });

  afterAll(async () => {
    await database?.close();
    await target?.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  test("imports 34 provinces, 3,321 communes and every former commune", async () => {
    // The official list after 1 July 2025 has 34 provinces and 3,321 commune-level units.
    expect(firstImport).toEqual({ provinces: 34, communes: 3321, formerCommunes: FORMER_COMMUNES });
    expect(await countRows(database)).toEqual({
      provinces: 34,
      communes: 3321,
      formerCommunes: FORMER_COMMUNES,
      citizens: 0,
    });
  });

  test("takes a few seconds at most", () => {
    // Batched inserts keep the whole import short enough to run on every fresh start.
    expect(importMs).toBeLessThan(10_000);
  });

  test("classifies provinces as 7 centrally-run cities and 27 provinces", async () => {
    // AdministrativeUnitId 1 is a centrally-run city, 2 a province.
    const rows: Array<{ code: string }> = await database.dataSource.query(
      "SELECT code FROM province WHERE kind = 'CITY' ORDER BY code",
    );
    expect(rows.map((row) => row.code)).toEqual(["01", "31", "46", "48", "75", "79", "92"]);
    const [hanoi] = await database.dataSource.query("SELECT * FROM province WHERE code = '01'");
    expect(hanoi).toEqual({
      code: "01",
      name: "Hà Nội",
      full_name: "Thành phố Hà Nội",
      name_en: "Hanoi",
      kind: "CITY",
    });
  });

  test("gives Hà Nội 126 communes: 51 wards and 75 rural communes", async () => {
    // Hà Nội's two-tier map is the reference every demo and test builds on.
    const rows: Array<{ kind: string; n: number | string }> = await database.dataSource.query(
      "SELECT kind, COUNT(*) AS n FROM commune WHERE province_code = '01' GROUP BY kind ORDER BY kind",
    );
    expect(rows.map((row) => [row.kind, Number(row.n)])).toEqual([
      ["COMMUNE", 75],
      ["WARD", 51],
    ]);
  });

  test("counts 2,611 communes, 697 wards and 13 special zones nationwide", async () => {
    // AdministrativeUnitId 3, 4 and 5 map to WARD, COMMUNE and SPECIAL_ZONE.
    const rows: Array<{ kind: string; n: number | string }> = await database.dataSource.query(
      "SELECT kind, COUNT(*) AS n FROM commune GROUP BY kind ORDER BY kind",
    );
    expect(rows.map((row) => [row.kind, Number(row.n)])).toEqual([
      ["COMMUNE", 2611],
      ["SPECIAL_ZONE", 13],
      ["WARD", 697],
    ]);
  });

  test("stores Ứng Thiên with its four former communes", async () => {
    // 10369 Ứng Thiên was formed on 1 July 2025 from four whole communes of the old Ứng Hòa district.
    const [commune] = await database.dataSource.query("SELECT * FROM commune WHERE code = '10369'");
    expect(commune).toEqual({
      code: "10369",
      name: "Ứng Thiên",
      full_name: "Xã Ứng Thiên",
      name_en: "Ung Thien",
      kind: "COMMUNE",
      province_code: "01",
      search_name: "ung thien",
    });
    const former = await database.dataSource.query(
      "SELECT code, name, merge_kind FROM former_commune WHERE commune_code = '10369' ORDER BY code",
    );
    expect(former).toEqual([
      { code: "10363", name: "Xã Hoa Viên", merge_kind: "FULL" },
      { code: "10366", name: "Xã Quảng Phú Cầu", merge_kind: "FULL" },
      { code: "10369", name: "Xã Trường Thịnh", merge_kind: "FULL" },
      { code: "10375", name: "Xã Liên Bạt", merge_kind: "FULL" },
    ]);
  });

  test("keeps partial merges as PARTIAL", async () => {
    // Ba Đình ward took parts of several old wards; those parts are marked PARTIAL.
    const rows: Array<{ code: string; merge_kind: string }> = await database.dataSource.query(
      "SELECT code, merge_kind FROM former_commune WHERE commune_code = '00004' ORDER BY code",
    );
    expect(rows).toHaveLength(10);
    expect(rows.find((row) => row.code === "00004")?.merge_kind).toBe("FULL");
    expect(rows.find((row) => row.code === "00016")?.merge_kind).toBe("PARTIAL");
  });

  test("gives Ba Chẽ and Ia Mơ their merges despite their different codes in merges.json", async () => {
    // merges.json names Ba Chẽ 06970 and Ia Mơ 23737; the official list has 06978 and 23938.
    const rows: Array<{ commune_code: string; n: number | string }> = await database.dataSource.query(
      "SELECT commune_code, COUNT(*) AS n FROM former_commune WHERE commune_code IN ('06970', '06978', '23737', '23938') GROUP BY commune_code ORDER BY commune_code",
    );
    expect(rows.map((row) => [row.commune_code, Number(row.n)])).toEqual([
      ["06978", 5],
      ["23938", 1],
    ]);
    expect(messages.some((message) => message.includes("06970") && message.includes("06978"))).toBe(true);
    expect(messages.some((message) => message.includes("23737") && message.includes("23938"))).toBe(true);
  });

  test("leaves no former commune pointing at a missing commune", async () => {
    // Every former commune must lead an old address to a current unit.
    const [row] = await database.dataSource.query(
      "SELECT COUNT(*) AS n FROM former_commune f LEFT JOIN commune c ON c.code = f.commune_code WHERE c.code IS NULL",
    );
    expect(Number(row.n)).toBe(0);
    const [linked] = await database.dataSource.query("SELECT COUNT(DISTINCT commune_code) AS n FROM former_commune");
    expect(Number(linked.n)).toBe(3321);
  });

  test("fixes the lower-case unit type in 06325's full name", async () => {
    // The source spells "xã Bắc Sơn"; full names start with the capitalised unit type.
    const [row] = await database.dataSource.query("SELECT full_name FROM commune WHERE code = '06325'");
    expect(row.full_name).toBe("Xã Bắc Sơn");
    const [bad] = await database.dataSource.query(
      "SELECT COUNT(*) AS n FROM commune WHERE full_name NOT LIKE 'Xã %' AND full_name NOT LIKE 'Phường %' AND full_name NOT LIKE 'Đặc khu %'",
    );
    expect(Number(bad.n)).toBe(0);
  });

  test("stores every name in NFC with the folded search name beside it", async () => {
    // Names are NFC so that equal names compare equal; searchName is the folded short name.
    const communes: Array<{ name: string; full_name: string; search_name: string }> = await database.dataSource.query(
      "SELECT name, full_name, search_name FROM commune",
    );
    const provinces: Array<{ name: string; full_name: string }> = await database.dataSource.query(
      "SELECT name, full_name FROM province",
    );
    const former: Array<{ name: string }> = await database.dataSource.query("SELECT name FROM former_commune");
    const texts = [
      ...communes.flatMap((c) => [c.name, c.full_name]),
      ...provinces.flatMap((p) => [p.name, p.full_name]),
      ...former.map((f) => f.name),
    ];
    expect(texts).toHaveLength(2 * 3321 + 2 * 34 + FORMER_COMMUNES);
    expect(texts.filter((text) => text !== text.normalize("NFC"))).toEqual([]);
    expect(communes.filter((c) => c.search_name !== foldForSearch(c.name))).toEqual([]);
  });

  test("maps every current province code to a valid birth-registration code", async () => {
    // Each new province kept the code of one of the provinces merged into it, so "0" + code starts a valid ID.
    const rows: Array<{ code: string }> = await database.dataSource.query("SELECT code FROM province");
    for (const { code } of rows) expect(BIRTH_PROVINCES[`0${code}`]).toBeDefined();
  });

  test("leaves the same rows when run a second time", async () => {
    // The import replaces what it imported before, so re-running it is harmless.
    const before = await dumpUnits(database);
    const again = await importAdminUnits(database.dataSource, FILES);
    expect(again).toEqual(firstImport);
    expect(await dumpUnits(database)).toBe(before);
  });

  test("names the missing file and changes nothing", async () => {
    // An operator who mistypes a path learns which path, and the registry keeps its units.
    const before = await countRows(database);
    const missing = join(scratch, "no-such-file.json");
    await expect(importAdminUnits(database.dataSource, { ...FILES, unitsFile: missing })).rejects.toThrow(
      `The administrative units file ${missing} does not exist`,
    );
    await expect(importAdminUnits(database.dataSource, { ...FILES, mergesFile: missing })).rejects.toThrow(
      `The merges file ${missing} does not exist`,
    );
    expect(await countRows(database)).toEqual(before);
  });

  test("names a file that is not JSON and changes nothing", async () => {
    // A truncated download must not wipe the units already imported.
    const before = await countRows(database);
    const broken = join(scratch, "broken.json");
    writeFileSync(broken, '[{"Type": "province", "Code": "01"');
    await expect(importAdminUnits(database.dataSource, { ...FILES, unitsFile: broken })).rejects.toThrow(
      `The administrative units file ${broken} is not valid JSON`,
    );
    expect(await countRows(database)).toEqual(before);
  });

  test("names a file of the wrong shape and the place of the fault", async () => {
    // A file in another format is refused with the field that does not fit.
    const before = await countRows(database);
    const wrong = join(scratch, "wrong.json");
    writeFileSync(wrong, JSON.stringify([{ Code: "1", Name: "Hà Nội" }]));
    await expect(importAdminUnits(database.dataSource, { ...FILES, unitsFile: wrong })).rejects.toThrow(
      `The administrative units file ${wrong} is malformed: province #1 Code should be a 2-digit code, found "1"`,
    );
    writeFileSync(wrong, JSON.stringify({ stats: {} }));
    await expect(importAdminUnits(database.dataSource, { ...FILES, mergesFile: wrong })).rejects.toThrow(
      `The merges file ${wrong} is malformed: data should be an array, found nothing`,
    );
    expect(await countRows(database)).toEqual(before);
  });

  test("fails loudly on a unit of merges.json it cannot match, and changes nothing", async () => {
    // A new unit that is neither in the official list by code nor by name is a data error, not a skip.
    const before = await countRows(database);
    const merges = join(scratch, "unmatched-merges.json");
    writeFileSync(
      merges,
      JSON.stringify({
        data: [
          {
            level1_id: "01",
            level2s: [
              {
                level2_id: "99999",
                name: "Xã Không Có",
                merges: [{ old_id: "99998", name: "Xã Cũ", type: "full" }],
              },
            ],
          },
        ],
      }),
    );
    await expect(importAdminUnits(database.dataSource, { ...FILES, mergesFile: merges })).rejects.toThrow(
      /Unit 99999 Xã Không Có \(province 01\) in .* is not in .*, and no unnamed unit of that province has that name/,
    );
    expect(await countRows(database)).toEqual(before);
  });
});

describe("registry > importAdminUnits > matching by name", () => {
  test("normalises old- and new-style tone placement", () => {
    // "Hoà"/"Hòa" and "Thuý"/"Thúy" are one name; "Hoàng" and "Quý" have only one spelling.
    expect(unitNameKey("Xã Hoà Bình")).toBe(unitNameKey("Xã Hòa Bình"));
    expect(unitNameKey("Phường Thanh Hoá")).toBe("phường thanh hóa");
    expect(unitNameKey("Xã Thuý  Lĩnh")).toBe("xã thúy lĩnh");
    expect(unitNameKey("Xã Khoẻ")).toBe(unitNameKey("Xã Khỏe"));
    expect(unitNameKey("Xã Hoàng Quý")).toBe("xã hoàng quý");
    expect(unitNameKey("Xã Hòa".normalize("NFD"))).toBe("xã hòa");
    expect(unitNameKey("Xã Hoà Bình")).not.toBe(unitNameKey("Xã Hoá Bình"));
  });

  test("matches a renumbered unit by name within its province", async () => {
    // A unit whose code differs between the files is found by its name, spelled in either style.
    const scratch = mkdtempSync(join(tmpdir(), "hub-import-match-"));
    const target = await createTestDatabaseUrl("registry");
    const database = await openDatabase({
      url: target.url,
      entities: registryEntities,
      migrations: registryMigrations,
    });
    try {
      const unitsFile = join(scratch, "units.json");
      const mergesFile = join(scratch, "merges.json");
      const ward = (code: string, name: string, unitId: number) => ({
        Code: code,
        Name: name,
        NameEn: name,
        FullName: `${unitId === 3 ? "Phường" : "Xã"} ${name}`,
        ProvinceCode: "56",
        AdministrativeUnitId: unitId,
      });
      writeFileSync(
        unitsFile,
        JSON.stringify([
          {
            Code: "56",
            Name: "Khánh Hoà",
            NameEn: "Khanh Hoa",
            FullName: "Tỉnh Khánh Hoà",
            AdministrativeUnitId: 2,
            Wards: [ward("22001", "Hoà Thắng", 4), ward("22002", "Hoá Thắng", 4), ward("22003", "Nha Trang", 3)],
          },
        ]),
      );
      writeFileSync(
        mergesFile,
        JSON.stringify({
          data: [
            {
              level1_id: "56",
              level2s: [
                { level2_id: "22900", name: "Xã Hòa Thắng", merges: [{ old_id: "22100", name: "Xã A", type: "full" }] },
                {
                  level2_id: "22901",
                  name: "Xã Hóa Thắng",
                  merges: [{ old_id: "22101", name: "Xã B", type: "partial" }],
                },
                {
                  level2_id: "22003",
                  name: "Phường Nha Trang",
                  merges: [{ old_id: "22102", name: "Phường C", type: "full" }],
                },
              ],
            },
          ],
        }),
      );
      const messages: string[] = [];
      const counts = await importAdminUnits(database.dataSource, { unitsFile, mergesFile }, (m) => messages.push(m));
      expect(counts).toEqual({ provinces: 1, communes: 3, formerCommunes: 3 });
      const rows = await database.dataSource.query(
        "SELECT commune_code, code, merge_kind FROM former_commune ORDER BY commune_code",
      );
      expect(rows).toEqual([
        { commune_code: "22001", code: "22100", merge_kind: "FULL" },
        { commune_code: "22002", code: "22101", merge_kind: "PARTIAL" },
        { commune_code: "22003", code: "22102", merge_kind: "FULL" },
      ]);
      expect(messages.filter((m) => m.includes("matched by name"))).toHaveLength(2);
    } finally {
      await database.close();
      await target.drop();
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe("registry > seedPopulation", () => {
  let target: TestDatabaseUrl;
  let database: Database;
  let communes: CommuneForSeeding[];
  let inserted = 0;
  let seedMs = 0;
  const progress: Array<[number, number]> = [];
  let citizens: Array<{
    personal_id: string;
    full_name: string;
    gender: "MALE" | "FEMALE";
    birth_date: string;
    residence_commune_code: string;
    search_name: string;
  }>;

  beforeAll(async () => {
    target = await createTestDatabaseUrl("registry");
    database = await openDatabase({ url: target.url, entities: registryEntities, migrations: registryMigrations });
    await importAdminUnits(database.dataSource, FILES);
    communes = await database.dataSource.query("SELECT code, province_code AS provinceCode, kind FROM commune");
    const started = Date.now();
    inserted = await seedPopulation(database.dataSource, "test", {
      onProgress: (done, total) => progress.push([done, total]),
    });
    seedMs = Date.now() - started;
    citizens = await database.dataSource.query(
      "SELECT personal_id, full_name, gender, birth_date, residence_commune_code, search_name FROM citizen ORDER BY personal_id",
    );
  });

  afterAll(async () => {
    await database?.close();
    await target?.drop();
  });

  test("seeds 12 citizens in each of Hà Nội's 126 communes at the test scale", async () => {
    // The test scale is small enough for every suite yet covers the whole city.
    expect(inserted).toBe(126 * 12);
    expect(citizens).toHaveLength(126 * 12);
    const perCommune = new Map<string, number>();
    for (const c of citizens)
      perCommune.set(c.residence_commune_code, (perCommune.get(c.residence_commune_code) ?? 0) + 1);
    const hanoi = communes.filter((c) => c.provinceCode === "01").map((c) => c.code);
    expect([...perCommune.keys()].sort()).toEqual([...hanoi].sort());
    expect(new Set(perCommune.values())).toEqual(new Set([12]));
    expect(seedMs).toBeLessThan(10_000);
  });

  test("reports progress up to the total", () => {
    // The seed command draws its progress line from these reports.
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[progress.length - 1]).toEqual([126 * 12, 126 * 12]);
  });

  test("gives everyone a unique, valid personal ID that agrees with gender and birth year", () => {
    // IDs follow the national structure, so every validator in the hub accepts the seeded people.
    expect(new Set(citizens.map((c) => c.personal_id)).size).toBe(citizens.length);
    const invalid = citizens.filter((c) => {
      const parsed = parsePersonalId(c.personal_id, REFERENCE_DAY);
      return !parsed.ok || parsed.gender !== c.gender || Number(c.birth_date.slice(0, 4)) !== parsed.birthYear;
    });
    expect(invalid).toEqual([]);
    const mismatched = citizens.filter((c) => personalIdMismatch(c.personal_id, c.gender, c.birth_date, REFERENCE_DAY));
    expect(mismatched).toEqual([]);
    const bornInHanoi = citizens.filter((c) => c.personal_id.startsWith("001")).length;
    expect(bornInHanoi / citizens.length).toBeGreaterThan(0.7);
    expect(bornInHanoi).toBeLessThan(citizens.length);
  });

  test("stores NFC names, their folded search form, and ages from 0 to 95", () => {
    // Names and dates look like a real population and are searchable without diacritics.
    expect(citizens.filter((c) => c.full_name !== c.full_name.normalize("NFC"))).toEqual([]);
    expect(citizens.filter((c) => !/^\p{Lu}\p{Ll}* (\p{Lu}\p{Ll}* ){1,2}\p{Lu}\p{Ll}*$/u.test(c.full_name))).toEqual(
      [],
    );
    expect(citizens.filter((c) => c.search_name !== foldForSearch(c.full_name))).toEqual([]);
    expect(citizens.filter((c) => c.birth_date < "1930-07-02" || c.birth_date > "2026-07-01")).toEqual([]);
    const ages = citizens.map((c) => 2026 - Number(c.birth_date.slice(0, 4)));
    expect(Math.min(...ages)).toBeLessThanOrEqual(5);
    expect(Math.max(...ages)).toBeGreaterThanOrEqual(80);
    const genders = new Set(citizens.map((c) => c.gender));
    expect(genders).toEqual(new Set(["MALE", "FEMALE"]));
    const nguyen = citizens.filter((c) => c.full_name.startsWith("Nguyễn ")).length / citizens.length;
    expect(nguyen).toBeGreaterThan(0.3);
    expect(nguyen).toBeLessThan(0.6);
  });

  test("puts at least two men named Nguyễn Văn in every commune", () => {
    // Search tests rely on finding "nguyen van" in whichever commune they pick.
    const byCommune = new Map<string, number>();
    for (const c of citizens) {
      if (c.full_name.startsWith("Nguyễn Văn ")) {
        byCommune.set(c.residence_commune_code, (byCommune.get(c.residence_commune_code) ?? 0) + 1);
      }
    }
    expect(byCommune.size).toBe(126);
    for (const n of byCommune.values()) expect(n).toBeGreaterThanOrEqual(2);
  });

  test("stores exactly what the pure generator produces", () => {
    // The database holds the generator's rows unchanged, so the two can be reasoned about as one.
    const generated = [...generateCitizens(communes, "test")]
      .map((c) => ({
        personal_id: c.personalId,
        full_name: c.fullName,
        gender: c.gender,
        birth_date: c.birthDate,
        residence_commune_code: c.residenceCommuneCode,
        search_name: c.searchName,
      }))
      .sort((a, b) => (a.personal_id < b.personal_id ? -1 : 1));
    expect(citizens).toEqual(generated);
  });
});

describe("registry > generateCitizens", () => {
  let communes: CommuneForSeeding[];

  beforeAll(() => {
    // The communes as the database would return them, without needing one.
    const units = JSON.parse(readFileSync(FILES.unitsFile, "utf8")) as Array<{
      Wards: Array<{ Code: string; ProvinceCode: string; AdministrativeUnitId: number }>;
    }>;
    const kinds = { 3: "WARD", 4: "COMMUNE", 5: "SPECIAL_ZONE" } as const;
    communes = units
      .flatMap((p) => p.Wards)
      .map((w) => ({
        code: w.Code,
        provinceCode: w.ProvinceCode,
        kind: kinds[w.AdministrativeUnitId as 3 | 4 | 5] as CommuneForSeeding["kind"],
      }));
  });

  test("gives byte-identical output for the same seed, whatever the commune order", () => {
    // Reproducible seeds make test failures and benchmarks repeatable on every machine.
    const first = JSON.stringify([...generateCitizens(communes, "demo", 42)]);
    const second = JSON.stringify([...generateCitizens([...communes].reverse(), "demo", 42)]);
    expect(second).toBe(first);
    expect(JSON.parse(first)).toHaveLength(planPopulation(communes, "demo").reduce((sum, c) => sum + c.count, 0));
  });

  test("gives different people for a different seed", () => {
    // The seed is the only source of randomness, and it matters.
    const a = [...generateCitizens(communes, "test", 1)];
    const b = [...generateCitizens(communes, "test", 2)];
    expect(b).toHaveLength(a.length);
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
    const same = a.filter((c, i) => c.personalId === b[i].personalId).length;
    expect(same).toBeLessThan(a.length / 10);
  });

  test("keeps personal IDs unique and valid across the whole demo scale", () => {
    // 620,000 people share few birth years and provinces; the serials must still never collide.
    const people = [...generateCitizens(communes, "demo")];
    expect(new Set(people.map((c) => c.personalId)).size).toBe(people.length);
    expect(people.filter((c) => personalIdMismatch(c.personalId, c.gender, c.birthDate, REFERENCE_DAY))).toEqual([]);
  });

  test("shares a million citizens over all 3,321 communes, more in wards", () => {
    // The bench scale is about a million people nationwide, urban wards denser than rural communes.
    const plan = planPopulation(communes, POPULATION_SCALES.bench);
    expect(plan).toHaveLength(3321);
    expect(plan.reduce((sum, c) => sum + c.count, 0)).toBe(1_000_000);
    const kindOf = new Map(communes.map((c) => [c.code, c.kind]));
    const average = (kind: string) => {
      const counts = plan.filter((c) => kindOf.get(c.code) === kind).map((c) => c.count);
      return counts.reduce((sum, n) => sum + n, 0) / counts.length;
    };
    expect(average("WARD")).toBeGreaterThan(2 * average("COMMUNE"));
    expect(Math.min(...plan.map((c) => c.count))).toBeGreaterThan(0);
  });

  test("samples one person in 14 of each Hà Nội commune for the demo, wards larger", () => {
    // The demo desks receive dossiers at the rates of each commune's real population; its
    // residents are a sample of that population, so every commune has thousands of them.
    const plan = planPopulation(communes, "demo");
    const real = estimatedPopulations(communes.filter((c) => c.provinceCode === "01"));
    expect(plan).toHaveLength(126);
    for (const commune of plan) expect(commune.count).toBe(Math.round(real.get(commune.code)! / 14));
    const kindOf = new Map(communes.map((c) => [c.code, c.kind]));
    const average = (kind: string) => {
      const counts = plan.filter((c) => kindOf.get(c.code) === kind).map((c) => c.count);
      return counts.reduce((sum, n) => sum + n, 0) / counts.length;
    };
    expect(average("WARD")).toBeGreaterThan(1.3 * average("COMMUNE"));
    expect(Math.min(...plan.map((c) => c.count))).toBeGreaterThan(2000);
  });

  test("gives the city scale every person of Hà Nội's 126 communes, about 8.7 million", () => {
    // DESIGN §8: the city at its real size, each commune its estimated population, one in one.
    const plan = planPopulation(communes, "city");
    const real = estimatedPopulations(communes.filter((c) => c.provinceCode === "01"));
    expect(plan).toHaveLength(126);
    for (const commune of plan) expect(commune.count).toBe(real.get(commune.code));
    const total = plan.reduce((sum, c) => sum + c.count, 0);
    expect(total).toBe([...real.values()].reduce((sum, n) => sum + n, 0));
    expect(total).toBeGreaterThan(8_600_000);
    expect(total).toBeLessThan(8_800_000);
  });

  test("refuses to populate when the communes are not imported", () => {
    // Seeding before importing would silently produce nobody.
    expect(() => [...generateCitizens([], "test")]).toThrow(/import the administrative units first/);
  });
});
