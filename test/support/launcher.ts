import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { createConnection } from "mysql2/promise";

import { freePort } from "../../infra/dev/ports";
import { SUBGRAPH_MANIFEST } from "../../subgraphs/kit/manifest";
import { REPO_ROOT } from "./repo";

export interface LaunchedHub {
  process: ChildProcess;
  /** The gateway's port, and each subgraph's by its name in the manifest. */
  ports: { gateway: number } & Record<string, number>;
  /** Everything the launcher and its services printed so far. */
  output(): string;
  /** Kills what is left and removes the data folder and any MariaDB databases. */
  cleanUp(): Promise<void>;
}

/**
 * `npm start` as an engineer runs it — `dist/infra/dev/start.js`, every service its own process —
 * on free ports, a fresh data folder and the `test` seed; on MariaDB runs (TEST_MYSQL_URL) its
 * MYSQL_URL path, on throw-away databases. Resolves once it prints "Hub ready".
 */
export const launchHub = async (name: string): Promise<LaunchedHub> => {
  const dataDir = mkdtempSync(join(tmpdir(), `hub-${name}-`));
  const mysqlUrl = process.env.TEST_MYSQL_URL?.replace(/\/+$/, "");
  const prefix = `t_${name}_${randomBytes(3).toString("hex")}_`;
  const ports: LaunchedHub["ports"] = { gateway: await freePort() };
  for (const entry of SUBGRAPH_MANIFEST) ports[entry.name] = await freePort();
  let output = "";
  const child = spawn(process.execPath, [resolve(REPO_ROOT, "dist/infra/dev/start.js")], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      GATEWAY_PORT: String(ports.gateway),
      ...Object.fromEntries(SUBGRAPH_MANIFEST.map((entry) => [`${entry.envPrefix}_PORT`, String(ports[entry.name])])),
      SEED_SCALE: "test",
      LOG_LEVEL: "warn",
      ...(mysqlUrl ? { MYSQL_URL: mysqlUrl, MYSQL_DATABASE_PREFIX: prefix } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const cleanUp = async () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
    if (mysqlUrl) {
      const connection = await createConnection(mysqlUrl);
      for (const { name: service } of SUBGRAPH_MANIFEST) {
        await connection.query(`DROP DATABASE IF EXISTS \`${prefix}${service.replace(/-/g, "_")}\``);
      }
      await connection.end();
    }
  };
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no "Hub ready" within 120 s:\n${output}`)), 120_000);
    child.stdout!.on("data", () => {
      if (output.includes("Hub ready")) {
        clearTimeout(timer);
        done();
      }
    });
    child.once("exit", (code) => fail(new Error(`launcher exited ${code}:\n${output}`)));
  }).catch(async (error: unknown) => {
    await cleanUp();
    throw error;
  });
  return { process: child, ports, output: () => output, cleanUp };
};
