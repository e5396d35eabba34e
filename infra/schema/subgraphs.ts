import type { GraphQLSchema } from "graphql";

import { buildCivilStatusSchema, CIVIL_STATUS_SUBGRAPH } from "../../subgraphs/civil-status/schema";
import { buildRegistrySchema, REGISTRY_SUBGRAPH } from "../../subgraphs/registry/schema";

export interface SubgraphDefinition {
  name: string;
  /** The routing URL written into the supergraph; the gateway's *_URL settings override it. */
  url: string;
  build: () => GraphQLSchema;
}

/** Every subgraph in the supergraph, in composition order. Adding a subgraph starts here. */
export const SUBGRAPHS: SubgraphDefinition[] = [
  { name: REGISTRY_SUBGRAPH, url: "http://127.0.0.1:4001/graphql", build: buildRegistrySchema },
  { name: CIVIL_STATUS_SUBGRAPH, url: "http://127.0.0.1:4002/graphql", build: buildCivilStatusSchema },
];
