import { type MigrationInterface, type QueryRunner, Table } from "typeorm";

/** Amendments of birth registrations (change, correction, completion), each keeping the value it replaced. */
export class Corrections1751328000300 implements MigrationInterface {
  name = "Corrections1751328000300";

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: "civil_status_correction",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "personal_id", type: "varchar", length: "12" },
          { name: "field", type: "varchar", length: "20" },
          { name: "previous_value", type: "varchar", length: "200", isNullable: true },
          { name: "new_value", type: "varchar", length: "200" },
          { name: "registered_on", type: "date" },
          { name: "commune_code", type: "varchar", length: "5" },
          { name: "province_code", type: "varchar", length: "2" },
          { name: "dossier_code", type: "varchar", length: "24", isNullable: true },
        ],
        indices: [
          { name: "idx_civil_status_correction_person", columnNames: ["personal_id"] },
          { name: "idx_civil_status_correction_dossier", columnNames: ["dossier_code"] },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable("civil_status_correction");
  }
}
