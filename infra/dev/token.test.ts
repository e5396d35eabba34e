import { resolve } from "node:path";

import { claimsFromArgs } from "./token";

const UNITS = resolve(
  __dirname,
  "../../..",
  "../shared/data/admin-units/full_json_generated_data_vn_units_2026-07-25__20_49_07.json",
);

describe("infra > token", () => {
  it("looks up a commune officer's province from the unit list", () => {
    // A developer mints a token for the civil-status officer of Ứng Thiên.
    const { claims, ttlHours } = claimsFromArgs(
      ["--role", "commune_officer", "--commune", "10369", "--fields", "CIVIL_STATUS"],
      UNITS,
    );
    expect(ttlHours).toBe(8);
    expect(claims).toEqual({
      sub: "dev-commune_officer-10369",
      role: "COMMUNE_OFFICER",
      communeCode: "10369",
      provinceCode: "01",
      fields: ["CIVIL_STATUS"],
      personalId: undefined,
    });
  });

  it("gives tokens of different citizens different subjects, so their access logs tell them apart", () => {
    const subjectOf = (id: string) => claimsFromArgs(["--role", "CITIZEN", "--personal-id", id], UNITS).claims.sub;
    expect([subjectOf("001068698919"), subjectOf("001090999999")]).toEqual([
      "dev-citizen-001068698919",
      "dev-citizen-001090999999",
    ]);
  });

  it.each([
    [["--role", "MAYOR"], /--role must be one of/],
    [["--role", "COMMUNE_OFFICER"], /--commune is required/],
    [["--role", "COMMUNE_OFFICER", "--commune", "99999"], /Commune 99999 is not in/],
    [["--role", "COMMUNE_OFFICER", "--commune", "10369", "--province", "79"], /Commune 10369 is in province 01/],
    [["--role", "CITY_OFFICER"], /--province is required/],
    [["--role", "CITIZEN"], /--personal-id is required/],
    [["--role", "ADMIN", "--fields", "TAXES"], /Unknown fields: TAXES/],
    [["--role", "ADMIN", "--ttl", "0"], /--ttl is in hours/],
  ])("refuses %j", (args, message) => {
    // A mistyped command line gets a message saying what to fix.
    expect(() => claimsFromArgs(args, UNITS)).toThrow(message);
  });
});
