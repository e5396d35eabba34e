import type { GraphQLSchema } from "graphql";

import { buildFederatedSchema } from "../kit/federation";
import type { CivilStatusContext } from "./loaders";
import { CitizenCivilStatusResolver, CitizenNamespaceResolver } from "./resolvers/citizen.resolver";
import { CitizenRef } from "./resolvers/citizen-ref";
import {
  CivilStatusDeskDossiersResolver,
  CivilStatusDeskResolver,
  CommuneDeskResolver,
  CommuneWithCivilStatus,
  ProvinceDeskResolver,
  ProvinceWithCivilStatus,
} from "./resolvers/desk.resolver";
import { CivilStatusDossierResolver } from "./resolvers/dossier.resolver";
import {
  BirthRegistrationResolver,
  DeathRegistrationResolver,
  MarriageRegistrationResolver,
  RegisterResolver,
} from "./resolvers/register.resolver";

export const CIVIL_STATUS_SUBGRAPH = "civil-status";

export const CIVIL_STATUS_RESOLVERS = [
  CivilStatusDossierResolver,
  CommuneDeskResolver,
  ProvinceDeskResolver,
  CivilStatusDeskResolver,
  CivilStatusDeskDossiersResolver,
  RegisterResolver,
  BirthRegistrationResolver,
  MarriageRegistrationResolver,
  DeathRegistrationResolver,
  CitizenNamespaceResolver,
  CitizenCivilStatusResolver,
] as const;

/** Entities other subgraphs may reference; dossiers go through the guarded, audited loader. */
export const civilStatusReferences = {
  // Units are the registry's; here they only carry the desks, whose fields check the caller.
  Commune: ({ code }: { code: string }) => ({ code }),
  Province: ({ code }: { code: string }) => ({ code }),
  // A citizen is the registry's; here only the key, and `civilStatus` decides who may read what.
  Citizen: ({ personalId }: { personalId: string }) => CitizenRef.of(personalId),
  CivilStatusDossier: async ({ code }: { code: string }, { loaders }: CivilStatusContext) => {
    const dossier = await loaders.dossier.load(code);
    if (dossier instanceof Error) throw dossier;
    return dossier;
  },
};

/** The civil-status subgraph's federated schema: no I/O, so composition and tests build it too. */
export const buildCivilStatusSchema = (): GraphQLSchema =>
  buildFederatedSchema({
    resolvers: [...CIVIL_STATUS_RESOLVERS],
    // Reached only through `_entities`: the desks hang off the registry's units.
    orphanedTypes: [CommuneWithCivilStatus, ProvinceWithCivilStatus],
    references: civilStatusReferences,
  });
