import type { IdentityClaims } from "../../subgraphs/kit/caller";
import { loadLandConfig } from "../../subgraphs/land/config";
import { startLand } from "../../subgraphs/land/main";
import { startSubgraphForTest, type SubgraphUnderTest } from "../support/subgraph";

/** The land subgraph alone on a fresh database, its demo register seeded at the test scale. */
export const startLandForTest = (): Promise<SubgraphUnderTest> =>
  startSubgraphForTest({
    name: "land",
    loadConfig: loadLandConfig,
    start: (config) => startLand(config),
    env: { SEED_ON_EMPTY: "test" },
  });

export const UNG_THIEN = "10369";
export const OTHER_COMMUNE = "00004";

export const PEOPLE = {
  officer: {
    sub: "land-officer-10369",
    role: "COMMUNE_OFFICER",
    communeCode: UNG_THIEN,
    provinceCode: "01",
    fields: ["LAND"],
  },
  leader: { sub: "leader-10369", role: "COMMUNE_LEADER", communeCode: UNG_THIEN, provinceCode: "01", fields: [] },
  otherOfficer: {
    sub: "land-officer-00004",
    role: "COMMUNE_OFFICER",
    communeCode: OTHER_COMMUNE,
    provinceCode: "01",
    fields: ["LAND"],
  },
  civilStatusOfficer: {
    sub: "cs-officer-10369",
    role: "COMMUNE_OFFICER",
    communeCode: UNG_THIEN,
    provinceCode: "01",
    fields: ["CIVIL_STATUS"],
  },
  cityOfficer: { sub: "city-01", role: "CITY_OFFICER", provinceCode: "01", fields: ["LAND"] },
  analyst: { sub: "analyst-01", role: "ANALYST", provinceCode: "01", fields: [] },
  admin: { sub: "admin-01", role: "ADMIN", fields: [] },
} satisfies Record<string, IdentityClaims>;

export const citizen = (personalId: string): IdentityClaims => ({
  sub: `citizen-${personalId}`,
  role: "CITIZEN",
  personalId,
  fields: [],
});

/** Well-formed personal IDs (Hà Nội, born 1985 and 1987): not in the seeded population. */
export const ANH = "001085900001";
export const BINH = "001187900002";
export const CHI = "001087900003";
export const DUNG = "001185900004";

export type Errors = { message: string; extensions?: Record<string, unknown> }[] | undefined;

export const codeOf = (errors: Errors): unknown => errors?.[0]?.extensions?.code;
export const fieldOf = (errors: Errors): unknown => errors?.[0]?.extensions?.field;

/** The land tables and the dossier table, row counts: a refusal must leave every one unchanged. */
export const TABLES = [
  "land_parcel",
  "land_use",
  "land_certificate",
  "land_certificate_holder",
  "land_certificate_endorsement",
  "land_encumbrance",
  "construction_permit",
  "dossier_transition",
] as const;

export const counts = async (land: SubgraphUnderTest): Promise<Record<string, number>> => {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = (await land.service.database.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as {
      n: number | string;
    }[];
    result[table] = Number(row.n);
  }
  return result;
};

/** The counts after one more receipt (its first history step) and nothing else. */
export const oneMoreReceipt = (before: Record<string, number>): Record<string, number> => ({
  ...before,
  dossier_transition: before.dossier_transition + 1,
});

let keys = 0;

/** Receives a dossier at Ứng Thiên's land desk; returns its code and version. */
export const receive = async (
  land: SubgraphUnderTest,
  procedureCode: string,
  applicantPersonalId: string,
  extra: Record<string, unknown> = {},
  claims: IdentityClaims = PEOPLE.officer,
): Promise<{ code: string; version: number; dueAt: string }> => {
  keys += 1;
  const res = await land.graphql<{ receiveLandDossier: { code: string; version: number; dueAt: string } }>(
    claims,
    `mutation($input: ReceiveLandDossierInput!) { receiveLandDossier(input: $input) { code version dueAt } }`,
    { input: { idempotencyKey: `land-test-${Date.now()}-${keys}`, procedureCode, applicantPersonalId, ...extra } },
  );
  if (!res.body.data) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.receiveLandDossier;
};

export const DOSSIER_FIELDS = "code status version";

/** Registers a first certificate for a parcel of sheet `sheet` at Ứng Thiên; returns the dossier code. */
export const registerFirst = async (
  land: SubgraphUnderTest,
  parcel: { mapSheet: number; parcelNumber: number; areaM2?: number; uses?: unknown[] },
  serial: string,
  holders: { personalId: string; role: string }[],
) => {
  const dossier = await receive(land, "1.013978", ANH);
  return land.graphql<{ registerFirstCertificate: { code: string; status: string } }>(
    PEOPLE.officer,
    `mutation($input: RegisterFirstCertificateInput!) { registerFirstCertificate(input: $input) { ${DOSSIER_FIELDS} } }`,
    {
      input: {
        dossierCode: dossier.code,
        expectedVersion: dossier.version,
        parcel: {
          mapUnitCode: UNG_THIEN,
          mapSheet: parcel.mapSheet,
          parcelNumber: parcel.parcelNumber,
          areaM2: parcel.areaM2 ?? 250.5,
          address: "Thôn Đông, xã Ứng Thiên",
          uses: parcel.uses ?? [
            { landUseCode: "ONT", areaM2: 150 },
            { landUseCode: "CLN", areaM2: 100.5 },
          ],
        },
        certificate: { serial, form: "GCN_2024" },
        holders,
      },
    },
  );
};
