import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";

import { build } from "esbuild";

/**
 * Bundles the city dashboard (gateway/dashboard/) into dist/gateway/dashboard-assets/, where the
 * gateway serves it (gateway/dashboard.ts): React and Chart.js are in the bundle, so the page
 * loads nothing from any other origin. Run by `npm run build` after tsc; deterministic output.
 */
const ROOT = resolve(__dirname, "../../..");
const SOURCE = join(ROOT, "gateway/dashboard");
const OUT = join(ROOT, "dist/gateway/dashboard-assets");

export const buildDashboard = async (): Promise<{ files: { name: string; bytes: number }[]; ms: number }> => {
  const started = Date.now();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const app = await build({
    absWorkingDir: SOURCE,
    entryPoints: [join(SOURCE, "app.tsx")],
    bundle: true,
    minify: true,
    write: true,
    outdir: OUT,
    metafile: true,
    format: "esm",
    jsx: "automatic",
    target: ["chrome120", "firefox120", "safari17"],
    define: { "process.env.NODE_ENV": '"production"' },
    entryNames: "[name]-[hash]",
    logLevel: "warning",
  });
  const entry = Object.entries(app.metafile.outputs).find(([, output]) => output.entryPoint?.endsWith("app.tsx"));
  const appJs = entry?.[0];
  const appCss = entry?.[1].cssBundle;
  if (!appJs || !appCss) throw new Error("esbuild wrote no dashboard JavaScript or CSS");
  const page = readFileSync(join(SOURCE, "index.html"), "utf8")
    .replace("%APP_JS%", basename(appJs))
    .replace("%APP_CSS%", basename(appCss));
  writeFileSync(join(OUT, "index.html"), page);
  const files = readdirSync(OUT)
    .sort()
    .map((name) => ({ name, bytes: statSync(join(OUT, name)).size }));
  return { files, ms: Date.now() - started };
};

if (require.main === module) {
  buildDashboard()
    .then(({ files, ms }) => {
      const total = files.reduce((sum, file) => sum + file.bytes, 0);
      process.stdout.write(
        `Dashboard bundle: ${files.length} files, ${(total / 1024).toFixed(0)} KB in ${OUT} (${ms} ms)\n`,
      );
    })
    .catch((error: unknown) => {
      process.stderr.write(`dashboard build: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
