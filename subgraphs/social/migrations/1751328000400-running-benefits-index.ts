import { type MigrationInterface, type QueryRunner, TableIndex } from "typeorm";

/**
 * A province's beneficiaries and roll in figures for a month count the benefits running in it
 * (`province_code IN (…) AND start_month <= ? AND (end_month IS NULL OR end_month >= ?)`), by
 * commune, programme and group, with their amounts: almost every benefit the province ever granted.
 * With only (province_code, start_month) each benefit was also read from the table and the groups
 * were gathered in a temporary table: at the city scale (340,000 benefits) half a second of
 * MariaDB's time and a second of SQLite's per dashboard. This index holds every column those
 * statements read, in the order they group by, so they read the index alone, in order. It replaces
 * the old index, which nothing else read (and which SQLite's planner went on choosing for the range
 * on start_month, which at a month of today holds every benefit anyway).
 */
export class RunningBenefitsIndex1751328000400 implements MigrationInterface {
  name = "RunningBenefitsIndex1751328000400";

  async up(runner: QueryRunner): Promise<void> {
    await runner.dropIndex("social_benefit", "idx_social_benefit_province");
    await runner.createIndex(
      "social_benefit",
      new TableIndex({ name: "idx_social_benefit_province_groups", columnNames: [...RUNNING_BENEFIT_COLUMNS] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex("social_benefit", "idx_social_benefit_province_groups");
    await runner.createIndex(
      "social_benefit",
      new TableIndex({ name: "idx_social_benefit_province", columnNames: ["province_code", "start_month"] }),
    );
  }
}

/** The columns of the index, in order: the province, what the figures group by, then what they read. */
export const RUNNING_BENEFIT_COLUMNS = [
  "province_code",
  "commune_code",
  "program",
  "group_code",
  "start_month",
  "end_month",
  "amount_tenths",
] as const;
