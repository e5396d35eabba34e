import { AuditEvent } from "../../kit/audit";
import { CONSUMER_ENTITIES } from "../../kit/events/consumer";
import { Citizen } from "./citizen";
import { Commune } from "./commune";
import { FormerCommune } from "./former-commune";
import { Province } from "./province";

export const registryEntities = [Province, Commune, FormerCommune, Citizen, AuditEvent, ...CONSUMER_ENTITIES];
