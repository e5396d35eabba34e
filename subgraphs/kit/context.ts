import type { Caller } from "./caller";
import type { Database } from "./database";

/** What every resolver of every subgraph receives; loaders are the subgraph's own, made per request. */
export interface SubgraphContext<TLoaders = unknown> {
  caller: Caller;
  requestId: string;
  database: Database;
  loaders: TLoaders;
}
