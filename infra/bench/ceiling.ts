import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";

import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";

import type { Caller } from "../../subgraphs/kit/caller";
import { loadHandoffPrivateKey, signHandoff } from "../../subgraphs/kit/handoff";

/**
 * The federation's ceiling for `npm run bench:load`: the same Apollo Gateway on the same committed
 * supergraph, over subgraphs that answer from memory — no authentication, no database, no
 * resolvers. Each "subgraph" is a replay server: the first time it sees a request it asks the real
 * subgraph (with a hand-off for the caller the load generator names in `x-replay-caller`) and keeps
 * the answer; from then on it answers from memory. So the ceiling answers the same query shapes
 * with the same data sizes, and costs only what the gateway itself costs.
 *
 *   node dist/infra/bench/ceiling.js --role replay --targets registry=http://…/graphql,… --key handoff-private.pem
 *   node dist/infra/bench/ceiling.js --role gateway --supergraph schema/supergraph.graphql --subgraphs registry=http://…,…
 *
 * Each prints one JSON line with where it listens, then serves until killed.
 */

const pairs = (raw: string): Map<string, string> =>
  new Map(
    raw.split(",").map((item) => {
      const at = item.indexOf("=");
      return [item.slice(0, at), item.slice(at + 1)] as [string, string];
    }),
  );

const bodyOf = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });

/** The cache key of a subgraph request: its document, and its variables unless it writes (new ids each time). */
const keyOf = (body: string): string => {
  const parsed = JSON.parse(body) as { query: string; variables?: unknown };
  return /^\s*mutation\b/.test(parsed.query)
    ? parsed.query
    : `${parsed.query}\n${JSON.stringify(parsed.variables ?? {})}`;
};

const replay = async (targets: Map<string, string>, keyFile: string): Promise<Record<string, string>> => {
  const key = await loadHandoffPrivateKey(keyFile);
  const urls: Record<string, string> = {};
  for (const [name, target] of targets) {
    const answers = new Map<string, Promise<string>>();
    const server = createServer((req, res) => {
      void (async () => {
        const body = await bodyOf(req);
        const cacheKey = keyOf(body);
        let answer = answers.get(cacheKey);
        if (!answer) {
          const caller = JSON.parse(String(req.headers["x-replay-caller"] ?? "{}")) as Caller;
          answer = (async () => {
            const token = await signHandoff(key, name, { caller, requestId: "bench-ceiling" }, 60);
            const real = await fetch(target, {
              method: "POST",
              headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
              body,
            });
            return real.text();
          })();
          answers.set(cacheKey, answer);
        }
        const text = await answer;
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
        res.end(text);
      })().catch((error: unknown) => {
        res.writeHead(502, { "content-type": "text/plain" });
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    urls[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  return urls;
};

const gateway = async (supergraphFile: string, subgraphs: Map<string, string>): Promise<string> => {
  const apollo = new ApolloServer<{ caller: string }>({
    gateway: new ApolloGateway({
      supergraphSdl: readFileSync(supergraphFile, "utf8"),
      buildService: ({ name }) =>
        new RemoteGraphQLDataSource<{ caller: string }>({
          url: subgraphs.get(name),
          willSendRequest: ({ request, context }) => {
            request.http?.headers.set("x-replay-caller", context.caller ?? "{}");
          },
        }),
    }),
    csrfPrevention: false,
  });
  const { url } = await startStandaloneServer(apollo, {
    listen: { port: 0, host: "127.0.0.1" },
    context: async ({ req }) => ({ caller: String(req.headers["x-replay-caller"] ?? "{}") }),
  });
  return url.replace("localhost", "127.0.0.1");
};

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      role: { type: "string" },
      targets: { type: "string" },
      key: { type: "string" },
      supergraph: { type: "string" },
      subgraphs: { type: "string" },
    },
  });
  const started =
    values.role === "replay"
      ? replay(pairs(values.targets!), values.key!).then((urls) => ({ urls }))
      : gateway(values.supergraph!, pairs(values.subgraphs!)).then((url) => ({ url }));
  started.then(
    (where) => process.stdout.write(`${JSON.stringify(where)}\n`),
    (error: unknown) => {
      process.stderr.write(`ceiling: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
