import { OutboxEvent } from "../../kit/events/outbox";
import { civilStatusDesk } from "../desk";
import { BirthRegistration } from "./birth-registration";
import { CivilStatusCorrection } from "./civil-status-correction";
import { DeathRegistration } from "./death-registration";
import { ExtractCopy } from "./extract-copy";
import { MaritalStatusCertificate } from "./marital-status-certificate";
import { MarriageRegistration } from "./marriage-registration";

export const civilStatusEntities = [
  ...civilStatusDesk.entities,
  BirthRegistration,
  DeathRegistration,
  MarriageRegistration,
  MaritalStatusCertificate,
  ExtractCopy,
  CivilStatusCorrection,
  OutboxEvent,
];
