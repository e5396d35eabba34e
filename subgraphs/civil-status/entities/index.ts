import { AuditEvent } from "../../kit/audit";
import { DOSSIER_KIT_ENTITIES } from "../../kit/dossier/entities";
import { CivilStatusDossier } from "./civil-status-dossier";

export const civilStatusEntities = [CivilStatusDossier, ...DOSSIER_KIT_ENTITIES, AuditEvent];
