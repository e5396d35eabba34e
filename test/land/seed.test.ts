import { resolve } from "node:path";

import { communesOfProvince } from "../../subgraphs/kit/admin-units";
import { loadWorkingCalendar } from "../../subgraphs/kit/calendar";
import { type Database, openDatabase } from "../../subgraphs/kit/database";
import { procedureByCode } from "../../subgraphs/land/catalogue";
import { landDesk } from "../../subgraphs/land/desk";
import { landEntities } from "../../subgraphs/land/entities";
import { landMigrations } from "../../subgraphs/land/migrations";
import { type SeededLand, seedLand } from "../../subgraphs/land/seed";
import { createTestDatabaseUrl, type TestDatabaseUrl } from "../support/database";
import { ADMIN_UNITS_FILE } from "../support/repo";

/**
 * The demo land register and desks a new developer first sees must obey the rules the desk
 * enforces: one valid certificate per parcel, uses within the parcel, and every completed dossier
 * whose procedure issues a result issued it in the register.
 */

jest.setTimeout(120_000);

/** 1 July 2026, 10:00 in Hà Nội. */
const NOW = new Date("2026-07-01T03:00:00Z");

let target: TestDatabaseUrl;
let database: Database;
let seeded: SeededLand;

const rows = <T>(sql: string, params: unknown[] = []): Promise<T[]> => database.dataSource.query(sql, params);

beforeAll(async () => {
  target = await createTestDatabaseUrl("land-seed");
  database = await openDatabase({
    url: target.url,
    entities: landEntities,
    migrations: landMigrations,
    requireDurableMysql: false,
  });
  seeded = await seedLand(database.dataSource, {
    unitsFile: ADMIN_UNITS_FILE,
    scale: "test",
    calendar: loadWorkingCalendar(resolve(__dirname, "../../../infra/calendar")),
    now: NOW,
  });
});
afterAll(async () => {
  await database?.close();
  await target?.drop();
});

describe("land > demo seed", () => {
  it("gives every Hà Nội commune a register and a desk", async () => {
    const communes = communesOfProvince(ADMIN_UNITS_FILE, "01").map((commune) => commune.code);
    const withParcels = await rows<{ c: string }>("SELECT DISTINCT commune_code AS c FROM land_parcel");
    const withDossiers = await rows<{ c: string }>("SELECT DISTINCT commune_code AS c FROM land_dossier");
    expect(withParcels.map((row) => row.c).sort()).toEqual([...communes].sort());
    expect(withDossiers.map((row) => row.c).sort()).toEqual([...communes].sort());
    const [{ n }] = await rows<{ n: number | string }>("SELECT COUNT(*) AS n FROM land_dossier");
    expect(Number(n)).toBe(seeded.dossiers);
  });

  it("never shows two valid certificates for one parcel, nor uses larger than their parcel", async () => {
    expect(
      await rows(
        "SELECT parcel_id FROM land_certificate WHERE status = 'VALID' GROUP BY parcel_id HAVING COUNT(*) > 1",
      ),
    ).toEqual([]);
    expect(
      await rows(`SELECT p.id FROM land_parcel p JOIN land_use u ON u.parcel_id = p.id
                  GROUP BY p.id, p.area_tenths_m2 HAVING SUM(u.area_tenths_m2) > p.area_tenths_m2`),
    ).toEqual([]);
    const [{ n }] = await rows<{ n: number | string }>(
      "SELECT COUNT(*) AS n FROM land_parcel p WHERE NOT EXISTS (SELECT 1 FROM land_certificate c WHERE c.parcel_id = p.id AND c.status = 'VALID')",
    );
    expect(Number(n)).toBe(0);
  });

  it("issued the result of every completed dossier whose procedure has one, and nothing else", async () => {
    const results = await rows<{ code: string; status: string; procedure_code: string; results: number | string }>(
      `SELECT d.code, d.status, d.procedure_code,
              (SELECT COUNT(*) FROM land_certificate c WHERE c.dossier_code = d.code)
            + (SELECT COUNT(*) FROM construction_permit p WHERE p.dossier_code = d.code) AS results
         FROM land_dossier d`,
    );
    const wrong = results.filter((d) => {
      const completed = d.status === "COMPLETED" || d.status === "RETURNED";
      const issues = landDesk.definition.issuedBy?.(procedureByCode(d.procedure_code)!);
      return Number(d.results) !== (completed && issues ? 1 : 0);
    });
    expect(wrong).toEqual([]);
    // The demo shows both kinds of issued result.
    expect(results.filter((d) => Number(d.results) === 1).length).toBeGreaterThan(10);
  });

  it("waits for the citizen in both ways land knows: supplements and fees, each stopping the clock", async () => {
    const waits = await rows<{ to_status: string }>(
      "SELECT DISTINCT to_status FROM dossier_transition WHERE to_status IN ('SUPPLEMENT_REQUESTED', 'FINANCIAL_OBLIGATION') ORDER BY to_status",
    );
    expect(waits.map((row) => row.to_status)).toEqual(["FINANCIAL_OBLIGATION", "SUPPLEMENT_REQUESTED"]);
    // Only supplement requests count towards lateness.
    const [{ n }] = await rows<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM land_dossier d WHERE d.supplement_count <> (
         SELECT COUNT(*) FROM dossier_transition t WHERE t.dossier_code = d.code AND t.to_status = 'SUPPLEMENT_REQUESTED')`,
    );
    expect(Number(n)).toBe(0);
  });
});
