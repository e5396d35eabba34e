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
 * The land register: parcels keyed by map unit, sheet and number; their uses; certificates with
 * holders and endorsements; encumbrances; construction permits. Areas are whole tenths of a m².
 * The database itself refuses a second parcel with the same key, a serial used twice, and a
 * second VALID certificate for one parcel (the unique, nullable valid_parcel_id). Every lookup
 * the subgraph makes has its index: by parcel, by person, by dossier, and by place and day for
 * the desk figures.
 */
export class Register1751328000200 implements MigrationInterface {
  name = "Register1751328000200";

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: "land_parcel",
        columns: [
          id,
          text("map_unit_code", 5),
          integer("map_sheet"),
          integer("parcel_number"),
          ...place,
          integer("area_tenths_m2"),
          text("address", 200, true),
          { name: "active", type: "boolean" },
          integer("parent_id", true),
          date("registered_on"),
        ],
        indices: [
          { name: "uq_land_parcel_key", columnNames: ["map_unit_code", "map_sheet", "parcel_number"], isUnique: true },
          { name: "idx_land_parcel_commune", columnNames: ["commune_code"] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: "land_use",
        columns: [
          id,
          integer("parcel_id"),
          text("land_use_code", 3),
          text("code_version", 12),
          integer("area_tenths_m2"),
          date("term_until", true),
        ],
        indices: [{ name: "idx_land_use_parcel", columnNames: ["parcel_id"] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: "land_certificate",
        columns: [
          id,
          integer("parcel_id"),
          integer("valid_parcel_id", true),
          text("serial", 30),
          text("form", 20),
          text("status", 10),
          date("issued_on"),
          ...place,
          text("dossier_code", 24, true),
          integer("replaces_id", true),
        ],
        indices: [
          { name: "idx_land_certificate_parcel", columnNames: ["parcel_id"] },
          { name: "uq_land_certificate_valid_parcel", columnNames: ["valid_parcel_id"], isUnique: true },
          { name: "uq_land_certificate_serial", columnNames: ["serial"], isUnique: true },
          { name: "idx_land_certificate_commune_issued", columnNames: ["commune_code", "issued_on"] },
          { name: "idx_land_certificate_province_issued", columnNames: ["province_code", "issued_on"] },
          { name: "idx_land_certificate_dossier", columnNames: ["dossier_code"] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: "land_certificate_holder",
        columns: [id, integer("certificate_id"), text("personal_id", 12), text("role", 20), date("deceased_on", true)],
        indices: [
          { name: "idx_land_certificate_holder_certificate", columnNames: ["certificate_id"] },
          { name: "idx_land_certificate_holder_person", columnNames: ["personal_id"] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: "land_certificate_endorsement",
        columns: [
          id,
          integer("certificate_id"),
          text("kind", 24),
          date("endorsed_on"),
          text("note", 300),
          ...place,
          text("dossier_code", 24, true),
        ],
        indices: [
          { name: "idx_land_endorsement_certificate", columnNames: ["certificate_id"] },
          { name: "idx_land_endorsement_commune_on", columnNames: ["commune_code", "endorsed_on"] },
          { name: "idx_land_endorsement_province_on", columnNames: ["province_code", "endorsed_on"] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: "land_encumbrance",
        columns: [
          id,
          integer("parcel_id"),
          text("kind", 16),
          { name: "blocks_transfer", type: "boolean" },
          date("from_date"),
          date("until_date", true),
          text("reference", 100, true),
          text("note", 300, true),
          text("commune_code", 5),
        ],
        indices: [{ name: "idx_land_encumbrance_parcel", columnNames: ["parcel_id"] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: "construction_permit",
        columns: [
          id,
          integer("parcel_id"),
          text("holder_personal_id", 12),
          text("kind", 20),
          text("work_type", 20),
          integer("floors"),
          integer("ground_floor_tenths_m2"),
          integer("gross_floor_tenths_m2"),
          text("status", 10),
          date("issued_on"),
          integer("extensions"),
          date("start_deadline"),
          ...place,
          text("dossier_code", 24, true),
        ],
        indices: [
          { name: "idx_construction_permit_parcel", columnNames: ["parcel_id"] },
          { name: "idx_construction_permit_holder", columnNames: ["holder_personal_id"] },
          { name: "idx_construction_permit_commune_issued", columnNames: ["commune_code", "issued_on"] },
          { name: "idx_construction_permit_province_issued", columnNames: ["province_code", "issued_on"] },
          { name: "idx_construction_permit_dossier", columnNames: ["dossier_code"] },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      "construction_permit",
      "land_encumbrance",
      "land_certificate_endorsement",
      "land_certificate_holder",
      "land_certificate",
      "land_use",
      "land_parcel",
    ]) {
      await runner.dropTable(table);
    }
  }
}
