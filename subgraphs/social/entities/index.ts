import { CONSUMER_ENTITIES } from "../../kit/events/consumer";
import { socialDesk } from "../desk";
import {
  DisabilityCertificate,
  FuneralSupport,
  SocialBenefit,
  SocialHousehold,
  SocialHouseholdMember,
  SocialPayment,
  SocialPerson,
  SocialRollClosure,
} from "./register";

export const socialEntities = [
  ...socialDesk.entities,
  SocialPerson,
  SocialBenefit,
  SocialPayment,
  SocialRollClosure,
  SocialHousehold,
  SocialHouseholdMember,
  DisabilityCertificate,
  FuneralSupport,
  ...CONSUMER_ENTITIES,
];
