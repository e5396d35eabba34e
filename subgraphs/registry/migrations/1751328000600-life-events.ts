import { type MigrationInterface, type QueryRunner, TableColumn } from "typeorm";

import { createConsumerTables } from "../../kit/events/consumer";

/**
 * The population reference learns from civil status (DESIGN §3): a date of death on the citizen,
 * and the consumer's position in the civil-status feed with the events already applied.
 */
export class LifeEvents1751328000600 implements MigrationInterface {
  name = "LifeEvents1751328000600";

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn("citizen", new TableColumn({ name: "deceased_on", type: "date", isNullable: true }));
    await createConsumerTables(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable("consumed_event");
    await runner.dropTable("event_position");
    await runner.dropColumn("citizen", "deceased_on");
  }
}
