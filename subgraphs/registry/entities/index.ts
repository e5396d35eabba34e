import { AuditEvent } from "../../kit/audit";
import { Citizen } from "./citizen";
import { Commune } from "./commune";
import { FormerCommune } from "./former-commune";
import { Province } from "./province";

export const registryEntities = [Province, Commune, FormerCommune, Citizen, AuditEvent];
