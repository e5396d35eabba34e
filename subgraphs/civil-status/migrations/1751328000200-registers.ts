import type { MigrationInterface } from "typeorm";
import { type QueryRunner, Table, type TableColumnOptions } from "typeorm";

const personalId = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: "varchar",
  length: "12",
  isNullable: nullable,
});
const number = (): TableColumnOptions => ({
  name: "id",
  type: "integer",
  isPrimary: true,
  isGenerated: true,
  generationStrategy: "increment",
});

/** Where and from which dossier each entry was registered (RegisterEntry). */
const entryColumns: TableColumnOptions[] = [
  { name: "registered_on", type: "date" },
  { name: "commune_code", type: "varchar", length: "5" },
  { name: "province_code", type: "varchar", length: "2" },
  { name: "dossier_code", type: "varchar", length: "24", isNullable: true },
];

/**
 * The civil-status registers: births, deaths, marriages, marital-status certificates and extract
 * copies. A birth and a death are keyed by the person, so the database itself refuses a second
 * registration; every entry is indexed by the people it names and by its dossier.
 */
export class Registers1751328000200 implements MigrationInterface {
  name = "Registers1751328000200";

  async up(runner: QueryRunner): Promise<void> {
    const byDossier = (table: string) => ({ name: `idx_${table}_dossier`, columnNames: ["dossier_code"] });
    await runner.createTable(
      new Table({
        name: "birth_registration",
        columns: [
          { ...personalId("personal_id"), isPrimary: true },
          { name: "full_name", type: "varchar", length: "150" },
          { name: "gender", type: "varchar", length: "8" },
          { name: "birth_date", type: "date" },
          { name: "place_of_birth", type: "varchar", length: "200", isNullable: true },
          personalId("father_personal_id", true),
          personalId("mother_personal_id", true),
          ...entryColumns,
        ],
        indices: [
          { name: "idx_birth_registration_father", columnNames: ["father_personal_id"] },
          { name: "idx_birth_registration_mother", columnNames: ["mother_personal_id"] },
          byDossier("birth_registration"),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: "death_registration",
        columns: [
          { ...personalId("personal_id"), isPrimary: true },
          { name: "died_on", type: "date" },
          { name: "place_of_death", type: "varchar", length: "200", isNullable: true },
          ...entryColumns,
        ],
        indices: [byDossier("death_registration")],
      }),
    );
    await runner.createTable(
      new Table({
        name: "marriage_registration",
        columns: [
          number(),
          personalId("husband_personal_id"),
          personalId("wife_personal_id"),
          { name: "ended_on", type: "date", isNullable: true },
          { name: "end_reason", type: "varchar", length: "20", isNullable: true },
          ...entryColumns,
        ],
        indices: [
          { name: "idx_marriage_registration_husband", columnNames: ["husband_personal_id"] },
          { name: "idx_marriage_registration_wife", columnNames: ["wife_personal_id"] },
          byDossier("marriage_registration"),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: "marital_status_certificate",
        columns: [
          number(),
          personalId("personal_id"),
          { name: "marital_status", type: "varchar", length: "10" },
          { name: "purpose", type: "varchar", length: "200" },
          { name: "valid_until", type: "date" },
          ...entryColumns,
        ],
        indices: [
          { name: "idx_marital_status_certificate_person", columnNames: ["personal_id"] },
          byDossier("marital_status_certificate"),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: "extract_copy",
        columns: [
          number(),
          personalId("personal_id"),
          { name: "register", type: "varchar", length: "10" },
          { name: "copies", type: "integer" },
          ...entryColumns,
        ],
        indices: [{ name: "idx_extract_copy_person", columnNames: ["personal_id"] }, byDossier("extract_copy")],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      "extract_copy",
      "marital_status_certificate",
      "marriage_registration",
      "death_registration",
      "birth_registration",
    ]) {
      await runner.dropTable(table);
    }
  }
}
