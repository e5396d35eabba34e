import type { Caller } from "./caller";
import type { Database } from "./database";

/**
 * What every resolver of every subgraph receives: loaders are the subgraph's own, made per
 * request; services are shared by every request of the process (the working-day calendar, say).
 */
export interface SubgraphContext<TLoaders = unknown, TServices = unknown> {
  caller: Caller;
  requestId: string;
  database: Database;
  loaders: TLoaders;
  services: TServices;
}
