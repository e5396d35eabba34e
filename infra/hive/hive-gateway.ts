import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { createGatewayRuntime, type GatewayPlugin } from "@graphql-hive/gateway-runtime";
import * as httpTransport from "@graphql-mesh/transport-http";
import { getOperationAST, parse } from "graphql";

import type { ClientTokenVerifier } from "../../gateway/auth";
import { checkOperation, checkOperationResolved, type LimitConfig, listSizesOf } from "../../gateway/limits";
import type { Caller } from "../../subgraphs/kit/caller";
import { loadHandoffPrivateKey, signHandoff } from "../../subgraphs/kit/handoff";
import { HttpError } from "../../subgraphs/kit/http";

export interface HiveGatewayOptions {
  /** The composed supergraph, read as it is: the same file our own gateway serves. */
  supergraphFile: string;
  /** Where each subgraph listens, by its name in the supergraph; replaces the supergraph's URL. */
  subgraphUrls: Record<string, string>;
  /** The gateway's ES256 hand-off signing key, the one our own gateway signs with. */
  handoffPrivateKeyFile: string;
  /** How a client's bearer token is checked: the same verifier our own gateway uses. */
  verifier: ClientTokenVerifier;
  /** Our gateway's request limits (depth, aliases, directives, tokens, page sizes, cost), applied alike. */
  limits: LimitConfig;
  handoffTtlSeconds: number;
  host?: string;
  port?: number;
}

export interface RunningHiveGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:41234/graphql. */
  url: string;
  /** The supergraph SDL exactly as read from the file and handed to the runtime. */
  supergraphSdl: string;
  close(): Promise<void>;
}

interface Identity {
  caller: Caller;
  requestId: string;
}

/** The subgraph names a supergraph declares in its `join__Graph` enum. */
const subgraphNamesOf = (supergraphSdl: string): string[] =>
  [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((match) => match[1]);

/**
 * Hive Gateway's runtime on our supergraph, as a second gateway engine beside @apollo/gateway:
 * it plans and executes over the committed file with no change to it. The hub's rules stay ours,
 * as they are at our gateway: a caller is authenticated from their bearer token with our
 * verifier (a bad token is a 401 before any planning), and each subgraph fetch carries a
 * hand-off token signed for that subgraph alone (audience = its name), with the caller's claims
 * and the request id. Nothing else the client sent reaches a subgraph. Our request limits run
 * before any subgraph is called, as at our gateway: without them one nested query over lists
 * asks for billions of objects, and the engine has no cost limit of its own.
 */
export const startHiveGateway = async (options: HiveGatewayOptions): Promise<RunningHiveGateway> => {
  const supergraphSdl = readFileSync(options.supergraphFile, "utf8");
  const declared = subgraphNamesOf(supergraphSdl);
  const unknown = Object.keys(options.subgraphUrls).filter((name) => !declared.includes(name));
  if (unknown.length > 0) throw new Error(`The supergraph has no subgraph named ${unknown.join(", ")}`);
  const privateKey = await loadHandoffPrivateKey(options.handoffPrivateKeyFile);
  const listSizes = listSizesOf(supergraphSdl);

  // One identity per client request, shared by all of its subgraph fetches; the map lets go of
  // it with the request.
  const identities = new WeakMap<Request, Promise<Identity>>();
  const identityOf = (request: Request): Promise<Identity> => {
    let identity = identities.get(request);
    if (!identity) {
      identity = options.verifier
        .verify(request.headers.get("authorization") ?? undefined)
        .then((caller) => ({ caller, requestId: randomUUID() }));
      identities.set(request, identity);
    }
    return identity;
  };

  const authenticate: GatewayPlugin = {
    onRequest: async ({ request, url, endResponse, fetchAPI }) => {
      if (url.pathname !== "/graphql") return;
      try {
        await identityOf(request);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] }),
            {
              status: error.status,
              headers: {
                "content-type": "application/json; charset=utf-8",
                ...(error.status === 401 ? { "www-authenticate": "Bearer" } : {}),
              },
            },
          ),
        );
      }
    },
  };

  const limit: GatewayPlugin = {
    onParse: ({ setParseFn }) => {
      setParseFn((source, parseOptions) => parse(source, { ...parseOptions, maxTokens: options.limits.maxTokens }));
    },
    onExecute: ({ args }) => {
      const operationName = args.operationName ?? undefined;
      const operation = checkOperationResolved(
        args.schema,
        getOperationAST(args.document, operationName) ?? undefined,
        operationName,
      );
      checkOperation(options.limits, args.schema, args.document, operation, args.variableValues ?? {}, listSizes);
    },
  };

  const runtime = createGatewayRuntime({
    supergraph: supergraphSdl,
    transports: { http: httpTransport },
    transportEntries: Object.fromEntries(
      Object.entries(options.subgraphUrls).map(([name, location]) => [name, { location }]),
    ),
    propagateHeaders: {
      fromClientToSubgraphs: async ({ request, subgraphName }) => {
        const { caller, requestId } = await identityOf(request);
        const token = await signHandoff(privateKey, subgraphName, { caller, requestId }, options.handoffTtlSeconds);
        return { authorization: `Bearer ${token}`, "x-request-id": requestId };
      },
    },
    plugins: () => [authenticate, limit],
    graphqlEndpoint: "/graphql",
    graphiql: false,
    landingPage: false,
    logging: "error",
  });

  const server = createServer(runtime);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}/graphql`,
    supergraphSdl,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await runtime.dispose();
    },
  };
};
