import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions } from "typeorm";

const id: TableColumnOptions = {
  name: "id",
  type: "integer",
  isPrimary: true,
  isGenerated: true,
  generationStrategy: "increment",
};
const integer = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: "integer",
  isNullable: nullable,
});
const text = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: "varchar",
  length: String(length),
  isNullable: nullable,
});
const date = (name: string, nullable = false): TableColumnOptions => ({ name, type: "date", isNullable: nullable });
const place = [text("commune_code", 5), text("province_code", 2)];

/**
 * The social register: people's dates of birth and death, benefit decisions, payments by month and
 * the closed months of each commune's roll, households with their yearly poverty classification,
 * disability certificates and funeral support. Money is whole VND in integer columns. Every lookup
 * has its index: by person, by decision, and by place and month for the rolls and figures.
 */
export class Register1751328000200 implements MigrationInterface {
  name = "Register1751328000200";

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: "social_person",
        columns: [
          { name: "personal_id", type: "varchar", length: "12", isPrimary: true },
          date("birth_date", true),
          date("deceased_on", true),
          text("merit_category", 60, true),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: "social_benefit",
        columns: [
          id,
          text("personal_id", 12),
          text("program", 20),
          text("group_code", 30, true),
          integer("coefficient_tenths", true),
          integer("children", true),
          integer("amount_tenths"),
          text("decision_no", 40),
          date("decision_date"),
          text("dossier_code", 24, true),
          text("start_month", 7),
          text("end_month", 7, true),
          text("end_reason", 20, true),
          ...place,
        ],
        indices: [
          { name: "idx_social_benefit_person", columnNames: ["personal_id"] },
          { name: "idx_social_benefit_commune", columnNames: ["commune_code", "start_month"] },
          { name: "idx_social_benefit_province", columnNames: ["province_code", "start_month"] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: "social_payment",
        columns: [
          id,
          integer("benefit_id"),
          text("personal_id", 12),
          text("month", 7),
          { name: "amount_vnd", type: "bigint" },
          text("program", 20),
          text("decision_no", 40),
          { name: "paid_at", type: "datetime", precision: 3 },
          text("status", 24),
          ...place,
        ],
        indices: [
          { name: "idx_social_payment_benefit_month", columnNames: ["benefit_id", "month"], isUnique: true },
          { name: "idx_social_payment_commune_month", columnNames: ["commune_code", "month"] },
          { name: "idx_social_payment_province_month", columnNames: ["province_code", "month"] },
          { name: "idx_social_payment_person", columnNames: ["personal_id", "month"] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: "social_roll_closure",
        columns: [
          { name: "commune_code", type: "varchar", length: "5", isPrimary: true },
          { name: "month", type: "varchar", length: "7", isPrimary: true },
          text("province_code", 2),
          { name: "closed_at", type: "datetime", precision: 3 },
          text("closed_by", 100),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: "social_household",
        columns: [
          id,
          text("code", 20),
          integer("year"),
          text("classification", 12),
          text("standard", 12),
          integer("income_per_capita_vnd"),
          integer("deprivation_count"),
          text("area_type", 5),
          text("head_personal_id", 12),
          text("decision_no", 40, true),
          text("dossier_code", 24, true),
          ...place,
        ],
        indices: [
          { name: "idx_social_household_code_year", columnNames: ["code", "year"], isUnique: true },
          { name: "idx_social_household_commune", columnNames: ["commune_code", "year"] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: "social_household_member",
        columns: [id, integer("household_id"), text("personal_id", 12), text("relation", 40)],
        indices: [
          { name: "idx_social_household_member_household", columnNames: ["household_id"] },
          { name: "idx_social_household_member_person", columnNames: ["personal_id"] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: "social_disability_certificate",
        columns: [
          id,
          text("personal_id", 12),
          text("number", 30),
          text("level", 16),
          text("kind", 24),
          date("issued_on"),
          text("dossier_code", 24, true),
          ...place,
        ],
        indices: [
          { name: "idx_social_disability_person", columnNames: ["personal_id"] },
          { name: "idx_social_disability_number", columnNames: ["number"], isUnique: true },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: "social_funeral_support",
        columns: [
          id,
          text("deceased_personal_id", 12),
          date("died_on"),
          text("program", 20),
          integer("amount_vnd"),
          text("status", 10),
          text("dossier_code", 24),
          text("decision_no", 40, true),
          ...place,
        ],
        indices: [
          { name: "idx_social_funeral_deceased", columnNames: ["deceased_personal_id"], isUnique: true },
          { name: "idx_social_funeral_dossier", columnNames: ["dossier_code"] },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      "social_funeral_support",
      "social_disability_certificate",
      "social_household_member",
      "social_household",
      "social_roll_closure",
      "social_payment",
      "social_benefit",
      "social_person",
    ]) {
      await runner.dropTable(table);
    }
  }
}
