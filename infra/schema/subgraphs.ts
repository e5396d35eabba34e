import type { GraphQLSchema } from "graphql";

import { SUBGRAPH_MANIFEST } from "../../subgraphs/kit/manifest";
import { schemaBuilderOf } from "../manifest";

export interface SubgraphDefinition {
  name: string;
  /** The routing URL written into the supergraph; the gateway's *_URL settings override it. */
  url: string;
  build: () => GraphQLSchema;
}

/** Every subgraph in the supergraph, in composition order: the manifest's (subgraphs/kit/manifest.ts). */
export const SUBGRAPHS: SubgraphDefinition[] = SUBGRAPH_MANIFEST.map((entry) => ({
  name: entry.name,
  url: `http://127.0.0.1:${entry.port}/graphql`,
  build: schemaBuilderOf(entry),
}));
