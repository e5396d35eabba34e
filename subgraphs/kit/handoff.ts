import { readFileSync } from "node:fs";

import { importPKCS8, importSPKI, jwtVerify, type KeyLike, SignJWT } from "jose";

import { type Caller, callerFromClaims, claimsFromCaller } from "./caller";

/**
 * The gateway-to-subgraph hand-off (DESIGN §7): after verifying the client's token, the gateway
 * signs a short-lived token of its own for each subgraph (audience = subgraph name), carrying the
 * caller's claims and the request id. Subgraphs trust nothing else. ES256 keeps the signing key
 * in the gateway alone: a subgraph holding the public key cannot mint tokens for its peers.
 */
export const HANDOFF_ISSUER = "hub-gateway";
export const HANDOFF_ALGORITHM = "ES256";
export const HANDOFF_MAX_TTL_SECONDS = 60;

type Key = KeyLike;

export const loadHandoffPrivateKey = async (file: string): Promise<Key> =>
  importPKCS8(readFileSync(file, "utf8"), HANDOFF_ALGORITHM);

export const loadHandoffPublicKey = async (file: string): Promise<Key> =>
  importSPKI(readFileSync(file, "utf8"), HANDOFF_ALGORITHM);

export interface Handoff {
  caller: Caller;
  requestId: string;
}

export const signHandoff = async (
  privateKey: Key,
  audience: string,
  handoff: Handoff,
  ttlSeconds: number,
): Promise<string> =>
  new SignJWT({ ...claimsFromCaller(handoff.caller), rid: handoff.requestId })
    .setProtectedHeader({ alg: HANDOFF_ALGORITHM })
    .setIssuer(HANDOFF_ISSUER)
    .setAudience(audience)
    .setSubject(handoff.caller.subject)
    .setIssuedAt()
    .setExpirationTime(`${Math.min(ttlSeconds, HANDOFF_MAX_TTL_SECONDS)}s`)
    .sign(privateKey);

/** Verifies a hand-off token for this subgraph; throws on any defect (signature, audience, expiry, lifetime). */
export const verifyHandoff = async (publicKey: Key, audience: string, token: string): Promise<Handoff> => {
  const { payload } = await jwtVerify(token, publicKey, {
    algorithms: [HANDOFF_ALGORITHM],
    issuer: HANDOFF_ISSUER,
    audience,
    clockTolerance: 5,
    requiredClaims: ["exp", "iat", "sub"],
  });
  if ((payload.exp as number) - (payload.iat as number) > HANDOFF_MAX_TTL_SECONDS) {
    throw new Error("hand-off token lives longer than allowed");
  }
  return {
    caller: callerFromClaims(payload as Record<string, unknown> as Parameters<typeof callerFromClaims>[0]),
    requestId: typeof payload.rid === "string" ? payload.rid : "unknown",
  };
};
