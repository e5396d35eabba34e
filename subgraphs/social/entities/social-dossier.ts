import type { DossierRecord } from "../../kit/dossier/entities";
import { socialDesk } from "../desk";

/** Hồ sơ văn hóa – xã hội: a dossier for a social-affairs procedure (the kit's desk table). */
export const SocialDossier = socialDesk.Dossier;
export type SocialDossier = DossierRecord;
