import { resolve } from "node:path";

import { Authorized, Query, Resolver } from "type-graphql";

import { composeSchema, staleSchemaFiles } from "../../infra/schema/compose";
import { SUBGRAPHS } from "../../infra/schema/subgraphs";
import { buildFederatedSchema } from "../../subgraphs/kit/federation";
import { SUBGRAPH_MANIFEST } from "../../subgraphs/kit/manifest";
import { REGISTRY_RESOLVERS, registryReferences } from "../../subgraphs/registry/schema";
import { REPO_ROOT } from "../support/repo";

const SCHEMA_DIR = resolve(REPO_ROOT, "schema");

@Resolver()
class ExtraResolver {
  @Authorized()
  @Query(() => String, { nullable: true })
  extra(): string | null {
    return null;
  }
}

describe("schema > check", () => {
  it("finds the committed SDL and supergraph equal to what the code composes", () => {
    // The committed schema/ is the lock file of the API: it must match the code exactly.
    const composed = composeSchema();
    expect([...composed.files.keys()].sort()).toEqual(
      [...SUBGRAPH_MANIFEST.map((entry) => `${entry.name}.graphql`), "supergraph.graphql"].sort(),
    );
    expect(staleSchemaFiles(composed, SCHEMA_DIR)).toEqual([]);
  });

  it("fails when a field is added to a subgraph without recomposing", () => {
    // A developer adds Query.extra to the registry and forgets `npm run schema:compose`.
    const changed = SUBGRAPHS.map((subgraph) =>
      subgraph.name !== "registry"
        ? subgraph
        : {
            ...subgraph,
            build: () =>
              buildFederatedSchema({ resolvers: [...REGISTRY_RESOLVERS, ExtraResolver], references: registryReferences }),
          },
    );
    expect(staleSchemaFiles(composeSchema(changed), SCHEMA_DIR)).toEqual(["registry.graphql", "supergraph.graphql"]);
  });

  it("routes every subgraph of the supergraph to its default port", () => {
    // The composed supergraph names each subgraph's URL; deployments override them by setting.
    const supergraph = composeSchema().files.get("supergraph.graphql")!;
    expect(supergraph).toContain('REGISTRY @join__graph(name: "registry", url: "http://127.0.0.1:4001/graphql")');
  });
});
