import type { AdminUnits } from "../admin-units";
import { type Caller, Role, type WorkField } from "../caller";
import type { DossierRecord } from "../dossier/entities";
import { forbidden } from "../errors";
import { canSeePlace, type Place, requireRole, worksInField } from "../guards";

/** A desk: one commune's, or a province's over all its communes. */
export interface DeskScope {
  kind: "COMMUNE" | "PROVINCE";
  code: string;
}

/** Which of a person's dossiers a caller may list: all of them, or those kept at some places. */
export type ApplicantListScope =
  | { kind: "ALL" }
  | { kind: "COMMUNE"; code: string }
  | { kind: "PROVINCE"; code: string }
  | { kind: "NONE" };

/**
 * Who may see and do what at a field's desk (DESIGN §7), in one place per field: the same rules
 * decide a dossier read by code, through `_entities`, in a desk list and in a person's list.
 */
export interface DeskPolicy {
  readonly field: WorkField;
  /** Records kept at a place, read by place: its commune's desk and its province's city officers in the field; admins. */
  canReadAt(caller: Caller, place: Place): boolean;
  /** Records kept at a place, written: its commune's officers in the field and leaders; admins. City officers only read. */
  canWorkAt(caller: Caller, place: Place): boolean;
  /** The desk of its commune and the city officers of its province, in the field; the applicant; admins. */
  canReadDossier(caller: Caller, dossier: DossierRecord): boolean;
  /** Its commune's officers in the field and leaders, admins; the applicant (to withdraw). */
  canWorkOnDossier(caller: Caller, dossier: DossierRecord): boolean;
  /** A person's records: the person, admins, and the desks (and city officers) of a place that holds something of theirs. */
  canReadRecords(caller: Caller, personalId: string, places: readonly Place[]): boolean;
  /** A desk's figures; throws FORBIDDEN, or says which province a city officer's figures are narrowed to. */
  statsAccess(caller: Caller, scope: DeskScope, units: AdminUnits): { restrictToProvince?: string };
  /** A desk's dossier list (it names applicants); throws FORBIDDEN. */
  listAccess(caller: Caller, scope: DeskScope, units: AdminUnits): void;
  /** Which of a person's dossiers the caller may list: the same rule as reading each by code. */
  applicantListScope(caller: Caller, personalId: string): ApplicantListScope;
}

/** The province a desk belongs to: its own code, or its commune's province in the official list. */
const provinceOf = (scope: DeskScope, units: AdminUnits): string | undefined =>
  scope.kind === "PROVINCE" ? scope.code : units.get(scope.code);

/** The rules of DESIGN §7 for one field; `label` names the field in messages ("civil-status"). */
export const createDeskPolicy = (field: WorkField, label: string): DeskPolicy => {
  const canReadAt = (caller: Caller, place: Place): boolean =>
    canSeePlace(caller, place) && worksInField(caller, field);
  const canWorkAt = (caller: Caller, place: Place): boolean => {
    switch (caller.role) {
      case Role.ADMIN:
        return true;
      case Role.COMMUNE_OFFICER:
      case Role.COMMUNE_LEADER:
        return canReadAt(caller, place);
      default:
        return false;
    }
  };
  const canReadDossier = (caller: Caller, dossier: DossierRecord): boolean => {
    if (caller.role === Role.CITIZEN)
      return caller.personalId !== undefined && caller.personalId === dossier.applicantPersonalId;
    return canReadAt(caller, dossier);
  };

  return {
    field,
    canReadAt,
    canWorkAt,
    canReadDossier,
    canWorkOnDossier: (caller, dossier) =>
      caller.role === Role.CITIZEN ? caller.personalId === dossier.applicantPersonalId : canWorkAt(caller, dossier),
    canReadRecords: (caller, personalId, places) => {
      switch (caller.role) {
        case Role.ADMIN:
          return true;
        case Role.CITIZEN:
          return caller.personalId !== undefined && caller.personalId === personalId;
        case Role.COMMUNE_OFFICER:
        case Role.COMMUNE_LEADER:
        case Role.CITY_OFFICER:
          return worksInField(caller, field) && places.some((place) => canSeePlace(caller, place));
        default:
          return false;
      }
    },
    statsAccess: (caller, scope, units) => {
      const role = requireRole(caller);
      if (role === Role.ANALYST || role === Role.ADMIN) return {};
      if (!worksInField(caller, field)) throw forbidden(`The ${label} figures are for the ${label} field`);
      if (role === Role.COMMUNE_OFFICER || role === Role.COMMUNE_LEADER) {
        if (scope.kind === "COMMUNE" && scope.code === caller.communeCode) return {};
        throw forbidden(`A desk of ${caller.communeCode ?? "no commune"} may not read the figures of ${scope.code}`);
      }
      if (role === Role.CITY_OFFICER && caller.provinceCode) {
        if (provinceOf(scope, units) !== caller.provinceCode) {
          throw forbidden(`City officers of ${caller.provinceCode} may not read the figures of ${scope.code}`);
        }
        return { restrictToProvince: caller.provinceCode };
      }
      throw forbidden(`The role ${role} may not read desk figures`);
    },
    listAccess: (caller, scope, units) => {
      const role = requireRole(caller);
      if (role === Role.ADMIN) return;
      if (!worksInField(caller, field)) throw forbidden(`The ${label} dossiers are for the ${label} field`);
      if ((role === Role.COMMUNE_OFFICER || role === Role.COMMUNE_LEADER) && scope.kind === "COMMUNE") {
        if (scope.code === caller.communeCode) return;
      }
      if (role === Role.CITY_OFFICER && caller.provinceCode) {
        if (provinceOf(scope, units) === caller.provinceCode) return;
      }
      throw forbidden(
        `A ${role} of ${caller.communeCode ?? caller.provinceCode ?? "no unit"} may not list the dossiers of ${scope.code}`,
      );
    },
    applicantListScope: (caller, personalId) => {
      switch (caller.role) {
        case Role.ADMIN:
          return { kind: "ALL" };
        case Role.CITIZEN:
          return caller.personalId === personalId ? { kind: "ALL" } : { kind: "NONE" };
        case Role.COMMUNE_OFFICER:
        case Role.COMMUNE_LEADER:
          return worksInField(caller, field) && caller.communeCode
            ? { kind: "COMMUNE", code: caller.communeCode }
            : { kind: "NONE" };
        case Role.CITY_OFFICER:
          return worksInField(caller, field) && caller.provinceCode
            ? { kind: "PROVINCE", code: caller.provinceCode }
            : { kind: "NONE" };
        default:
          return { kind: "NONE" };
      }
    },
  };
};
