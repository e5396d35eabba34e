import type { GraphQLSchema } from "graphql";

import { buildFederatedSchema } from "../kit/federation";
import { socialDesk } from "./desk";
import {
  CitizenSocialNamespaceResolver,
  CitizenSocialResolver,
  SocialBenefitResolver,
  SocialHouseholdResolver,
} from "./resolvers/citizen.resolver";
import { SocialDeskResolver, SocialPaymentResolver, SocialPaymentRollResolver } from "./resolvers/desk.resolver";
import { SocialRegisterResolver } from "./resolvers/register.resolver";

export const SOCIAL_SUBGRAPH = "social";

export const SOCIAL_RESOLVERS = [
  ...socialDesk.resolvers,
  SocialRegisterResolver,
  CitizenSocialNamespaceResolver,
  CitizenSocialResolver,
  SocialBenefitResolver,
  SocialHouseholdResolver,
  SocialDeskResolver,
  SocialPaymentRollResolver,
  SocialPaymentResolver,
] as const;

/** The social subgraph's federated schema: no I/O, so composition and tests build it too. */
export const buildSocialSchema = (): GraphQLSchema =>
  buildFederatedSchema({
    resolvers: [...SOCIAL_RESOLVERS],
    orphanedTypes: socialDesk.orphanedTypes,
    references: socialDesk.references,
  });
