import type { ApolloServerPlugin } from "@apollo/server";
import { type DocumentNode, GraphQLError, Kind, visit } from "graphql";

import { Role } from "../subgraphs/kit/caller";
import type { GatewayContext } from "./handoff-data-source";

/** Who may read the schema in production: analysts explore it, admins operate it. */
export const INTROSPECTING_ROLES: readonly Role[] = [Role.ANALYST, Role.ADMIN];

export const usesIntrospection = (document: DocumentNode): boolean => {
  let found = false;
  visit(document, {
    [Kind.FIELD]: (node) => {
      if (node.name.value === "__schema" || node.name.value === "__type") found = true;
    },
  });
  return found;
};

/**
 * In production the schema is shown only to authenticated callers whose role needs it; in
 * development to everyone (GraphiQL's documentation pane). Checked before any subgraph is called.
 */
export const introspectionPolicy = (production: boolean): ApolloServerPlugin<GatewayContext> => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ document, contextValue }) {
        if (!production || !usesIntrospection(document)) return;
        const role = contextValue.caller.role;
        if (!role) {
          throw new GraphQLError("Sign in to read the schema", {
            extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
          });
        }
        if (!INTROSPECTING_ROLES.includes(role)) {
          throw new GraphQLError(`The role ${role} may not read the schema`, {
            extensions: { code: "FORBIDDEN", http: { status: 403 } },
          });
        }
      },
    };
  },
});
