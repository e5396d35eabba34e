import type { MigrationInterface, QueryRunner } from "typeorm";

import { createAuditTable } from "../../kit/audit";
import { createDossierTables, dropDossierTables } from "../../kit/dossier/entities";

/** Land dossiers with the shared workflow tables, and the audit log. */
export class Initial1751328000100 implements MigrationInterface {
  name = "Initial1751328000100";

  async up(runner: QueryRunner): Promise<void> {
    await createDossierTables(runner, "land_dossier");
    await createAuditTable(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropDossierTables(runner, "land_dossier");
  }
}
