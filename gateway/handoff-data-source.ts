import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";

import type { Caller } from "../subgraphs/kit/caller";
import { signHandoff } from "../subgraphs/kit/handoff";

export interface GatewayContext {
  caller: Caller;
  requestId: string;
}

type SigningKey = Parameters<typeof signHandoff>[0];

/**
 * Calls one subgraph with a hand-off token made for it alone (audience = subgraph name). Nothing
 * the client sent is forwarded: identity reaches subgraphs only inside the signed token.
 */
export class HandoffDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly subgraph: string,
    private readonly privateKey: SigningKey,
    private readonly ttlSeconds: number,
  ) {
    super({ url });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const caller = context.caller;
    const requestId = context.requestId;
    if (!caller || !requestId) return; // the gateway's own health queries carry no caller
    const token = await signHandoff(this.privateKey, this.subgraph, { caller, requestId }, this.ttlSeconds);
    request.http?.headers.set("authorization", `Bearer ${token}`);
    request.http?.headers.set("x-request-id", requestId);
  }
}
