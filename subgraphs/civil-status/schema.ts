import type { GraphQLSchema } from "graphql";

import { buildFederatedSchema } from "../kit/federation";
import type { CivilStatusContext } from "./loaders";
import {
  CivilStatusDeskResolver,
  CommuneDeskResolver,
  CommuneWithCivilStatus,
  ProvinceDeskResolver,
  ProvinceWithCivilStatus,
} from "./resolvers/desk.resolver";
import { CivilStatusDossierResolver } from "./resolvers/dossier.resolver";

export const CIVIL_STATUS_SUBGRAPH = "civil-status";

export const CIVIL_STATUS_RESOLVERS = [
  CivilStatusDossierResolver,
  CommuneDeskResolver,
  ProvinceDeskResolver,
  CivilStatusDeskResolver,
] as const;

/** Entities other subgraphs may reference; dossiers go through the guarded, audited loader. */
export const civilStatusReferences = {
  // Units are the registry's; here they only carry the desks, whose fields check the caller.
  Commune: ({ code }: { code: string }) => ({ code }),
  Province: ({ code }: { code: string }) => ({ code }),
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
