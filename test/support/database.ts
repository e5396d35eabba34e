import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createConnection } from "mysql2/promise";

/**
 * Throw-away databases for tests: a SQLite file by default, or a fresh MariaDB/MySQL database
 * when TEST_MYSQL_URL (a server URL without a database) is set. The same suites run on both.
 */
export const testDatabaseKind = (): "sqlite" | "mysql" => (process.env.TEST_MYSQL_URL ? "mysql" : "sqlite");

export interface TestDatabaseUrl {
  url: string;
  drop(): Promise<void>;
}

export const createTestDatabaseUrl = async (service: string): Promise<TestDatabaseUrl> => {
  const server = process.env.TEST_MYSQL_URL;
  if (!server) {
    const dir = mkdtempSync(join(tmpdir(), `hub-${service}-`));
    return {
      url: `sqlite:${join(dir, `${service}.sqlite`)}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `t_${service.replace(/-/g, "_")}_${randomBytes(4).toString("hex")}`;
  const base = server.replace(/\/+$/, "");
  const admin = await createConnection(base);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    url: `${base}/${name}`,
    drop: async () => {
      const conn = await createConnection(base);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
};
