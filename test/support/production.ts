import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { exportJWK, generateKeyPair, type KeyLike, SignJWT } from "jose";

import { loadGatewayConfig } from "../../gateway/config";
import { type RunningGateway, startGateway } from "../../gateway/server";
import { subgraphUrlSettings } from "../../infra/manifest";
import { DEV_SECRET, type Hub } from "./hub";
import { REPO_ROOT } from "./repo";

export const PRODUCTION_ISSUER = "https://id.hanoi.gov.vn.test";
export const PRODUCTION_AUDIENCE = "hub";

export interface ProductionGateway {
  gateway: RunningGateway;
  /** A token from the test identity provider (ES256, in the gateway's JWKS file). */
  idpToken(claims: Record<string, unknown>, overrides?: { issuer?: string; audience?: string }): Promise<string>;
  close(): Promise<void>;
}

/**
 * A second gateway in front of the hub's registry, configured as in production: RS256/ES256
 * tokens from a JWKS file of a test identity provider, with issuer and audience checked.
 */
export const startProductionGateway = async (
  hub: Hub,
  env: Record<string, string> = {},
): Promise<ProductionGateway> => {
  const dir = mkdtempSync(join(tmpdir(), "hub-prod-"));
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  const signingKey: KeyLike = privateKey;
  writeFileSync(
    join(dir, "jwks.json"),
    JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: "idp-1", alg: "ES256" }] }),
  );
  const gateway = await startGateway(
    loadGatewayConfig({
      NODE_ENV: "production",
      PORT: "0",
      SUPERGRAPH_FILE: resolve(REPO_ROOT, "schema/supergraph.graphql"),
      HANDOFF_PRIVATE_KEY_FILE: hub.keys.privateKeyFile,
      ...subgraphUrlSettings(hub.subgraphs),
      JWKS_FILE: join(dir, "jwks.json"),
      JWT_ISSUER: PRODUCTION_ISSUER,
      JWT_AUDIENCE: PRODUCTION_AUDIENCE,
      JWT_DEV_SECRET: DEV_SECRET,
      ...env,
    }),
  );
  return {
    gateway,
    idpToken: (claims, overrides = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: "ES256", kid: "idp-1" })
        .setIssuer(overrides.issuer ?? PRODUCTION_ISSUER)
        .setAudience(overrides.audience ?? PRODUCTION_AUDIENCE)
        .setSubject(String(claims.sub ?? "someone"))
        .setIssuedAt()
        .setExpirationTime("10m")
        .sign(signingKey),
    close: async () => {
      await gateway.stop(200);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
