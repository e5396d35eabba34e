import type { GraphQLSchema } from "graphql";

import { notFound } from "../kit/errors";
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

/**
 * Entities other subgraphs may reference; citizens go through the guarded, audited loader. A key
 * the registry does not hold is NOT_FOUND on the referencing field's path, never a silent null: a
 * dossier may name a person the population reference has not learnt of yet (a newborn, someone
 * registered elsewhere), and its desk list must say so rather than drop the row or the list.
 */
export const registryReferences = {
  Province: async ({ code }: { code: string }, { loaders }: RegistryContext) =>
    (await loaders.province.load(code)) ?? Promise.reject(notFound("Province", code, "code")),
  Commune: async ({ code }: { code: string }, { loaders }: RegistryContext) =>
    (await loaders.commune.load(code)) ?? Promise.reject(notFound("Commune", code, "code")),
  Citizen: async ({ personalId }: { personalId: string }, { loaders }: RegistryContext) => {
    const citizen = await loaders.citizen.load(personalId);
    if (citizen instanceof Error) throw citizen;
    if (!citizen) {
      throw notFound("Citizen", personalId, "personalId");
    }
    return citizen;
  },
};
