import type { MigrationInterface, QueryRunner } from "typeorm";

import { createOutboxTable } from "../../kit/events/outbox";

/** The outbox of civil status's domain events (births, deaths, marriages), written with each change. */
export class Outbox1751328000500 implements MigrationInterface {
  name = "Outbox1751328000500";

  async up(runner: QueryRunner): Promise<void> {
    await createOutboxTable(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable("outbox_event");
  }
}
