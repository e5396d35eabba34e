import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

import { mintDevToken } from "../../gateway/auth";
import { type IdentityClaims, Role, ROLES, WORK_FIELDS, type WorkField } from "../../subgraphs/kit/caller";
import { loadDevConfig } from "./config";

const USAGE = `Mints a development token for the hub's gateway (HS256, refused in production).

  npm run token -- --role ROLE [--commune CODE] [--province CODE] [--fields F1,F2] [--personal-id ID] [--sub NAME] [--ttl HOURS]

Roles: ${ROLES.join(", ")}. Fields: ${WORK_FIELDS.join(", ")} (default: all).
A commune officer's province is looked up from the administrative-unit list.
Example: npm run token -- --role COMMUNE_OFFICER --commune 10369 --fields CIVIL_STATUS`;

/** The province of a commune, from the official unit list (no database needed). */
export const provinceOfCommune = (unitsFile: string, communeCode: string): string | undefined => {
  const provinces = JSON.parse(readFileSync(unitsFile, "utf8")) as Array<{
    Code: string;
    Wards: Array<{ Code: string }>;
  }>;
  return provinces.find((province) => province.Wards.some((ward) => ward.Code === communeCode))?.Code;
};

export const claimsFromArgs = (argv: string[], unitsFile: string): { claims: IdentityClaims; ttlHours: number } => {
  const { values } = parseArgs({
    args: argv,
    options: {
      role: { type: "string" },
      commune: { type: "string" },
      province: { type: "string" },
      fields: { type: "string" },
      "personal-id": { type: "string" },
      sub: { type: "string" },
      ttl: { type: "string", default: "8" },
    },
  });
  const role = values.role?.toUpperCase();
  if (!role || !ROLES.includes(role as Role)) throw new Error(`--role must be one of ${ROLES.join(", ")}`);
  const fields = (values.fields ?? WORK_FIELDS.join(",")).split(",").map((f) => f.trim().toUpperCase());
  const unknown = fields.filter((f) => !WORK_FIELDS.includes(f as WorkField));
  if (unknown.length > 0) throw new Error(`Unknown fields: ${unknown.join(", ")}`);
  const communeCode = values.commune;
  let provinceCode = values.province;
  if (communeCode) {
    const found = provinceOfCommune(unitsFile, communeCode);
    if (!found) throw new Error(`Commune ${communeCode} is not in ${unitsFile}`);
    if (provinceCode && provinceCode !== found) throw new Error(`Commune ${communeCode} is in province ${found}`);
    provinceCode = found;
  }
  if ((role === Role.COMMUNE_OFFICER || role === Role.COMMUNE_LEADER) && !communeCode) {
    throw new Error(`--commune is required for ${role}`);
  }
  if (role === Role.CITY_OFFICER && !provinceCode) throw new Error("--province is required for CITY_OFFICER");
  if (role === Role.CITIZEN && !values["personal-id"]) throw new Error("--personal-id is required for CITIZEN");
  const ttlHours = Number(values.ttl);
  if (!(ttlHours > 0 && ttlHours <= 24 * 30)) throw new Error("--ttl is in hours, at most 720");
  return {
    ttlHours,
    claims: {
      // Distinct by default, so that access logs tell people apart: a citizen by their own number.
      sub:
        values.sub ??
        `dev-${role.toLowerCase()}${
          values["personal-id"]
            ? `-${values["personal-id"]}`
            : communeCode
              ? `-${communeCode}`
              : provinceCode
                ? `-${provinceCode}`
                : ""
        }`,
      role,
      communeCode,
      provinceCode,
      fields: role === Role.CITIZEN || role === Role.ANALYST ? [] : fields,
      personalId: values["personal-id"],
    },
  };
};

if (require.main === module) {
  try {
    if (process.argv.includes("--help") || process.argv.length <= 2) {
      console.log(USAGE);
      process.exit(process.argv.includes("--help") ? 0 : 2);
    }
    const config = loadDevConfig();
    const { claims, ttlHours } = claimsFromArgs(process.argv.slice(2), config.adminUnitsFile);
    void mintDevToken(config.devJwtSecret, claims, ttlHours * 3600).then((token) => console.log(token));
  } catch (error) {
    console.error(`token: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}
