import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import { type FieldNode, type GraphQLFormattedError, Kind, parse, type SelectionSetNode } from "graphql";

import type { Caller } from "../subgraphs/kit/caller";
import { HandoffTokenCache } from "../subgraphs/kit/handoff";

export interface GatewayContext {
  caller: Caller;
  requestId: string;
}

type SigningKey = ConstructorParameters<typeof HandoffTokenCache>[0];
type Response = Awaited<ReturnType<RemoteGraphQLDataSource["process"]>>;

/** Stable codes for a field that could not be fetched (DESIGN §10), never with an internal address. */
export type SubgraphFailureCode = "SUBGRAPH_UNAVAILABLE" | "SUBGRAPH_TIMEOUT";

/** A subgraph refused the request with an HTTP error but said why in GraphQL errors (bad variables, say). */
class SubgraphAnswer extends Error {
  constructor(readonly errors: GraphQLFormattedError[]) {
    super("the subgraph answered with errors");
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The response keys a fetch asked for, at the top of its operation or under `_entities`. */
const requestedKeys = (query: string): { entities: boolean; keys: string[] } => {
  const operation = parse(query).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return { entities: false, keys: [] };
  const fields = (set: SelectionSetNode | undefined): FieldNode[] =>
    (set?.selections ?? []).flatMap((selection) =>
      selection.kind === Kind.FIELD
        ? [selection]
        : selection.kind === Kind.INLINE_FRAGMENT
          ? fields(selection.selectionSet)
          : [],
    );
  const keyOf = (field: FieldNode) => field.alias?.value ?? field.name.value;
  const top = fields(operation.selectionSet);
  const entities = top.find((field) => field.name.value === "_entities");
  const keys = (entities ? fields(entities.selectionSet) : top)
    .filter((field) => field.name.value !== "__typename")
    .map(keyOf);
  return { entities: Boolean(entities), keys: [...new Set(keys)] };
};

/**
 * Calls one subgraph with a hand-off token made for it alone (audience = subgraph name), the
 * caller's, reused while fresh, and the request's id beside it. Nothing the client sent is
 * forwarded: identity reaches subgraphs only inside the signed token.
 *
 * Every call is bounded (DESIGN §10): a subgraph that does not answer within `timeoutMs` costs only
 * the fields this fetch was for. A failed fetch answers with one error per field it cost, on that
 * field's path, with a stable code (SUBGRAPH_TIMEOUT or SUBGRAPH_UNAVAILABLE) and the service's
 * name, never its address; the rest of the answer stands.
 */
export class HandoffDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly tokens: HandoffTokenCache;

  constructor(
    url: string,
    private readonly subgraph: string,
    privateKey: SigningKey,
    ttlSeconds: number,
    private readonly timeoutMs: number,
  ) {
    super({
      url,
      fetcher: ((input: string, init: RequestInit) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as never,
    });
    this.tokens = new HandoffTokenCache(privateKey, subgraph, ttlSeconds);
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const caller = context.caller;
    const requestId = context.requestId;
    if (!caller || !requestId) return; // the gateway's own health queries carry no caller
    const token = await this.tokens.tokenFor(caller);
    request.http?.headers.set("authorization", `Bearer ${token}`);
    request.http?.headers.set("x-request-id", requestId);
  }

  /** A refusal that carries GraphQL errors is the subgraph's answer: pass those on, not the HTTP status. */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource["errorFromResponse"]>[0]) {
    const body = await this.parseBody(response).catch(() => undefined);
    if (isObject(body) && Array.isArray(body.errors) && body.errors.length > 0) {
      return new SubgraphAnswer(body.errors as GraphQLFormattedError[]) as never;
    }
    return super.errorFromResponse(response);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<Response> {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof SubgraphAnswer) return { errors: error.errors };
      // The gateway's own health checks keep the error as it is; a client's operation gets paths and codes.
      if ((options.kind as string) !== "incoming operation") throw error;
      return { errors: this.failure(error, options) };
    }
  }

  /** One error per field the failed fetch was for, on its path. */
  private failure(error: unknown, options: GraphQLDataSourceProcessOptions<GatewayContext>): GraphQLFormattedError[] {
    // By name, not class: the abort comes as a DOMException, from whichever realm made the signal.
    const name = typeof error === "object" && error !== null ? (error as { name?: unknown }).name : undefined;
    const timedOut = name === "TimeoutError" || name === "AbortError";
    const code: SubgraphFailureCode = timedOut ? "SUBGRAPH_TIMEOUT" : "SUBGRAPH_UNAVAILABLE";
    const message = timedOut
      ? `The ${this.subgraph} service did not answer within ${this.timeoutMs / 1000} s`
      : `The ${this.subgraph} service is unavailable`;
    const extensions = { code, service: this.subgraph };
    const { entities, keys } = requestedKeys(options.request.query ?? "");
    if (keys.length === 0) return [{ message, extensions }];
    if (!entities) return keys.map((key) => ({ message, path: [key], extensions }));
    const representations = options.request.variables?.representations;
    const count = Array.isArray(representations) ? representations.length : 0;
    return Array.from({ length: count }, (_, index) =>
      keys.map((key) => ({ message, path: ["_entities", index, key], extensions })),
    ).flat();
  }
}
