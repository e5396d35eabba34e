import { readFileSync } from "node:fs";

import { decodeJwt, importPKCS8, importSPKI, jwtVerify, type KeyLike, SignJWT } from "jose";

/**
 * A service's own identity towards another service (DESIGN §3, §7): a consumer reads a producer's
 * event feed with a short-lived ES256 token it signs with its own private key (issuer = the
 * consumer's name, audience = the producer's), never with a user's token. The producer holds the
 * public key of each service allowed to read its feed and refuses every other: default deny.
 */
export const SERVICE_TOKEN_ALGORITHM = "ES256";
export const SERVICE_TOKEN_TTL_SECONDS = 60;
/** The scope a feed token carries: a token minted for something else does not open the feed. */
export const EVENT_FEED_SCOPE = "events:read";

type Key = KeyLike;

export const loadServicePrivateKey = (file: string): Promise<Key> =>
  importPKCS8(readFileSync(file, "utf8"), SERVICE_TOKEN_ALGORITHM);

export const loadServicePublicKey = (file: string): Promise<Key> =>
  importSPKI(readFileSync(file, "utf8"), SERVICE_TOKEN_ALGORITHM);

export const signServiceToken = (privateKey: Key, service: string, audience: string): Promise<string> =>
  new SignJWT({ scope: EVENT_FEED_SCOPE })
    .setProtectedHeader({ alg: SERVICE_TOKEN_ALGORITHM })
    .setIssuer(service)
    .setSubject(service)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(`${SERVICE_TOKEN_TTL_SECONDS}s`)
    .sign(privateKey);

/**
 * Verifies a feed token for `audience` against the key of the service it claims to come from;
 * returns that service's name. Throws on an unknown service, a bad signature, the wrong audience or
 * scope, an expired token or one that lives longer than allowed.
 */
export const verifyServiceToken = async (
  keys: ReadonlyMap<string, Key>,
  audience: string,
  token: string,
): Promise<string> => {
  const claimed = decodeJwt(token).iss;
  const key = typeof claimed === "string" ? keys.get(claimed) : undefined;
  if (!key || typeof claimed !== "string") throw new Error("not a service allowed to read this feed");
  const { payload } = await jwtVerify(token, key, {
    algorithms: [SERVICE_TOKEN_ALGORITHM],
    issuer: claimed,
    subject: claimed,
    audience,
    clockTolerance: 5,
    requiredClaims: ["exp", "iat"],
  });
  if ((payload.exp as number) - (payload.iat as number) > SERVICE_TOKEN_TTL_SECONDS) {
    throw new Error("service token lives longer than allowed");
  }
  if (payload.scope !== EVENT_FEED_SCOPE) throw new Error("service token is not for the event feed");
  return claimed;
};
