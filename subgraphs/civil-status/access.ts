import { type Caller, Role, WorkField } from "../kit/caller";
import type { DossierRecord } from "../kit/dossier/entities";
import { canSeePlace, worksInField } from "../kit/guards";

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
