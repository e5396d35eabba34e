import { gatewaySettings } from "../../gateway/config";
import { loadConfig, parseOneOf, parsePort, setting } from "../../subgraphs/kit/config";
import { SEED_SCALES } from "../../subgraphs/registry/config";

/** Settings of the development launcher (`npm start`) and the token command. */
export const devSettings = {
  gatewayPort: setting({ name: "GATEWAY_PORT", description: "gateway port", devDefault: "4000", parse: parsePort }),
  registryPort: setting({ name: "REGISTRY_PORT", description: "registry port", devDefault: "4001", parse: parsePort }),
  civilStatusPort: setting({
    name: "CIVIL_STATUS_PORT",
    description: "civil-status port",
    devDefault: "4002",
    parse: parsePort,
  }),
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
