import { readFileSync } from "node:fs";

import { importPKCS8, importSPKI, jwtVerify, type KeyLike, SignJWT } from "jose";

import { type Caller, callerFromClaims, claimsFromCaller } from "./caller";

/**
 * The gateway-to-subgraph hand-off (DESIGN §7): after verifying the client's token, the gateway
 * signs a short-lived token of its own for each subgraph (audience = subgraph name), carrying the
 * caller's claims; the request id travels beside it in `x-request-id` (or inside it, `rid`, for a
 * token made for one request). Subgraphs trust nothing else. ES256 keeps the signing key
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
  new SignJWT({ ...claimsFromCaller(handoff.caller), ...(handoff.requestId ? { rid: handoff.requestId } : {}) })
    .setProtectedHeader({ alg: HANDOFF_ALGORITHM })
    .setIssuer(HANDOFF_ISSUER)
    .setAudience(audience)
    .setSubject(handoff.caller.subject)
    .setIssuedAt()
    .setExpirationTime(`${Math.min(ttlSeconds, HANDOFF_MAX_TTL_SECONDS)}s`)
    .sign(privateKey);

/** Verifies a hand-off token for this subgraph; throws on any defect (signature, audience, expiry, lifetime). */
export const verifyHandoff = async (publicKey: Key, audience: string, token: string): Promise<Handoff> =>
  (await verifyHandoffUntil(publicKey, audience, token)).handoff;

const verifyHandoffUntil = async (
  publicKey: Key,
  audience: string,
  token: string,
): Promise<{ handoff: Handoff; expiresAt: number }> => {
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
    handoff: {
      caller: callerFromClaims(payload as Record<string, unknown> as Parameters<typeof callerFromClaims>[0]),
      requestId: typeof payload.rid === "string" ? payload.rid : "unknown",
    },
    expiresAt: (payload.exp as number) * 1000,
  };
};

/** How many tokens a cache keeps before it starts afresh: callers active within one token's life. */
const CACHE_LIMIT = 10_000;

/**
 * The gateway's hand-off tokens for one subgraph, one per caller, reused while more than half of
 * its life remains. ES256 signing was the gateway's largest CPU cost (a signature per subgraph call
 * per request, about a sixth of its busy time under load); the same caller's next request within
 * seconds carries the same claims, so it can carry the same token. The request id goes in
 * `x-request-id` beside it.
 */
export class HandoffTokenCache {
  private readonly tokens = new Map<string, { token: string; renewAt: number }>();

  constructor(
    private readonly privateKey: Key,
    private readonly audience: string,
    private readonly ttlSeconds: number,
  ) {}

  async tokenFor(caller: Caller, now = Date.now()): Promise<string> {
    const key = JSON.stringify(claimsFromCaller(caller));
    const cached = this.tokens.get(key);
    if (cached && cached.renewAt > now) return cached.token;
    const ttl = Math.min(this.ttlSeconds, HANDOFF_MAX_TTL_SECONDS);
    const token = await signHandoff(this.privateKey, this.audience, { caller, requestId: "" }, ttl);
    if (this.tokens.size >= CACHE_LIMIT) this.tokens.clear();
    this.tokens.set(key, { token, renewAt: now + (ttl * 1000) / 2 });
    return token;
  }
}

/**
 * A subgraph's verified hand-off tokens, kept until they expire: the gateway reuses a caller's
 * token for a while, so the subgraph verifies each token's signature once, not on every request.
 */
export class HandoffVerifier {
  private readonly verified = new Map<string, { handoff: Handoff; expiresAt: number }>();

  constructor(
    private readonly publicKey: Key,
    private readonly audience: string,
  ) {}

  async verify(token: string, now = Date.now()): Promise<Handoff> {
    const known = this.verified.get(token);
    if (known && known.expiresAt > now) return known.handoff;
    const checked = await verifyHandoffUntil(this.publicKey, this.audience, token);
    if (this.verified.size >= CACHE_LIMIT) {
      for (const [key, entry] of this.verified) if (entry.expiresAt <= now) this.verified.delete(key);
      if (this.verified.size >= CACHE_LIMIT) this.verified.clear();
    }
    this.verified.set(token, checked);
    return checked.handoff;
  }
}
