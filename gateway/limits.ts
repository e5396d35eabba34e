import type { ApolloServerPlugin } from "@apollo/server";
import {
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  type GraphQLArgument,
  GraphQLError,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLNamedType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionNode,
  type SelectionSetNode,
  TypeInfo,
  type ValidationRule,
  valueFromAST,
  visit,
  visitWithTypeInfo,
} from "graphql";

import { ConfigError, parsePositiveInt, setting } from "../subgraphs/kit/config";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../subgraphs/kit/page-size";
import type { GatewayConfig } from "./config";
import type { GatewayContext } from "./handoff-data-source";
import { checkInputScalars } from "./input-scalars";

/** The subgraphs refuse larger pages (DESIGN §9). */
export const SUBGRAPH_MAX_PAGE_SIZE = MAX_PAGE_SIZE;

/** The page size the subgraphs use when `first` is omitted. */
export const DEFAULT_FIRST = DEFAULT_PAGE_SIZE;

/**
 * Items each list without a `first` argument is assumed to hold, for the cost estimate: each
 * subgraph declares them on its own fields with Federation's `@listSize(assumedSize: n)`, which
 * composition carries into the supergraph, so the gateway keeps no table of other services' fields.
 * Read once from the supergraph at start, keyed `Type.field`.
 */
export const listSizesOf = (supergraphSdl: string): Record<string, number> => {
  const sizes: Record<string, number> = {};
  for (const definition of parse(supergraphSdl).definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
    ) {
      continue;
    }
    for (const field of definition.fields ?? []) {
      const size = assumedSizeOf(field.directives);
      if (size !== undefined) sizes[`${definition.name.value}.${field.name.value}`] = size;
    }
  }
  return sizes;
};

/** The `assumedSize` of a field's `@listSize`, if it has one. */
const assumedSizeOf = (directives: readonly ConstDirectiveNode[] | undefined): number | undefined => {
  const argument = directives
    ?.find((directive) => directive.name.value === "listSize")
    ?.arguments?.find((arg) => arg.name.value === "assumedSize");
  return argument?.value.kind === Kind.INT ? Number(argument.value.value) : undefined;
};

/** Any other list without `first` is assumed to hold a full page. */
export const DEFAULT_LIST_SIZE = SUBGRAPH_MAX_PAGE_SIZE;

/** Costs past any limit stay finite numbers, so a cost bomb reports a number, not Infinity. */
const capped = (cost: number): number => Math.min(cost, Number.MAX_SAFE_INTEGER);

/** Fields answered by the gateway from its own schema: counted for depth, free for cost. */
const INTROSPECTION_ROOTS = new Set(["__schema", "__type"]);

const parsePageSize = (raw: string): number => {
  const size = parsePositiveInt(raw);
  if (size > SUBGRAPH_MAX_PAGE_SIZE)
    throw new ConfigError(`must be at most ${SUBGRAPH_MAX_PAGE_SIZE}, as in the subgraphs`);
  return size;
};

/**
 * Request-limit settings of the gateway (DESIGN §10), spread into gatewaySettings. gateway/LIMITS.md
 * gives the reason for each default.
 */
export const limitSettings = {
  maxQueryDepth: setting({
    name: "MAX_QUERY_DEPTH",
    description: "deepest nesting of fields an operation may have, fragments and introspection included",
    devDefault: "15",
    parse: parsePositiveInt,
  }),
  maxAliases: setting({
    name: "MAX_ALIASES",
    description: "most aliased fields an operation may have",
    devDefault: "20",
    parse: parsePositiveInt,
  }),
  maxDirectives: setting({
    name: "MAX_DIRECTIVES",
    description: "most directives an operation may carry",
    devDefault: "20",
    parse: parsePositiveInt,
  }),
  maxTokens: setting({
    name: "MAX_TOKENS",
    description: "most lexical tokens a document may have; the parser stops at the next one",
    devDefault: "1000",
    parse: parsePositiveInt,
  }),
  maxQueryCost: setting({
    name: "MAX_QUERY_COST",
    description: "highest estimated number of objects an operation may return",
    devDefault: "10000",
    parse: parsePositiveInt,
  }),
  maxPageSize: setting({
    name: "MAX_PAGE_SIZE",
    description: `largest \`first\` argument accepted, at most ${SUBGRAPH_MAX_PAGE_SIZE}`,
    devDefault: String(SUBGRAPH_MAX_PAGE_SIZE),
    parse: parsePageSize,
  }),
};

export type LimitConfig = Pick<GatewayConfig, keyof typeof limitSettings>;

export interface RequestLimits {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<GatewayContext>[];
  parseOptions: { maxTokens?: number };
}

export type LimitCode = "QUERY_TOO_DEEP" | "TOO_MANY_ALIASES" | "TOO_MANY_DIRECTIVES" | "QUERY_TOO_COSTLY";

/** A refused request: 400, a stable code, and the limit with the value that broke it. */
const refusal = (code: LimitCode, message: string, limit: number, actual: number): GraphQLError =>
  new GraphQLError(message, {
    extensions: { code, limit, actual, http: { status: 400 } },
  });

const badUserInput = (message: string, extensions: Record<string, unknown> = {}, node?: FieldNode): GraphQLError =>
  new GraphQLError(message, {
    nodes: node ? [node] : undefined,
    extensions: { code: "BAD_USER_INPUT", ...extensions, http: { status: 400 } },
  });

const fragmentsByName = (document: DocumentNode): Map<string, FragmentDefinitionNode> =>
  new Map(
    document.definitions
      .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );

/** The operation and every fragment it uses, each once, even when spread many times. */
const definitionsOf = (
  document: DocumentNode,
  operation: OperationDefinitionNode,
): (OperationDefinitionNode | FragmentDefinitionNode)[] => {
  const fragments = fragmentsByName(document);
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: (OperationDefinitionNode | FragmentDefinitionNode)[] = [operation];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      [Kind.FRAGMENT_SPREAD]: (spread) => {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  return [operation, ...used.values()];
};

/**
 * The number of fields on the longest path from the root, leaves and introspection fields
 * included, following fragments: `{ provinces { code } }` is 2 deep. Each fragment is measured
 * once, so a document that spreads fragments into fragments costs time linear in its size.
 */
export const operationDepth = (document: DocumentNode, operation: OperationDefinitionNode): number => {
  const fragments = fragmentsByName(document);
  const measured = new Map<string, number>();
  const depthOf = (selectionSet: SelectionSetNode | undefined, visiting: Set<string>): number => {
    let deepest = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, visiting));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
      } else {
        const name = selection.name.value;
        // Spec validation refuses fragment cycles before this runs; the guard only keeps a
        // cycle from recursing forever when these functions are used on their own.
        if (visiting.has(name)) continue;
        if (!measured.has(name)) {
          visiting.add(name);
          measured.set(name, depthOf(fragments.get(name)?.selectionSet, visiting));
          visiting.delete(name);
        }
        deepest = Math.max(deepest, measured.get(name)!);
      }
    }
    return deepest;
  };
  return depthOf(operation.selectionSet, new Set());
};

/** Aliased fields written in the operation and the fragments it uses. */
export const aliasCount = (document: DocumentNode, operation: OperationDefinitionNode): number => {
  let count = 0;
  for (const definition of definitionsOf(document, operation)) {
    visit(definition, {
      [Kind.FIELD]: (field) => {
        if (field.alias) count += 1;
      },
    });
  }
  return count;
};

/** Directives written anywhere in the operation and the fragments it uses. */
export const directiveCount = (document: DocumentNode, operation: OperationDefinitionNode): number => {
  let count = 0;
  for (const definition of definitionsOf(document, operation)) {
    visit(definition, {
      [Kind.DIRECTIVE]: () => {
        count += 1;
      },
    });
  }
  return count;
};

/** The coerced `first` argument of a field that has one, or undefined when omitted or null. */
const firstArgument = (
  node: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  variables: Record<string, unknown>,
): { argument: GraphQLArgument; value: number | undefined } | undefined => {
  const argument = definition.args.find((arg) => arg.name === "first");
  if (!argument) return undefined;
  const given = node.arguments?.find((arg) => arg.name.value === "first");
  const value = given ? valueFromAST(given.value, argument.type, variables) : argument.defaultValue;
  return { argument, value: typeof value === "number" ? value : undefined };
};

/**
 * Refuses a `first` outside 1..maxPageSize on any field of the operation, naming the field: the
 * subgraph would refuse it too, but only after the gateway had called it.
 */
export const checkPageSizes = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  maxPageSize: number,
): void => {
  for (const definition of definitionsOf(document, operation)) {
    const typeInfo = new TypeInfo(schema);
    visit(
      definition,
      visitWithTypeInfo(typeInfo, {
        [Kind.FIELD]: (node) => {
          const fieldDef = typeInfo.getFieldDef();
          const parent = typeInfo.getParentType();
          if (!fieldDef || !parent) return;
          const first = firstArgument(node, fieldDef, variables)?.value;
          if (first === undefined) return;
          if (!Number.isInteger(first) || first < 1 || first > maxPageSize) {
            throw badUserInput(
              `${parent.name}.${fieldDef.name}: first must be between 1 and ${maxPageSize}, got ${first}`,
              { field: "first" },
              node,
            );
          }
        },
      }),
    );
  }
};

export interface CostOptions {
  listSizes?: Readonly<Record<string, number>>;
  defaultListSize?: number;
  defaultFirst?: number;
}

/**
 * An upper estimate of the objects an operation returns, before anything runs. Every field of
 * object, interface or union type counts one per parent object; a list multiplies what is below
 * it by its size. A field with `first` (a connection) sizes the list directly under it, its
 * `nodes`; `first` omitted counts as the subgraphs' default page. A list without `first` counts
 * with the `@listSize` its subgraph declares (listSizesOf), or as a full page. Scalars come with their object and are
 * free, as are `__schema` and `__type`, which the gateway answers itself. Fields skipped by
 * `@skip`/`@include` are left out; fragments on different types of an abstract field are summed.
 */
export const operationCost = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  options: CostOptions = {},
): number => {
  const listSizes = options.listSizes ?? {};
  const defaultListSize = options.defaultListSize ?? DEFAULT_LIST_SIZE;
  const defaultFirst = options.defaultFirst ?? DEFAULT_FIRST;
  const fragments = fragmentsByName(document);
  // Per fragment and page size handed down: fragments spread into fragments stay linear.
  const measured = new Map<string, number>();

  const included = (node: SelectionNode): boolean =>
    getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;

  const costOf = (
    selectionSet: SelectionSetNode | undefined,
    type: GraphQLNamedType | undefined,
    pageSize: number | undefined,
    visiting: Set<string>,
  ): number => {
    let total = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, type, pageSize, visiting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        total += costOf(selection.selectionSet, condition, pageSize, visiting);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || visiting.has(fragment.name.value)) continue;
        const key = `${fragment.name.value}/${pageSize ?? ""}`;
        if (!measured.has(key)) {
          visiting.add(fragment.name.value);
          const condition = schema.getType(fragment.typeCondition.name.value);
          measured.set(key, costOf(fragment.selectionSet, condition, pageSize, visiting));
          visiting.delete(fragment.name.value);
        }
        total += measured.get(key)!;
      }
    }
    return total;
  };

  const fieldCost = (
    node: FieldNode,
    parent: GraphQLNamedType | undefined,
    pageSize: number | undefined,
    visiting: Set<string>,
  ): number => {
    if (INTROSPECTION_ROOTS.has(node.name.value)) return 0;
    if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) return 0;
    const definition = parent.getFields()[node.name.value];
    if (!definition) return 0;
    const type = getNamedType(definition.type);
    if (!isCompositeType(type)) return 0;
    const isList = isListType(getNullableType(definition.type));
    const first = firstArgument(node, definition, variables);
    let size = 1;
    let childPageSize: number | undefined;
    if (first) {
      const requested = first.value ?? defaultFirst;
      if (isList) size = requested;
      else childPageSize = requested;
    } else if (isList) {
      size =
        pageSize ??
        listSizes[`${parent.name}.${definition.name}`] ??
        assumedSizeOf(definition.astNode?.directives) ??
        defaultListSize;
    }
    return capped(size * (1 + costOf(node.selectionSet, type, childPageSize, visiting)));
  };

  return capped(
    costOf(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, undefined, new Set()),
  );
};

/**
 * The operation to run, or a 400: left to the gateway's planner, an unknown operation name or a
 * `mutation` the schema lacks would come back as a 500 INVALID_GRAPHQL, a server fault.
 */
export const checkOperationResolved = (
  schema: GraphQLSchema,
  operation: OperationDefinitionNode | undefined,
  operationName: string | undefined,
): OperationDefinitionNode => {
  if (!operation) {
    throw new GraphQLError(
      operationName
        ? `The document has no operation named "${operationName}"`
        : "The document has several operations: name the one to run in operationName",
      { extensions: { code: "OPERATION_RESOLUTION_FAILURE", http: { status: 400 } } },
    );
  }
  if (!schema.getRootType(operation.operation)) {
    throw new GraphQLError(`This API has no ${operation.operation} operations`, {
      extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } },
    });
  }
  return operation;
};

/** Every limit on one resolved operation; throws the first one broken as a GraphQL error. */
export const checkOperation = (
  config: LimitConfig,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> = {},
  listSizes: Readonly<Record<string, number>> = {},
): void => {
  const depth = operationDepth(document, operation);
  if (depth > config.maxQueryDepth) {
    throw refusal(
      "QUERY_TOO_DEEP",
      `The operation nests fields ${depth} deep; at most ${config.maxQueryDepth} levels are allowed`,
      config.maxQueryDepth,
      depth,
    );
  }
  const aliases = aliasCount(document, operation);
  if (aliases > config.maxAliases) {
    throw refusal(
      "TOO_MANY_ALIASES",
      `The operation has ${aliases} aliases; at most ${config.maxAliases} are allowed`,
      config.maxAliases,
      aliases,
    );
  }
  const directives = directiveCount(document, operation);
  if (directives > config.maxDirectives) {
    throw refusal(
      "TOO_MANY_DIRECTIVES",
      `The operation has ${directives} directives; at most ${config.maxDirectives} are allowed`,
      config.maxDirectives,
      directives,
    );
  }
  // Page sizes and costs depend on the variables: coerce them as execution would. A value
  // execution would refuse is refused here, as bad input rather than after planning.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables, { maxErrors: 1 });
  if (coerced.errors) throw badUserInput(coerced.errors[0].message);
  checkInputScalars(schema, document, operation, coerced.coerced);
  checkPageSizes(schema, document, operation, coerced.coerced, config.maxPageSize);
  const cost = operationCost(schema, document, operation, coerced.coerced, { listSizes });
  if (cost > config.maxQueryCost) {
    throw refusal(
      "QUERY_TOO_COSTLY",
      `The operation's estimated cost is ${cost} objects; at most ${config.maxQueryCost} are allowed. ` +
        "Ask for smaller pages or fewer nested lists.",
      config.maxQueryCost,
      cost,
    );
  }
};

/**
 * The checks every operation passes before any subgraph is called. The token limit is the
 * parser's own, so an over-long document stops at parsing with a 400 GRAPHQL_PARSE_FAILED. The
 * other limits run in `didResolveOperation`, after spec validation and before query planning:
 * they need the chosen operation and its variables, and Apollo reports every error of a
 * validation rule as GRAPHQL_VALIDATION_FAILED, which would lose the codes clients branch on.
 */
export const requestLimits = (
  config: LimitConfig,
  listSizes: Readonly<Record<string, number>> = {},
): RequestLimits => ({
  validationRules: [],
  parseOptions: { maxTokens: config.maxTokens },
  plugins: [
    {
      async requestDidStart() {
        return {
          async didResolveOperation({ schema, document, operation, request }) {
            const resolved = checkOperationResolved(schema, operation, request.operationName);
            checkOperation(config, schema, document, resolved, request.variables ?? {}, listSizes);
          },
        };
      },
    },
  ],
});
