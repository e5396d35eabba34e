import { type Caller, Role } from "../kit/caller";
import { canSeePlace, type Place } from "../kit/guards";

/**
 * Reading one citizen by exact personalId (DESIGN §7): officers and leaders of any commune may,
 * since a procedure can be filed at any commune; city officers for residents of their province;
 * a citizen only themselves; analysts never.
 */
export const canSeeCitizenById = (caller: Caller, personalId: string, residence: Place): boolean => {
  switch (caller.role) {
    case Role.ADMIN:
    case Role.COMMUNE_OFFICER:
    case Role.COMMUNE_LEADER:
      return true;
    case Role.CITIZEN:
      return caller.personalId !== undefined && caller.personalId === personalId;
    case Role.CITY_OFFICER:
      return canSeePlace(caller, residence);
    default:
      return false;
  }
};

/** Who may search residents, and of what: officers and leaders their own commune, city officers their province. */
export const SEARCHING_ROLES = [Role.COMMUNE_OFFICER, Role.COMMUNE_LEADER, Role.CITY_OFFICER, Role.ADMIN];
