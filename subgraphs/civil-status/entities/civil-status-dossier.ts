import type { DossierRecord } from "../../kit/dossier/entities";
import { civilStatusDesk } from "../desk";

/** Hồ sơ hộ tịch: a dossier for a civil-status procedure, kept in the civil-status database (the kit's desk table). */
export const CivilStatusDossier = civilStatusDesk.Dossier;
export type CivilStatusDossier = DossierRecord;
