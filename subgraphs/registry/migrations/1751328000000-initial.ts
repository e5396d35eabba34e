import { type MigrationInterface, type QueryRunner, Table } from "typeorm";

import { createAuditTable } from "../../kit/audit";

/** Administrative units after the 1 July 2025 reform, their merge history, and the population. */
export class Initial1751328000000 implements MigrationInterface {
  name = "Initial1751328000000";

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: "province",
        columns: [
          { name: "code", type: "varchar", length: "2", isPrimary: true },
          { name: "name", type: "varchar", length: "100" },
          { name: "full_name", type: "varchar", length: "150" },
          { name: "name_en", type: "varchar", length: "150" },
          { name: "kind", type: "varchar", length: "16" },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: "commune",
        columns: [
          { name: "code", type: "varchar", length: "5", isPrimary: true },
          { name: "name", type: "varchar", length: "100" },
          { name: "full_name", type: "varchar", length: "150" },
          { name: "name_en", type: "varchar", length: "150" },
          { name: "kind", type: "varchar", length: "16" },
          { name: "province_code", type: "varchar", length: "2" },
          { name: "search_name", type: "varchar", length: "150" },
        ],
        indices: [{ name: "idx_commune_province_search", columnNames: ["province_code", "search_name"] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: "former_commune",
        columns: [
          { name: "commune_code", type: "varchar", length: "5", isPrimary: true },
          { name: "code", type: "varchar", length: "5", isPrimary: true },
          { name: "name", type: "varchar", length: "150" },
          { name: "merge_kind", type: "varchar", length: "8" },
        ],
        indices: [{ name: "idx_former_commune_code", columnNames: ["code"] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: "citizen",
        columns: [
          { name: "personal_id", type: "varchar", length: "12", isPrimary: true },
          { name: "full_name", type: "varchar", length: "150" },
          { name: "gender", type: "varchar", length: "8" },
          { name: "birth_date", type: "date" },
          { name: "residence_commune_code", type: "varchar", length: "5" },
          { name: "search_name", type: "varchar", length: "150" },
        ],
        indices: [
          {
            name: "idx_citizen_residence_search",
            columnNames: ["residence_commune_code", "search_name", "personal_id"],
          },
          { name: "idx_citizen_search", columnNames: ["search_name", "personal_id"] },
        ],
      }),
    );
    await createAuditTable(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ["audit_event", "citizen", "former_commune", "commune", "province"]) {
      await runner.dropTable(table);
    }
  }
}
