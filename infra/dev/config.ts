import { gatewaySettings } from "../../gateway/config";
import { loadConfig, parseOneOf, parsePort, type Setting, setting } from "../../subgraphs/kit/config";
import { SUBGRAPH_MANIFEST } from "../../subgraphs/kit/manifest";
import { SEED_SCALES } from "../../subgraphs/registry/config";

/** Each subgraph's port, by its name in the manifest: REGISTRY_PORT, CIVIL_STATUS_PORT, … */
const SUBGRAPH_PORT_SETTINGS: Record<string, Setting<number>> = Object.fromEntries(
  SUBGRAPH_MANIFEST.map((entry) => [
    entry.name,
    setting({
      name: `${entry.envPrefix}_PORT`,
      description: `${entry.name} port`,
      devDefault: String(entry.port),
      parse: parsePort,
    }),
  ]),
);

/** Settings of the development launcher (`npm start`) and the token command. */
export const devSettings = {
  gatewayPort: setting({ name: "GATEWAY_PORT", description: "gateway port", devDefault: "4000", parse: parsePort }),
  ...SUBGRAPH_PORT_SETTINGS,
  dataDir: setting({
    name: "DATA_DIR",
    description: "where the embedded databases and dev keys live",
    devDefault: ".data",
  }),
  mysqlUrl: setting({
    name: "MYSQL_URL",
    description:
      "a MySQL/MariaDB server (mysql://user:password@host:3306) to use instead of SQLite; one database per subgraph",
    optional: true,
  }),
  mysqlDatabasePrefix: setting({
    name: "MYSQL_DATABASE_PREFIX",
    description: "prefix of each subgraph's database name on MYSQL_URL (hub_registry, …)",
    devDefault: "hub_",
  }),
  seedScale: setting({
    name: "SEED_SCALE",
    description: "population loaded on first start",
    devDefault: "demo",
    parse: parseOneOf(...SEED_SCALES),
  }),
  devJwtSecret: gatewaySettings.devJwtSecret,
  adminUnitsFile: setting({
    name: "ADMIN_UNITS_FILE",
    description: "the official list of administrative units",
    devDefault: "../shared/data/admin-units/full_json_generated_data_vn_units_2026-07-25__20_49_07.json",
  }),
};

export const loadDevConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(devSettings, env);

/** A subgraph's port in the launcher's settings. */
export const portOf = (config: ReturnType<typeof loadDevConfig>, name: string): number =>
  Number((config as Record<string, unknown>)[name]);
