import { readFileSync } from "node:fs";

import { createLocalJWKSet, createRemoteJWKSet, type JWTPayload, jwtVerify, SignJWT } from "jose";

import { ANONYMOUS, type Caller, callerFromClaims, type IdentityClaims } from "../subgraphs/kit/caller";
import { HttpError } from "../subgraphs/kit/http";

/** Clock skew tolerated between the identity provider and the gateway. */
export const CLOCK_TOLERANCE_SECONDS = 30;

export interface ClientTokenVerifier {
  /** Anonymous without an Authorization header; HttpError 401 for a bad token. */
  verify(authorization: string | undefined): Promise<Caller>;
}

const bearerToken = (authorization: string | undefined): string | undefined => {
  if (authorization === undefined || authorization === "") return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) throw new HttpError(401, "UNAUTHENTICATED", "The Authorization header must be `Bearer <token>`");
  return match[1];
};

const toCaller = (payload: JWTPayload): Caller => {
  const caller = callerFromClaims(payload as IdentityClaims);
  if (!caller.role) throw new HttpError(401, "UNAUTHENTICATED", "The token names no known role");
  return caller;
};

const verifier = (check: (token: string) => Promise<JWTPayload>): ClientTokenVerifier => ({
  verify: async (authorization) => {
    const token = bearerToken(authorization);
    if (!token) return ANONYMOUS;
    let payload: JWTPayload;
    try {
      payload = await check(token);
    } catch (error) {
      throw new HttpError(401, "UNAUTHENTICATED", `Invalid token: ${(error as Error).message}`);
    }
    return toCaller(payload);
  },
});

/** Development: HS256 tokens signed with the shared dev secret (see `npm run token`). */
export const devTokenVerifier = (secret: string): ClientTokenVerifier => {
  const key = new TextEncoder().encode(secret);
  return verifier(
    async (token) =>
      (
        await jwtVerify(token, key, {
          algorithms: ["HS256"],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ["exp"],
        })
      ).payload,
  );
};

/**
 * Production: RS256/ES256 tokens of the configured identity provider, with issuer, audience and
 * expiry checked. Keys come from a JWKS file, or a JWKS URL that jose fetches and caches.
 */
export const jwksTokenVerifier = (
  keySource: { jwksFile?: string; jwksUrl?: string },
  issuer: string,
  audience: string,
): ClientTokenVerifier => {
  const keys = keySource.jwksFile
    ? createLocalJWKSet(JSON.parse(readFileSync(keySource.jwksFile, "utf8")))
    : createRemoteJWKSet(new URL(keySource.jwksUrl as string));
  return verifier(
    async (token) =>
      (
        await jwtVerify(token, keys, {
          algorithms: ["RS256", "ES256"],
          issuer,
          audience,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ["exp"],
        })
      ).payload,
  );
};

/** Mints a development token: for local use, tests and the demo only. */
export const mintDevToken = async (secret: string, claims: IdentityClaims, ttlSeconds = 8 * 3600): Promise<string> =>
  new SignJWT({ ...claims })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.sub ?? "dev-user")
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(new TextEncoder().encode(secret));
