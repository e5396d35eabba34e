import { type Caller, Role, WorkField } from "../kit/caller";
import type { DossierRecord } from "../kit/dossier/entities";
import { canSeePlace, type Place, worksInField } from "../kit/guards";

/**
 * Who may read a civil-status dossier (DESIGN §7): the desk of its commune and the city officers
 * of its province, in the civil-status field; the applicant; admins. Analysts read statistics only.
 */
export const canReadDossier = (caller: Caller, dossier: DossierRecord): boolean => {
  if (caller.role === Role.CITIZEN)
    return caller.personalId !== undefined && caller.personalId === dossier.applicantPersonalId;
  return canSeePlace(caller, dossier) && worksInField(caller, WorkField.CIVIL_STATUS);
};

/** Who may work on it at the desk: its commune's officers in the field and leaders, admins; the applicant may withdraw. */
export const canWorkOnDossier = (caller: Caller, dossier: DossierRecord): boolean => {
  switch (caller.role) {
    case Role.ADMIN:
      return true;
    case Role.COMMUNE_OFFICER:
    case Role.COMMUNE_LEADER:
      return canReadDossier(caller, dossier);
    case Role.CITIZEN:
      return caller.personalId === dossier.applicantPersonalId;
    default:
      return false;
  }
};

/**
 * Who may read a person's civil-status records (DESIGN §7): the person; admins; the civil-status
 * desk of a commune that holds something of theirs (a register entry, or a dossier they filed
 * there, which is how a desk comes to serve someone from elsewhere); city officers in the field
 * when such a commune is in their province. Analysts never read records, only statistics.
 */
export const canReadCitizenRecords = (caller: Caller, personalId: string, places: readonly Place[]): boolean => {
  switch (caller.role) {
    case Role.ADMIN:
      return true;
    case Role.CITIZEN:
      return caller.personalId !== undefined && caller.personalId === personalId;
    case Role.COMMUNE_OFFICER:
    case Role.COMMUNE_LEADER:
    case Role.CITY_OFFICER:
      return worksInField(caller, WorkField.CIVIL_STATUS) && places.some((place) => canSeePlace(caller, place));
    default:
      return false;
  }
};
