import "reflect-metadata";

import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { type GraphQLSchema, parse } from "graphql";
import {
  type AuthChecker,
  buildSchemaSync,
  createResolversMap,
  getMetadataStorage,
  type NonEmptyArray,
  type ResolverData,
} from "type-graphql";

import type { Role } from "./caller";
import type { SubgraphContext } from "./context";
import type { ClassType } from "./database";
import { forbidden, unauthenticated } from "./errors";
import { DateScalar, DateTimeScalar } from "./scalars";

/** The Federation 2 version and directives every subgraph links. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@interfaceObject", "@listSize", "@cost"])';

/**
 * type-graphql's @Authorized(roles): no roles listed means any authenticated caller. Finer
 * rules (commune, province, fields, the person themselves) are checked in the resolver.
 */
export const authChecker: AuthChecker<SubgraphContext, Role> = ({ context }: ResolverData<SubgraphContext>, roles) => {
  const role = context.caller.role;
  if (!role) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(role)) throw forbidden(`The role ${role} may not use this field`);
  return true;
};

/** `__resolveReference` for one entity type, called once per representation: it must load(), never query. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each subgraph narrows its own reference and context
export type ReferenceResolver = (reference: any, context: any) => Promise<unknown> | unknown;

export interface FederatedSchemaOptions {
  resolvers: NonEmptyArray<ClassType>;
  orphanedTypes?: ClassType[];
  /** Reference resolvers by entity type name. Each runs only for authenticated callers. */
  references: Record<string, ReferenceResolver>;
}

/**
 * Default deny: every root field must carry @Authorized, or the service refuses to build its
 * schema. A resolver without a guard would otherwise answer anyone.
 */
const assertEveryRootFieldGuarded = (resolvers: ClassType[]): void => {
  const storage = getMetadataStorage();
  // A resolver's root fields include those it inherits from a base class (a kit base, say): a
  // handler is ours when its class is one of the resolvers or an ancestor of one.
  const ours = (target: unknown): boolean =>
    typeof target === "function" &&
    resolvers.some((resolver) => resolver === target || resolver.prototype instanceof (target as ClassType));
  const unguarded = [...storage.queries, ...storage.mutations]
    .filter((handler) => ours(handler.target) && handler.roles === undefined)
    .map((handler) => `${handler.target.name}.${handler.methodName}`);
  if (unguarded.length > 0) {
    throw new Error(`Root fields without @Authorized (default deny): ${unguarded.join(", ")}`);
  }
};

const guardReference =
  (resolve: ReferenceResolver) =>
  (reference: unknown, context: SubgraphContext): unknown => {
    if (!context.caller.role) throw unauthenticated();
    return resolve(reference, context);
  };

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes: type-graphql makes the
 * executable schema, its SDL (with @key directives) is re-read by @apollo/subgraph, which adds
 * `_service` and `_entities`, and the resolvers are carried over with the reference resolvers.
 * No I/O: composition and tests call it too.
 */
export const buildFederatedSchema = (options: FederatedSchemaOptions): GraphQLSchema => {
  const schema = buildSchemaSync({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    authChecker,
    authMode: "error",
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    skipCheck: true,
  });
  assertEveryRootFieldGuarded([...options.resolvers]);
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<SubgraphContext>;
  for (const [typeName, resolve] of Object.entries(options.references)) {
    const typeResolvers = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    typeResolvers.__resolveReference = guardReference(resolve);
    resolvers[typeName] = typeResolvers as never;
  }
  // Scalars are carried by the resolver map only when used; keep Date's strict parsing everywhere.
  if (typeDefs.definitions.some((d) => "name" in d && d.name?.value === "Date")) resolvers.Date = DateScalar as never;
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
};
