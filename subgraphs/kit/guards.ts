import { type Caller, Role, type WorkField } from "./caller";
import { forbidden, unauthenticated } from "./errors";

/** Where a piece of data lives: the commune and its province. */
export interface Place {
  communeCode: string;
  provinceCode: string;
}

/** Throws UNAUTHENTICATED for an anonymous caller; returns the role otherwise. */
export const requireRole = (caller: Caller): Role => {
  if (!caller.role) throw unauthenticated();
  return caller.role;
};

/**
 * May the caller see records kept at this place (DESIGN §7)? Officers and leaders: their own
 * commune; city officers: every commune of their province; admins: everywhere. Citizens and
 * analysts never see records by place (citizens see their own by identity, analysts aggregates).
 */
export const canSeePlace = (caller: Caller, place: Place): boolean => {
  switch (caller.role) {
    case Role.ADMIN:
      return true;
    case Role.COMMUNE_OFFICER:
    case Role.COMMUNE_LEADER:
      return caller.communeCode !== undefined && caller.communeCode === place.communeCode;
    case Role.CITY_OFFICER:
      return caller.provinceCode !== undefined && caller.provinceCode === place.provinceCode;
    default:
      return false;
  }
};

/** Officers and city officers work only in their assigned fields; leaders and admins in all. */
export const worksInField = (caller: Caller, field: WorkField): boolean => {
  switch (caller.role) {
    case Role.ADMIN:
    case Role.COMMUNE_LEADER:
      return true;
    case Role.COMMUNE_OFFICER:
    case Role.CITY_OFFICER:
      return caller.fields.includes(field);
    default:
      return false;
  }
};

export const requirePlace = (caller: Caller, place: Place, what: string): void => {
  requireRole(caller);
  if (!canSeePlace(caller, place)) {
    throw forbidden(
      `A ${caller.role} of ${caller.communeCode ?? caller.provinceCode ?? "no unit"} may not see ${what}`,
    );
  }
};

/** Roles that may read personal data at all; analysts work on aggregates only. */
export const readsPersonalData = (caller: Caller): boolean => caller.role !== undefined && caller.role !== Role.ANALYST;
