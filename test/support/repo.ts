import { resolve } from "node:path";

/** The repository root, from the compiled location dist/test/support. */
export const REPO_ROOT = resolve(__dirname, "../../..");

/** The shared reference data beside the repository (see ../shared/data/admin-units/SOURCE.md). */
export const ADMIN_UNITS_FILE = resolve(
  REPO_ROOT,
  "../shared/data/admin-units/full_json_generated_data_vn_units_2026-07-25__20_49_07.json",
);
export const ADMIN_MERGES_FILE = resolve(REPO_ROOT, "../shared/data/admin-units/merges.json");
