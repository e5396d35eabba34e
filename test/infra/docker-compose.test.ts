import { readFileSync } from "node:fs";
import { join, posix } from "node:path";

import { parse } from "yaml";

import { gatewaySettings, loadGatewayConfig } from "../../gateway/config";
import { loadExport } from "../../infra/manifest";
import type { Setting } from "../../subgraphs/kit/config";
import { SUBGRAPH_MANIFEST } from "../../subgraphs/kit/manifest";
import { REPO_ROOT } from "../support/repo";

const readRepoFile = (path: string): string => readFileSync(join(REPO_ROOT, path), "utf8");

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string };
  command?: string[] | string;
  ports?: (string | { target: number; published?: string | number })[];
  environment?: Record<string, string | number | boolean | null> | string[];
  secrets?: (string | { source: string; target?: string })[];
  healthcheck?: { test?: string[] | string };
  depends_on?: string[] | Record<string, { condition?: string }>;
  restart?: string;
  volumes?: (string | { source?: string; target: string })[];
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  secrets?: Record<string, { file?: string }>;
  volumes?: Record<string, unknown>;
}

const compose = parse(readRepoFile("docker-compose.yml"), { merge: true }) as ComposeFile;
const mysqlInit = readRepoFile("infra/mysql/01-subgraph-databases.sh");

const words = (value: string[] | string | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value.map(String) : value.split(/\s+/);

const environmentOf = (service: ComposeService): Record<string, string> => {
  const environment = service.environment ?? {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((entry) => [entry.split("=")[0], entry.slice(entry.indexOf("=") + 1)] as [string, string]),
    );
  }
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [name, value === null ? "" : String(value)]),
  );
};

/** What compose substitutes: `${X:-default}` its default; `${X:?message}`, which the operator must give, a stand-in. */
const interpolate = (value: string): string =>
  value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_match, name: string, kind?: string, rest?: string) =>
    kind === "-" ? (rest ?? "") : `given-${name.toLowerCase()}`,
  );

const containerPorts = (service: ComposeService): number[] =>
  (service.ports ?? []).map((port) =>
    typeof port === "string" ? Number(port.split("/")[0].split(":").pop()) : Number(port.target),
  );

const secretNames = (service: ComposeService): string[] =>
  (service.secrets ?? []).map((secret) => (typeof secret === "string" ? secret : secret.source));

const dependencies = (service: ComposeService): Record<string, { condition?: string }> =>
  Array.isArray(service.depends_on)
    ? Object.fromEntries(service.depends_on.map((name) => [name, {}]))
    : (service.depends_on ?? {});

/** Settings a production start cannot do without: required there, or with no default and not optional. */
const requiredInProduction = (settings: Record<string, Setting<unknown>>): string[] =>
  Object.values(settings)
    .filter((spec) => spec.requiredInProduction === true || (spec.devDefault === undefined && !spec.optional))
    .map((spec) => spec.name);

/** The `subgraph_database <database> <user> <password variable>` lines of the MySQL init script. */
const initDatabases = [...mysqlInit.matchAll(/^subgraph_database\s+(\S+)\s+(\S+)\s+(\S+)\s*$/gm)].map(
  ([, database, user, passwordVariable]) => ({ database, user, passwordVariable }),
);

type Settings = Record<string, Setting<unknown>>;

/** Every subgraph of the manifest, then the gateway in front of them all. */
const appServices = [
  ...SUBGRAPH_MANIFEST.map((entry) => ({
    name: entry.name,
    settings: loadExport<Settings>({ module: entry.config.module, export: entry.config.settings }),
    load: loadExport<(env: NodeJS.ProcessEnv) => unknown>(entry.config),
    dependsOn: ["mysql"],
  })),
  {
    name: "gateway",
    settings: gatewaySettings as Settings,
    load: loadGatewayConfig as (env: NodeJS.ProcessEnv) => unknown,
    dependsOn: SUBGRAPH_MANIFEST.map((entry) => entry.name),
  },
];

describe("infra > docker-compose > services", () => {
  it("declares the database, the subgraphs and the gateway", () => {
    // Scenario: an operator runs `docker compose up` and expects every service that exists today.
    expect(Object.keys(compose.services).sort()).toEqual(
      ["gateway", "mysql", ...SUBGRAPH_MANIFEST.map((entry) => entry.name)].sort(),
    );
  });
});

describe.each(appServices)("infra > docker-compose > $name", ({ name, settings, load, dependsOn }) => {
  const service = compose.services[name];
  const environment = environmentOf(service);

  it("is built from infra/Dockerfile and restarts on failure", () => {
    // Scenario: the service crashes at night and comes back without anyone running a command.
    expect(service.build?.dockerfile).toBe("infra/Dockerfile");
    expect(["always", "unless-stopped", "on-failure"]).toContain(service.restart);
  });

  it("mounts every data file its production configuration reads by default", () => {
    // Scenario: civil status reads the official unit list at start; in the container the default
    // path (relative to /app) must land on a mounted folder, or the service never becomes ready.
    const files = Object.values(settings as Record<string, Setting<unknown>>)
      .filter((spec) => spec.name.endsWith("_FILE") && spec.devDefault?.startsWith("../shared/"))
      .map((spec) => posix.resolve("/app", environment[spec.name] ?? (spec.devDefault as string)));
    const mounted = (service.volumes ?? []).map((volume) =>
      // "source:target[:mode]", where the source may be "${VARIABLE:-default}" with a colon of its own.
      typeof volume === "string" ? (/:(\/[^:]*)(?::(?:ro|rw))?$/.exec(volume)?.[1] ?? "") : volume.target,
    );
    for (const file of files) expect(mounted.some((target) => file.startsWith(`${target}/`))).toBe(true);
  });

  it("publishes the port its config listens on by default", () => {
    // Scenario: a client on the host reaches the service on the port the docs and config name.
    const port = Number(settings.port.devDefault);
    expect(containerPorts(service)).toEqual([port]);
    if (environment.PORT !== undefined) expect(Number(environment.PORT)).toBe(port);
  });

  it("runs in production mode and listens on every interface of its container", () => {
    // Scenario: the container starts with production rules (no development keys) and is reachable from the network.
    expect(environment.NODE_ENV).toBe("production");
    expect(environment.HOST).toBe("0.0.0.0");
  });

  it("checks /ready in its health check", () => {
    // Scenario: compose reports the service healthy only once its database is reachable.
    expect(words(service.healthcheck?.test).join(" ")).toContain("/ready");
  });

  it("provides every setting production requires", () => {
    // Scenario: a production start with only the compose environment finds no required setting missing.
    const missing = requiredInProduction(settings).filter((setting) => !environment[setting]);
    expect(missing).toEqual([]);
  });

  it("starts its production configuration from the compose environment", () => {
    // Scenario: the config module validates the compose environment as it would at start-up, cross-checks included.
    const resolved = Object.fromEntries(
      Object.entries(environment).map(([setting, value]) => [setting, interpolate(value)]),
    );
    expect(() => load(resolved)).not.toThrow();
  });

  it("reads every key file from a secret compose declares under ./secrets/", () => {
    // Scenario: a key path in the environment points at a file the container actually receives.
    const referenced = Object.values(environment)
      .filter((value) => value.startsWith("/run/secrets/"))
      .map((value) => value.slice("/run/secrets/".length));
    expect(referenced.length).toBeGreaterThan(0);
    for (const secret of referenced) {
      expect(secretNames(service)).toContain(secret);
      expect(compose.secrets?.[secret]?.file).toMatch(/^\.\/secrets\//);
    }
  });

  it(`waits until ${dependsOn.join(" and ")} are healthy`, () => {
    // Scenario: on a cold start the service does not boot before what it calls can answer.
    const conditions = dependencies(service);
    expect(Object.keys(conditions)).toEqual(dependsOn);
    for (const name of dependsOn) expect(conditions[name].condition).toBe("service_healthy");
  });
});

describe("infra > docker-compose > mysql", () => {
  const mysql = compose.services.mysql;

  it("runs MySQL 8.4 with the durability the subgraphs insist on, in utf8mb4", () => {
    // Scenario: a subgraph checks innodb_flush_log_at_trx_commit and sync_binlog at start and finds both at 1.
    expect(mysql.image).toBe("mysql:8.4");
    expect(words(mysql.command)).toEqual(
      expect.arrayContaining([
        "--innodb-flush-log-at-trx-commit=1",
        "--sync-binlog=1",
        "--character-set-server=utf8mb4",
        "--collation-server=utf8mb4_unicode_ci",
      ]),
    );
  });

  it("keeps its data in a named volume and initialises from infra/mysql", () => {
    // Scenario: `docker compose down` and `up` again find the data where they left it.
    const volumes = (mysql.volumes ?? []).map(String);
    const dataVolume = volumes.find((volume) => volume.endsWith(":/var/lib/mysql"))?.split(":")[0];
    expect(dataVolume).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(dataVolume);
    expect(volumes).toContainEqual(expect.stringMatching(/^\.\/infra\/mysql:\/docker-entrypoint-initdb\.d(:ro)?$/));
  });

  it("reports healthy through mysqladmin ping", () => {
    // Scenario: the registry waits for a server that accepts connections, not merely a started container.
    expect(words(mysql.healthcheck?.test)).toEqual(expect.arrayContaining(["mysqladmin", "ping"]));
  });
});

describe("infra > docker-compose > subgraph databases", () => {
  const subgraphs = Object.entries(compose.services).filter(([, service]) =>
    words(service.command).some((word) => /^dist\/subgraphs\/[\w-]+\/main\.js$/.test(word)),
  );

  it("gives each subgraph its own database and user, created by infra/mysql", () => {
    // Scenario: each subgraph connects as its own user to its own database, which the init script created for exactly that user.
    expect(subgraphs.map(([name]) => name)).toEqual(SUBGRAPH_MANIFEST.map((entry) => entry.name));
    const mysqlEnvironment = environmentOf(compose.services.mysql);
    for (const [name, service] of subgraphs) {
      const url = new URL(interpolate(environmentOf(service).DATABASE_URL));
      const expected = { database: `hub_${name.replace(/-/g, "_")}`, user: name.replace(/-/g, "_") };
      expect(url.protocol).toBe("mysql:");
      expect(url.hostname).toBe("mysql");
      expect({ database: url.pathname.slice(1), user: url.username }).toEqual(expected);
      const init = initDatabases.find((entry) => entry.database === expected.database);
      expect(init).toMatchObject(expected);
      expect(mysqlEnvironment[init!.passwordVariable]).toBeTruthy();
    }
  });

  it("creates one database and one user per subgraph, each user granted only its own database", () => {
    // Scenario: a compromised subgraph's credentials cannot read another field's tables.
    expect(initDatabases.map((entry) => entry.database).sort()).toEqual([
      "hub_civil_status",
      "hub_land",
      "hub_registry",
      "hub_social",
    ]);
    expect(new Set(initDatabases.map((entry) => entry.user)).size).toBe(initDatabases.length);
    const grants = [...mysqlInit.matchAll(/^GRANT (.+) ON (\S+) TO (\S+);$/gm)];
    expect(grants).toHaveLength(1);
    const [, privileges, on, to] = grants[0];
    expect(privileges.split(/,\s*/).sort()).toEqual(
      ["ALTER", "CREATE", "DELETE", "DROP", "INDEX", "INSERT", "REFERENCES", "SELECT", "UPDATE"].sort(),
    );
    expect(on).toBe("\\`${database}\\`.*");
    expect(to).toBe("'${user}'@'%'");
  });
});

describe("infra > Dockerfile", () => {
  it("runs its final stage as a non-root user", () => {
    // Scenario: a compromised service process cannot act as root inside its container.
    const dockerfile = readRepoFile("infra/Dockerfile");
    const finalStage = dockerfile.split(/^FROM\s/m).pop() ?? "";
    const users = [...finalStage.matchAll(/^USER\s+(\S+)/gm)].map(([, user]) => user);
    expect(users.length).toBeGreaterThan(0);
    expect(["root", "0"]).not.toContain(users[users.length - 1].split(":")[0]);
  });
});
