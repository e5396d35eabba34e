import type { MigrationInterface, QueryRunner } from "typeorm";

import { addDueProvenance } from "../../kit/dossier/entities";

/** Due dates counted on the provisional calendar say so, and keep the limit they were counted with. */
export class DueProvenance1751328000400 implements MigrationInterface {
  name = "DueProvenance1751328000400";

  async up(runner: QueryRunner): Promise<void> {
    await addDueProvenance(runner, "civil_status_dossier");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex("civil_status_dossier", "idx_civil_status_dossier_due_provisional");
    await runner.dropColumn("civil_status_dossier", "due_limit");
    await runner.dropColumn("civil_status_dossier", "due_provisional");
  }
}
