import { type MigrationInterface, type QueryRunner, TableIndex } from "typeorm";

/**
 * A province's roll in figures asks which of its communes closed a month (`province_code IN (…)
 * AND month = ?`); the primary key (commune, month) cannot serve that, so it read the whole table
 * of closures, which grows by every commune every month. Found by the EXPLAIN test of hot paths.
 */
export class RollClosureIndex1751328000300 implements MigrationInterface {
  name = "RollClosureIndex1751328000300";

  async up(runner: QueryRunner): Promise<void> {
    await runner.createIndex(
      "social_roll_closure",
      new TableIndex({ name: "idx_social_roll_closure_province_month", columnNames: ["province_code", "month"] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex("social_roll_closure", "idx_social_roll_closure_province_month");
  }
}
