import type { MigrationInterface, QueryRunner } from "typeorm";

import { createAuditTable } from "../../kit/audit";
import { createDossierTables, dropDossierTables } from "../../kit/dossier/entities";

/** Civil-status dossiers with the shared workflow tables, and the audit log. */
export class Initial1751328000100 implements MigrationInterface {
  name = "Initial1751328000100";

  async up(runner: QueryRunner): Promise<void> {
    await createDossierTables(runner, "civil_status_dossier", { version: 1 });
    await createAuditTable(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropDossierTables(runner, "civil_status_dossier");
  }
}
