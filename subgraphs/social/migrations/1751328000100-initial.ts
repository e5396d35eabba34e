import type { MigrationInterface, QueryRunner } from "typeorm";

import { createAuditTable } from "../../kit/audit";
import { createDossierTables, dropDossierTables } from "../../kit/dossier/entities";
import { createConsumerTables } from "../../kit/events/consumer";

/** Social dossiers with the shared workflow tables, the audit log, and the consumer of civil status's feed. */
export class Initial1751328000100 implements MigrationInterface {
  name = "Initial1751328000100";

  async up(runner: QueryRunner): Promise<void> {
    await createDossierTables(runner, "social_dossier");
    await createAuditTable(runner);
    await createConsumerTables(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable("consumed_event");
    await runner.dropTable("event_position");
    await dropDossierTables(runner, "social_dossier");
  }
}
