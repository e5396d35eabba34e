import { resolve } from "node:path";

import { procedureByCode } from "../../subgraphs/civil-status/catalogue";
import { civilStatusDesk } from "../../subgraphs/civil-status/desk";
import { civilStatusEntities } from "../../subgraphs/civil-status/entities";
import { civilStatusMigrations } from "../../subgraphs/civil-status/migrations";
import { factsOf, loadRegisters } from "../../subgraphs/civil-status/registers";
import { maritalStatusOf } from "../../subgraphs/civil-status/rules";
import { seedDemoDossiers } from "../../subgraphs/civil-status/seed";
import { loadWorkingCalendar } from "../../subgraphs/kit/calendar";
import { type Database, openDatabase, sqlInstant } from "../../subgraphs/kit/database";
import { createTestDatabaseUrl, type TestDatabaseUrl } from "../support/database";
import { ADMIN_UNITS_FILE } from "../support/repo";

/**
 * The demo data a new developer first sees must obey the rules the desk enforces: every completed
 * dossier issued its paper, nobody is married twice at once, the dead did not apply afterwards, and
 * each certificate states what the registers showed on its day.
 */

jest.setTimeout(120_000);

/** 30 December 2026, 10:00 in Hà Nội: the last receipts fall due in 2027, which has no official calendar file yet. */
const NOW = new Date("2026-12-30T03:00:00Z");

/** Midnight starting 1 January 2027 in Hà Nội. */
const NEW_YEAR_2027 = new Date("2026-12-31T17:00:00Z");

let target: TestDatabaseUrl;
let database: Database;
let seeded: number;

const rows = <T>(sql: string, params: unknown[] = []): Promise<T[]> => database.dataSource.query(sql, params);

beforeAll(async () => {
  target = await createTestDatabaseUrl("civil-status-seed");
  database = await openDatabase({
    url: target.url,
    entities: civilStatusEntities,
    migrations: civilStatusMigrations,
    requireDurableMysql: false,
  });
  const calendar = loadWorkingCalendar(resolve(__dirname, "../../../infra/calendar"));
  seeded = await seedDemoDossiers(database.dataSource, calendar, {
    unitsFile: ADMIN_UNITS_FILE,
    scale: "test",
    now: NOW,
  });
});
afterAll(async () => {
  await database?.close();
  await target?.drop();
});

describe("civil-status > demo seed", () => {
  it("seeds the receipts falling due in a year without a calendar file on the provisional calendar, marked so", async () => {
    const [{ n }] = await rows<{ n: number | string }>("SELECT COUNT(*) AS n FROM civil_status_dossier");
    expect(Number(n)).toBe(seeded);
    expect(seeded).toBeGreaterThan(400);
    // Due in 2027 (no official file yet): provisional; due in 2026: not. Both kinds are there.
    const byYear = await rows<{ in2027: number | string; provisional: number | string; n: number | string }>(
      `SELECT CASE WHEN due_at >= ? THEN 1 ELSE 0 END AS in2027, due_provisional AS provisional, COUNT(*) AS n
         FROM civil_status_dossier GROUP BY CASE WHEN due_at >= ? THEN 1 ELSE 0 END, due_provisional
         ORDER BY 1, 2`,
      [sqlInstant(NEW_YEAR_2027), sqlInstant(NEW_YEAR_2027)],
    );
    expect(byYear.map((row) => [Number(row.in2027), Number(row.provisional)])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    const [{ limits }] = await rows<{ limits: number | string }>(
      "SELECT COUNT(*) AS limits FROM civil_status_dossier WHERE due_limit IS NULL",
    );
    expect(Number(limits)).toBe(0);
  });

  it("issued the paper of every completed dossier whose procedure has one, and nothing else", async () => {
    const papers = await rows<{ code: string; status: string; procedure_code: string; papers: number | string }>(
      `SELECT d.code, d.status, d.procedure_code,
              (SELECT COUNT(*) FROM birth_registration x WHERE x.dossier_code = d.code)
            + (SELECT COUNT(*) FROM death_registration x WHERE x.dossier_code = d.code)
            + (SELECT COUNT(*) FROM marriage_registration x WHERE x.dossier_code = d.code)
            + (SELECT COUNT(*) FROM marital_status_certificate x WHERE x.dossier_code = d.code)
            + (SELECT COUNT(*) FROM extract_copy x WHERE x.dossier_code = d.code)
            + (SELECT COUNT(*) FROM civil_status_correction x WHERE x.dossier_code = d.code) AS papers
         FROM civil_status_dossier d`,
    );
    const wrong = papers.filter((d) => {
      const completed = d.status === "COMPLETED" || d.status === "RETURNED";
      const procedure = procedureByCode(d.procedure_code);
      const expected = completed && procedure && civilStatusDesk.definition.issuedBy?.(procedure) ? 1 : 0;
      return Number(d.papers) !== expected;
    });
    expect(wrong).toEqual([]);
  });

  it("agrees with the rules: one marriage in force at a time, no events after death, certificates true on their day", async () => {
    const people = (
      await rows<{ id: string }>(
        `SELECT husband_personal_id AS id FROM marriage_registration
         UNION SELECT wife_personal_id FROM marriage_registration
         UNION SELECT personal_id FROM marital_status_certificate
         UNION SELECT personal_id FROM death_registration`,
      )
    ).map((row) => row.id);
    const registers = await loadRegisters(database.dataSource.manager, database.kind, people);
    const problems: string[] = [];
    for (const [id, held] of registers) {
      const facts = factsOf(held);
      const inForce = held.marriages.filter((m) => !m.endedOn);
      if (inForce.length > 1) problems.push(`${id} has ${inForce.length} marriages in force`);
      for (const marriage of held.marriages) {
        const overlapping = held.marriages.filter(
          (other) =>
            other !== marriage &&
            other.registeredOn >= marriage.registeredOn &&
            (!marriage.endedOn || other.registeredOn < marriage.endedOn),
        );
        if (overlapping.length > 0) problems.push(`${id} married again while married (${marriage.registeredOn})`);
      }
      for (const certificate of held.certificates) {
        const status = maritalStatusOf(facts, certificate.registeredOn);
        if (status !== certificate.maritalStatus) {
          problems.push(
            `${id}'s certificate of ${certificate.registeredOn} says ${certificate.maritalStatus}, registers say ${status}`,
          );
        }
        if (held.death && held.death.diedOn <= certificate.registeredOn) {
          problems.push(`${id} got a certificate after dying`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
