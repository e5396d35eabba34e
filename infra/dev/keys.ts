import { createPublicKey } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";

import { exportPKCS8, exportSPKI, generateKeyPair } from "jose";

import { SUBGRAPH_MANIFEST } from "../../subgraphs/kit/manifest";

export interface KeyPairFiles {
  privateKeyFile: string;
  publicKeyFile: string;
}

export type HandoffKeyFiles = KeyPairFiles;

/**
 * Makes sure `dir` holds the ES256 key pair `<stem>-private.pem` (PKCS#8 PEM, owner-only) and
 * `<stem>-public.pem` (SPKI PEM). An existing private key is never replaced, since every running
 * service is configured against it; a missing public key is derived from it.
 */
const ensureKeyPair = async (dir: string, stem: string): Promise<KeyPairFiles> => {
  const privateKeyFile = resolve(dir, `${stem}-private.pem`);
  const publicKeyFile = resolve(dir, `${stem}-public.pem`);
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

/** The hand-off key pair: the gateway signs with the private key, the subgraphs verify with the public one. */
export const ensureHandoffKeys = (dir: string): Promise<HandoffKeyFiles> => ensureKeyPair(dir, "handoff");

/**
 * A service's own key pair, with which it reads other services' event feeds (DESIGN §3): the
 * consumer signs with the private key, each producer it reads holds the public one.
 */
export const ensureServiceKeys = (dir: string, service: string): Promise<KeyPairFiles> =>
  ensureKeyPair(dir, `service-${service}`);

/** Every consumer's key pair, by service name. */
export const ensureConsumerKeys = async (dir: string): Promise<Record<string, KeyPairFiles>> =>
  Object.fromEntries(
    await Promise.all(
      SUBGRAPH_MANIFEST.filter((entry) => entry.consumes?.length).map(
        async (entry) => [entry.name, await ensureServiceKeys(dir, entry.name)] as const,
      ),
    ),
  );

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
    .then(async ({ privateKeyFile, publicKeyFile }) => {
      process.stdout.write(`hand-off private key (gateway, HANDOFF_PRIVATE_KEY_FILE): ${privateKeyFile}\n`);
      process.stdout.write(`hand-off public key (subgraphs, HANDOFF_PUBLIC_KEY_FILE): ${publicKeyFile}\n`);
      const dir = directoryArgument(process.argv.slice(2));
      for (const [service, files] of Object.entries(await ensureConsumerKeys(dir))) {
        process.stdout.write(`${service} service key (its SERVICE_KEY_FILE): ${files.privateKeyFile}\n`);
        process.stdout.write(`${service} public key (in its producers' EVENT_CONSUMER_KEYS): ${files.publicKeyFile}\n`);
      }
    })
    .catch((error: unknown) => {
      process.stderr.write(`keys: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
