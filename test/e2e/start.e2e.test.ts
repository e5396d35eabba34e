import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { createConnection } from "mysql2/promise";

import { REPO_ROOT } from "../support/repo";

const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

const portAnswers = async (port: number): Promise<boolean> =>
  fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1000) }).then(
    () => true,
    () => false,
  );

describe("e2e > npm start", () => {
  let launcher: ChildProcess | undefined;
  let dataDir: string;
  let output = "";
  // On MariaDB runs the launcher's MYSQL_URL path is the one exercised, on throw-away databases.
  const mysqlUrl = process.env.TEST_MYSQL_URL?.replace(/\/+$/, "");
  const prefix = `t_start_${randomBytes(3).toString("hex")}_`;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "hub-start-"));
  });
  afterAll(async () => {
    if (launcher && launcher.exitCode === null) launcher.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
    if (mysqlUrl) {
      const connection = await createConnection(mysqlUrl);
      for (const service of ["registry", "civil_status"]) {
        await connection.query(`DROP DATABASE IF EXISTS \`${prefix}${service}\``);
      }
      await connection.end();
    }
  });

  it("starts each service as its own process, seeds an empty hub, prints a working token, and stops cleanly on SIGTERM", async () => {
    // An engineer runs the one start command on a fresh machine, queries the gateway, then stops it.
    const [gatewayPort, registryPort, civilStatusPort] = [await freePort(), await freePort(), await freePort()];
    launcher = spawn(process.execPath, [resolve(REPO_ROOT, "dist/infra/dev/start.js")], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH,
        DATA_DIR: dataDir,
        GATEWAY_PORT: String(gatewayPort),
        REGISTRY_PORT: String(registryPort),
        CIVIL_STATUS_PORT: String(civilStatusPort),
        SEED_SCALE: "test",
        LOG_LEVEL: "warn",
        ...(mysqlUrl ? { MYSQL_URL: mysqlUrl, MYSQL_DATABASE_PREFIX: prefix } : {}),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    launcher.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    launcher.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no "Hub ready" within 120 s:\n${output}`)), 120_000);
      const check = () => {
        if (output.includes("Hub ready")) {
          clearTimeout(timer);
          done();
        }
      };
      launcher!.stdout!.on("data", check);
      launcher!.once("exit", (code) => fail(new Error(`launcher exited ${code}:\n${output}`)));
    });
    expect(output).toContain(`Gateway: http://127.0.0.1:${gatewayPort}/graphql`);
    const token = /^(eyJ[\w-]+\.[\w-]+\.[\w-]+)$/m.exec(output)?.[1];
    expect(token).toBeDefined();

    const res = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ province(code: "01") { communes { code } } }` }),
    });
    const body = (await res.json()) as { data: { province: { communes: { code: string }[] } } };
    expect(body.data.province.communes).toHaveLength(126);

    // The civil-status desk was seeded with demo dossiers for the same synthetic residents.
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const figures = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `query($to: Date!) { province(code: "01") { civilStatus { stats(from: "2025-01-01", to: $to) { received completed onTime late overdue } } } }`,
        variables: { to: today },
      }),
    });
    const stats = ((await figures.json()) as { data: { province: { civilStatus: { stats: Record<string, number> } } } })
      .data.province.civilStatus.stats;
    expect(stats.received).toBeGreaterThan(400);
    expect(stats.completed).toBeGreaterThan(0);
    expect(stats.onTime).toBeGreaterThan(stats.late);
    expect(stats.late + stats.overdue).toBeGreaterThan(0);
    expect(await portAnswers(registryPort)).toBe(true);
    expect(await portAnswers(civilStatusPort)).toBe(true);
    const ready = await fetch(`http://127.0.0.1:${gatewayPort}/ready`);
    expect([ready.status, await ready.json()]).toEqual([200, { ready: true, service: "gateway" }]);

    const exited = new Promise<number | null>((done) => launcher!.once("exit", (code) => done(code)));
    launcher.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(await portAnswers(gatewayPort)).toBe(false);
    expect(await portAnswers(registryPort)).toBe(false);
    expect(await portAnswers(civilStatusPort)).toBe(false);
  }, 180_000);
});
