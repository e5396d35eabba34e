import { type Caller, Role, WorkField } from "./caller";
import { canSeePlace, requirePlace, requireRole, worksInField } from "./guards";

const officer: Caller = {
  subject: "o",
  role: Role.COMMUNE_OFFICER,
  communeCode: "10369",
  provinceCode: "01",
  fields: [WorkField.CIVIL_STATUS],
};
const ungThien = { communeCode: "10369", provinceCode: "01" };
const hoanKiem = { communeCode: "00070", provinceCode: "01" };
const saigon = { communeCode: "26734", provinceCode: "79" };

describe("kit > guards", () => {
  it("lets officers and leaders see their own commune only", () => {
    // DESIGN §7: a commune desk works in its own commune.
    expect(canSeePlace(officer, ungThien)).toBe(true);
    expect(canSeePlace(officer, hoanKiem)).toBe(false);
    expect(canSeePlace({ ...officer, role: Role.COMMUNE_LEADER }, hoanKiem)).toBe(false);
    expect(canSeePlace({ ...officer, communeCode: undefined }, ungThien)).toBe(false);
  });

  it("lets city officers see every commune of their province, admins everything, others nothing", () => {
    // A city department watches all its communes; analysts and citizens read no records by place.
    const city: Caller = { subject: "c", role: Role.CITY_OFFICER, provinceCode: "01", fields: [] };
    expect([canSeePlace(city, ungThien), canSeePlace(city, hoanKiem), canSeePlace(city, saigon)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(canSeePlace({ subject: "a", role: Role.ADMIN, fields: [] }, saigon)).toBe(true);
    for (const role of [Role.ANALYST, Role.CITIZEN, undefined]) {
      expect(canSeePlace({ subject: "x", role, communeCode: "10369", provinceCode: "01", fields: [] }, ungThien)).toBe(
        false,
      );
    }
  });

  it("keeps officers to their fields while leaders and admins work in all", () => {
    // A civil-status officer may not act on a land dossier; the commune leader may.
    expect(worksInField(officer, WorkField.CIVIL_STATUS)).toBe(true);
    expect(worksInField(officer, WorkField.LAND)).toBe(false);
    expect(worksInField({ ...officer, role: Role.COMMUNE_LEADER, fields: [] }, WorkField.LAND)).toBe(true);
    expect(worksInField({ subject: "an", role: Role.ANALYST, fields: [WorkField.LAND] }, WorkField.LAND)).toBe(false);
  });

  it("throws UNAUTHENTICATED without a role and FORBIDDEN outside the caller's place", () => {
    // The errors clients branch on.
    expect(() => requireRole({ subject: "anonymous", fields: [] })).toThrow(
      expect.objectContaining({ extensions: { code: "UNAUTHENTICATED" } }),
    );
    expect(() => requirePlace(officer, hoanKiem, "records of 00070")).toThrow(
      expect.objectContaining({ extensions: { code: "FORBIDDEN" } }),
    );
    expect(() => requirePlace(officer, ungThien, "records of 10369")).not.toThrow();
  });
});
