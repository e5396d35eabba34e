import {
  type DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLScalarType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isScalarType,
  Kind,
  type OperationDefinitionNode,
  typeFromAST,
  TypeInfo,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from "graphql";

import { DateScalar, DateTimeScalar } from "../subgraphs/kit/scalars";

/**
 * The supergraph carries the hub's custom scalars by name only, so the gateway would pass any
 * value on and the subgraph's refusal would come back as a failed fetch. Their own parsing, run here
 * before planning, makes a bad date a 400 BAD_USER_INPUT that names the variable or argument.
 */
const SCALARS: Readonly<Record<string, GraphQLScalarType>> = { Date: DateScalar, DateTime: DateTimeScalar };

const refuse = (field: string, problem: unknown): GraphQLError =>
  new GraphQLError(`${field}: ${problem instanceof Error ? problem.message : String(problem)}`, {
    extensions: { code: "BAD_USER_INPUT", field, http: { status: 400 } },
  });

/** Checks a variable's value against its type, down through lists and input objects. */
const checkValue = (type: GraphQLInputType, value: unknown, field: string): void => {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, index) => checkValue(nullable.ofType as GraphQLInputType, item, `${field}[${index}]`));
    return;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== "object") return;
    for (const [name, inner] of Object.entries(nullable.getFields())) {
      checkValue(inner.type, (value as Record<string, unknown>)[name], `${field}.${name}`);
    }
    return;
  }
  const scalar = isScalarType(nullable) ? SCALARS[nullable.name] : undefined;
  if (!scalar) return;
  try {
    scalar.parseValue(value);
  } catch (error) {
    throw refuse(field, error);
  }
};

/** Checks the hub's scalars in an operation's variables and literal arguments; throws the first bad one. */
export const checkInputScalars = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): void => {
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (type) checkValue(type, variables[definition.variable.name.value], `$${definition.variable.name.value}`);
  }
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  const literal = (node: ValueNode, field: string) => {
    const type = typeInfo.getInputType();
    const named = type ? getNamedType(type) : undefined;
    const scalar = named && isScalarType(named) ? SCALARS[named.name] : undefined;
    if (!scalar || node.kind === Kind.VARIABLE || node.kind === Kind.NULL) return;
    try {
      scalar.parseLiteral(node, undefined);
    } catch (error) {
      throw refuse(field, error);
    }
  };
  visit(
    { kind: Kind.DOCUMENT, definitions: [operation, ...document.definitions.filter((d) => d !== operation)] },
    visitWithTypeInfo(typeInfo, {
      Argument: {
        enter(node) {
          path.push(node.name.value);
          if (node.value.kind !== Kind.OBJECT && node.value.kind !== Kind.LIST) literal(node.value, path.join("."));
        },
        leave() {
          path.pop();
        },
      },
      ObjectField: {
        enter(node) {
          path.push(node.name.value);
          if (node.value.kind !== Kind.OBJECT && node.value.kind !== Kind.LIST) literal(node.value, path.join("."));
        },
        leave() {
          path.pop();
        },
      },
      ListValue: {
        enter(node) {
          for (const item of node.values) {
            if (item.kind !== Kind.OBJECT && item.kind !== Kind.LIST) literal(item, path.join("."));
          }
        },
      },
    }),
  );
};
