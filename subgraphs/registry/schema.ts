import type { GraphQLSchema } from "graphql";

import { buildFederatedSchema } from "../kit/federation";
import type { RegistryContext } from "./loaders";
import { CitizenResolver } from "./resolvers/citizen.resolver";
import { CommuneResolver } from "./resolvers/commune.resolver";
import { DOSSIER_TYPES, DossierResolver } from "./resolvers/dossier.resolver";
import { ProvinceResolver } from "./resolvers/province.resolver";

export const REGISTRY_SUBGRAPH = "registry";

export const REGISTRY_RESOLVERS = [ProvinceResolver, CommuneResolver, CitizenResolver, DossierResolver] as const;

/** The registry's federated schema: no I/O, so composition and tests build it too. */
export const buildRegistrySchema = (): GraphQLSchema =>
  buildFederatedSchema({
    resolvers: [...REGISTRY_RESOLVERS],
    orphanedTypes: DOSSIER_TYPES,
    references: registryReferences,
  });

/** Entities other subgraphs may reference; citizens go through the guarded, audited loader. */
export const registryReferences = {
  Province: ({ code }: { code: string }, { loaders }: RegistryContext) => loaders.province.load(code),
  Commune: ({ code }: { code: string }, { loaders }: RegistryContext) => loaders.commune.load(code),
  Citizen: async ({ personalId }: { personalId: string }, { loaders }: RegistryContext) => {
    const citizen = await loaders.citizen.load(personalId);
    if (citizen instanceof Error) throw citizen;
    return citizen;
  },
};
