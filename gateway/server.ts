import { readFileSync } from "node:fs";

import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";

import { loadHandoffPrivateKey } from "../subgraphs/kit/handoff";
import { type HttpService, startHttpService } from "../subgraphs/kit/http";
import { log } from "../subgraphs/kit/logger";
import { formatError } from "../subgraphs/kit/service";
import { type ClientTokenVerifier, devTokenVerifier, jwksTokenVerifier } from "./auth";
import { type GatewayConfig, subgraphUrlsOf } from "./config";
import { dashboardRoutes } from "./dashboard";
import { exportRoutes } from "./export";
import { graphiqlRoutes } from "./graphiql";
import { type GatewayContext, HandoffDataSource } from "./handoff-data-source";
import { introspectionPolicy } from "./introspection";
import { listSizesOf, requestLimits } from "./limits";

export interface RunningGateway extends HttpService {
  stop(graceMs?: number): Promise<void>;
}

const readyUrl = (graphqlUrl: string): string => new URL("/ready", graphqlUrl).toString();

/**
 * Are all subgraphs ready, their databases reachable? The gateway is ready only when it can answer
 * everywhere; each check is bounded, so a hung subgraph makes the gateway not ready, not stuck.
 */
const subgraphsReady = async (urls: string[], timeoutMs: number): Promise<boolean> => {
  const answers = await Promise.all(
    urls.map((url) =>
      fetch(readyUrl(url), { signal: AbortSignal.timeout(timeoutMs) }).then(
        (res) => res.ok,
        () => false,
      ),
    ),
  );
  return answers.every(Boolean);
};

/**
 * Apollo Server refuses an automatic persisted query whose hash does not match its text with a 400
 * and no code of its own (so INTERNAL_SERVER_ERROR by default): give it the code it deserves.
 */
const withStableCode = (formatted: GraphQLFormattedError): GraphQLFormattedError =>
  formatted.message === "provided sha does not match query" &&
  [undefined, "INTERNAL_SERVER_ERROR"].includes(formatted.extensions?.code as string | undefined)
    ? { ...formatted, extensions: { ...formatted.extensions, code: "PERSISTED_QUERY_HASH_MISMATCH" } }
    : formatted;

const clientVerifier = (config: GatewayConfig): ClientTokenVerifier => {
  if (config.nodeEnv === "production") {
    return jwksTokenVerifier(
      { jwksFile: config.jwksFile, jwksUrl: config.jwksUrl },
      config.jwtIssuer as string,
      config.jwtAudience as string,
    );
  }
  return devTokenVerifier(config.devJwtSecret);
};

/** The gateway: verifies the caller, plans over the static supergraph, hands each subgraph its own token. */
export const startGateway = async (config: GatewayConfig): Promise<RunningGateway> => {
  const production = config.nodeEnv === "production";
  const supergraphSdl = readFileSync(config.supergraphFile, "utf8");
  const privateKey = await loadHandoffPrivateKey(config.handoffPrivateKeyFile);
  const urls = subgraphUrlsOf(config);
  const verifier = clientVerifier(config);

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const target = urls[name] ?? url;
      if (!target) throw new Error(`No URL configured for subgraph ${name}`);
      return new HandoffDataSource(target, name, privateKey, config.handoffTtlSeconds, config.subgraphTimeoutMs);
    },
  });
  const limits = requestLimits(config, listSizesOf(supergraphSdl));
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [introspectionPolicy(production), ...limits.plugins],
    // Production answers say what went wrong, never what the schema holds ("Did you mean …").
    hideSchemaDetailsFromClientErrors: production,
    introspection: true,
    includeStacktraceInErrorResponses: !production,
    formatError: (formatted, error) => formatError(production)(withStableCode(formatted), error),
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Shutdown is ours (stopOnSignals): drain HTTP first, then stop Apollo.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const graphiql = graphiqlRoutes(config);
  // The CSV exports read the gateway's own public endpoint with the caller's token: its URL is
  // known once the server listens, before any request can arrive.
  let ownUrl = "";
  const dashboard = dashboardRoutes(config, exportRoutes({ graphqlUrl: () => ownUrl }));

  const http = await startHttpService<GatewayContext, GatewayContext["caller"]>(
    {
      name: "gateway",
      apollo,
      maxBodyBytes: config.maxBodyBytes,
      authenticate: ({ headers }) =>
        verifier.verify(Array.isArray(headers.authorization) ? headers.authorization[0] : headers.authorization),
      context: async (caller, { requestId }) => ({ caller, requestId }),
      ready: () => subgraphsReady(Object.values(urls), config.readinessTimeoutMs),
      metrics: () => ({}),
      routes: (req, res, url) => graphiql(req, res, url) || dashboard(req, res, url),
      corsOrigins: config.corsOrigins,
    },
    config.port,
    config.host,
  );
  ownUrl = http.url;
  log.info("gateway listening", { url: http.url, subgraphs: urls });
  return {
    ...http,
    stop: async (graceMs) => {
      await http.close(graceMs);
      await apollo.stop();
    },
  };
};
