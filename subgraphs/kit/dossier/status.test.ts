import { Role } from "../caller";
import { checkTransition, DossierStatus, NATIONAL_STATUS_CODE, TRANSITIONS } from "./status";

const ALL = Object.values(DossierStatus);

describe("kit > dossier > status machine", () => {
  it("keeps the national portal's codes", () => {
    // Synchronisation with the national portal depends on these exact numbers.
    expect(ALL.map((s) => [s, NATIONAL_STATUS_CODE[s]])).toEqual([
      ["SUBMITTED", 1],
      ["ACCEPTED", 2],
      ["REFUSED", 3],
      ["PROCESSING", 4],
      ["SUPPLEMENT_REQUESTED", 5],
      ["FINANCIAL_OBLIGATION", 6],
      ["WITHDRAWN", 7],
      ["STOPPED", 8],
      ["COMPLETED", 9],
      ["RETURNED", 10],
    ]);
  });

  it("refuses every move out of an ended dossier", () => {
    // RETURNED, REFUSED, WITHDRAWN and STOPPED are final.
    for (const from of [
      DossierStatus.RETURNED,
      DossierStatus.REFUSED,
      DossierStatus.WITHDRAWN,
      DossierStatus.STOPPED,
    ]) {
      for (const to of ALL) {
        expect(checkTransition(from, to, Role.ADMIN, "note")).toEqual({
          kind: "NOT_ALLOWED",
          message: `A ${from} dossier has ended and cannot move to ${to}`,
        });
      }
    }
  });

  it("allows exactly the listed moves for a leader with a note", () => {
    // The machine as a table: every pair is either listed or refused.
    for (const from of ALL) {
      for (const to of ALL) {
        const problem = checkTransition(
          from,
          to,
          to === DossierStatus.SUBMITTED ? Role.CITIZEN : Role.COMMUNE_LEADER,
          "why",
        );
        expect(problem === undefined).toBe(TRANSITIONS[from].includes(to));
      }
    }
  });

  it("lets only leaders refuse or stop, and requires a reason", () => {
    // An officer may not stop a dossier; a leader may, when saying why.
    expect(checkTransition(DossierStatus.PROCESSING, DossierStatus.STOPPED, Role.COMMUNE_OFFICER, "x")?.kind).toBe(
      "ROLE",
    );
    expect(checkTransition(DossierStatus.SUBMITTED, DossierStatus.REFUSED, Role.COMMUNE_OFFICER, "x")?.kind).toBe(
      "ROLE",
    );
    expect(checkTransition(DossierStatus.PROCESSING, DossierStatus.STOPPED, Role.COMMUNE_LEADER, "  ")?.kind).toBe(
      "REASON",
    );
    expect(
      checkTransition(DossierStatus.PROCESSING, DossierStatus.STOPPED, Role.COMMUNE_LEADER, "duplicate"),
    ).toBeUndefined();
  });

  it("keeps analysts and city officers out of the desk's workflow", () => {
    // City departments and analysts read; they do not move dossiers.
    for (const role of [Role.ANALYST, Role.CITY_OFFICER, undefined]) {
      expect(checkTransition(DossierStatus.ACCEPTED, DossierStatus.PROCESSING, role, undefined)?.kind).toBe("ROLE");
    }
  });
});
