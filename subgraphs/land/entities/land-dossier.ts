import type { DossierRecord } from "../../kit/dossier/entities";
import { landDesk } from "../desk";

/** Hồ sơ địa chính – xây dựng: a dossier for a land or construction procedure (the kit's desk table). */
export const LandDossier = landDesk.Dossier;
export type LandDossier = DossierRecord;
