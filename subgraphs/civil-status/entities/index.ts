import { AuditEvent } from "../../kit/audit";
import { DOSSIER_KIT_ENTITIES } from "../../kit/dossier/entities";
import { BirthRegistration } from "./birth-registration";
import { CivilStatusCorrection } from "./civil-status-correction";
import { CivilStatusDossier } from "./civil-status-dossier";
import { DeathRegistration } from "./death-registration";
import { ExtractCopy } from "./extract-copy";
import { MaritalStatusCertificate } from "./marital-status-certificate";
import { MarriageRegistration } from "./marriage-registration";

export const civilStatusEntities = [
  CivilStatusDossier,
  BirthRegistration,
  DeathRegistration,
  MarriageRegistration,
  MaritalStatusCertificate,
  ExtractCopy,
  CivilStatusCorrection,
  ...DOSSIER_KIT_ENTITIES,
  AuditEvent,
];
