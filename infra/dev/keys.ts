import { createPublicKey } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";

import { exportPKCS8, exportSPKI, generateKeyPair } from "jose";

export interface HandoffKeyFiles {
  privateKeyFile: string;
  publicKeyFile: string;
}

/**
 * Makes sure `dir` holds the ES256 key pair for hand-off tokens: the gateway signs with the private
 * key (PKCS#8 PEM, owner-only), the subgraphs verify with the public key (SPKI PEM). An existing
 * private key is never replaced, since every running service is configured against it; a missing
 * public key is derived from it.
 */
export const ensureHandoffKeys = async (dir: string): Promise<HandoffKeyFiles> => {
  const privateKeyFile = resolve(dir, "handoff-private.pem");
  const publicKeyFile = resolve(dir, "handoff-public.pem");
  await mkdir(dir, { recursive: true });

  if (existsSync(privateKeyFile)) {
    if (!existsSync(publicKeyFile)) {
      const publicPem = createPublicKey(await readFile(privateKeyFile, "utf8")).export({ type: "spki", format: "pem" });
      await writeFile(publicKeyFile, publicPem, { mode: 0o644, flag: "wx" });
    }
    return { privateKeyFile, publicKeyFile };
  }

  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  // Created with its final mode ("wx" refuses to follow a file that appeared meanwhile), so the
  // private key is never readable by others, not even briefly.
  await writeFile(privateKeyFile, await exportPKCS8(privateKey), { mode: 0o600, flag: "wx" });
  await writeFile(publicKeyFile, await exportSPKI(publicKey), { mode: 0o644 });
  return { privateKeyFile, publicKeyFile };
};

const directoryArgument = (args: string[]): string => {
  const index = args.indexOf("--dir");
  if (index === -1) return "secrets";
  const dir = args[index + 1];
  if (!dir || dir.startsWith("--")) throw new Error("--dir needs a directory, e.g. --dir secrets");
  return dir;
};

if (require.main === module) {
  Promise.resolve()
    .then(() => ensureHandoffKeys(directoryArgument(process.argv.slice(2))))
    .then(({ privateKeyFile, publicKeyFile }) => {
      process.stdout.write(`hand-off private key (gateway, HANDOFF_PRIVATE_KEY_FILE): ${privateKeyFile}\n`);
      process.stdout.write(`hand-off public key (subgraphs, HANDOFF_PUBLIC_KEY_FILE): ${publicKeyFile}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`keys: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
