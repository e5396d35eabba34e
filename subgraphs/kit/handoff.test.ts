import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI } from "jose";

import { Role, WorkField } from "./caller";
import { HANDOFF_ALGORITHM, HandoffTokenCache, HandoffVerifier, signHandoff, verifyHandoff } from "./handoff";

const keys = async () => {
  const pair = await generateKeyPair(HANDOFF_ALGORITHM, { extractable: true });
  return {
    privateKey: await importPKCS8(await exportPKCS8(pair.privateKey), HANDOFF_ALGORITHM),
    publicKey: await importSPKI(await exportSPKI(pair.publicKey), HANDOFF_ALGORITHM),
  };
};

const officer = {
  subject: "officer-10369",
  role: Role.COMMUNE_OFFICER,
  communeCode: "10369",
  provinceCode: "01",
  fields: [WorkField.CIVIL_STATUS],
};

describe("handoff > tokens reused per caller", () => {
  it("gives the same caller the same token until half its life is gone, and another caller another", async () => {
    // The gateway signs once per caller and subgraph, not once per request.
    const { privateKey, publicKey } = await keys();
    const cache = new HandoffTokenCache(privateKey, "registry", 30);
    const now = Date.now();
    const first = await cache.tokenFor(officer, now);
    expect(await cache.tokenFor({ ...officer }, now + 14_000)).toBe(first);
    const other = await cache.tokenFor({ ...officer, communeCode: "00004" }, now);
    expect(other).not.toBe(first);
    expect(await cache.tokenFor(officer, now + 15_001)).not.toBe(first);
    // The reused token names the caller and no request: the request id travels beside it.
    expect(await verifyHandoff(publicKey, "registry", first)).toEqual({ caller: officer, requestId: "unknown" });
    expect((await verifyHandoff(publicKey, "registry", other)).caller.communeCode).toBe("00004");
  });

  it("verifies a token once, refuses one for another audience or tampered, cached or not", async () => {
    // A subgraph checks the signature of a reused token once; a forgery is never taken from the cache.
    const { privateKey, publicKey } = await keys();
    const verifier = new HandoffVerifier(publicKey, "land");
    const token = await signHandoff(privateKey, "land", { caller: officer, requestId: "r-1" }, 30);
    expect(await verifier.verify(token)).toEqual({ caller: officer, requestId: "r-1" });
    expect(await verifier.verify(token)).toEqual({ caller: officer, requestId: "r-1" });
    const [header, payload, signature] = token.split(".");
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), role: "ADMIN" })).toString("base64url")}.${signature}`;
    await expect(verifier.verify(forged)).rejects.toThrow();
    const elsewhere = await signHandoff(privateKey, "registry", { caller: officer, requestId: "r-2" }, 30);
    await expect(verifier.verify(elsewhere)).rejects.toThrow();
  });
});
