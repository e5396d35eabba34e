import type { GraphQLSchema } from "graphql";

import { buildFederatedSchema } from "../kit/federation";
import { landDesk } from "./desk";
import { CitizenLandNamespaceResolver, CitizenLandResolver, LandRightResolver } from "./resolvers/citizen.resolver";
import { LandDeceasedHoldingResolver, LandDeskResolver } from "./resolvers/desk.resolver";
import { LandDossierResultResolver } from "./resolvers/dossier.resolver";
import { LandEncumbranceResolver } from "./resolvers/encumbrance.resolver";
import {
  ConstructionPermitResolver,
  LandCertificateHolderResolver,
  LandCertificateResolver,
  LandParcelResolver,
} from "./resolvers/parcel.resolver";
import { LandRegisterResolver } from "./resolvers/register.resolver";

export const LAND_SUBGRAPH = "land";

export const LAND_RESOLVERS = [
  ...landDesk.resolvers,
  LandDossierResultResolver,
  LandRegisterResolver,
  LandEncumbranceResolver,
  LandParcelResolver,
  LandCertificateResolver,
  LandCertificateHolderResolver,
  ConstructionPermitResolver,
  CitizenLandNamespaceResolver,
  CitizenLandResolver,
  LandRightResolver,
  LandDeskResolver,
  LandDeceasedHoldingResolver,
] as const;

/** The land subgraph's federated schema: no I/O, so composition and tests build it too. */
export const buildLandSchema = (): GraphQLSchema =>
  buildFederatedSchema({
    resolvers: [...LAND_RESOLVERS],
    orphanedTypes: landDesk.orphanedTypes,
    references: landDesk.references,
  });
