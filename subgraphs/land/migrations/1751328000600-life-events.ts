import type { MigrationInterface, QueryRunner } from "typeorm";

import { createConsumerTables } from "../../kit/events/consumer";

/** Land reads civil status's feed (DESIGN §3): its position there and the events it applied. */
export class LifeEvents1751328000600 implements MigrationInterface {
  name = "LifeEvents1751328000600";

  async up(runner: QueryRunner): Promise<void> {
    await createConsumerTables(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable("consumed_event");
    await runner.dropTable("event_position");
  }
}
