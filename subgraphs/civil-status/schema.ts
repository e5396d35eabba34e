import type { GraphQLSchema } from "graphql";

import { buildFederatedSchema } from "../kit/federation";
import { civilStatusDesk } from "./desk";
import { CitizenCivilStatusResolver, CitizenNamespaceResolver } from "./resolvers/citizen.resolver";
import { CivilStatusDossierResultResolver } from "./resolvers/dossier.resolver";
import {
  BirthRegistrationResolver,
  DeathRegistrationResolver,
  MarriageRegistrationResolver,
  RegisterResolver,
} from "./resolvers/register.resolver";

export const CIVIL_STATUS_SUBGRAPH = "civil-status";

export const CIVIL_STATUS_RESOLVERS = [
  ...civilStatusDesk.resolvers,
  CivilStatusDossierResultResolver,
  RegisterResolver,
  BirthRegistrationResolver,
  MarriageRegistrationResolver,
  DeathRegistrationResolver,
  CitizenNamespaceResolver,
  CitizenCivilStatusResolver,
] as const;

/** The civil-status subgraph's federated schema: no I/O, so composition and tests build it too. */
export const buildCivilStatusSchema = (): GraphQLSchema =>
  buildFederatedSchema({
    resolvers: [...CIVIL_STATUS_RESOLVERS],
    orphanedTypes: civilStatusDesk.orphanedTypes,
    references: civilStatusDesk.references,
  });
