import type { ApolloServerPlugin } from "@apollo/server";
import type { ValidationRule } from "graphql";

import type { GatewayContext } from "./handoff-data-source";

/** Request-limit settings of the gateway (DESIGN §10), spread into gatewaySettings. */
export const limitSettings = {};

export interface RequestLimits {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<GatewayContext>[];
  parseOptions: { maxTokens?: number };
}

/** The checks every operation passes before any subgraph is called. */
export const requestLimits = (_config: Record<string, unknown>): RequestLimits => ({
  validationRules: [],
  plugins: [],
  parseOptions: {},
});
