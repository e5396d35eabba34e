import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";

import { build, type BuildOptions } from "esbuild";

/**
 * Bundles the GraphiQL page (gateway/graphiql/) into dist/gateway/graphiql-assets/, where the
 * gateway serves it (gateway/graphiql.ts), and copies the saved operations beside it. Everything
 * the page needs is in the bundle: GraphiQL, React, the Monaco editor and its three workers, the
 * fonts; the page loads nothing from any other origin. Run by `npm run build` after tsc.
 *
 * The output is deterministic: the same sources and packages give the same bytes and the same
 * hashed file names.
 */
const ROOT = resolve(__dirname, "../../..");
const SOURCE = join(ROOT, "gateway/graphiql");
const OPERATIONS = join(ROOT, "gateway/operations");
const OUT = join(ROOT, "dist/gateway/graphiql-assets");
const OPERATIONS_OUT = join(ROOT, "dist/gateway/operations");

/** The Monaco workers GraphiQL asks for, by the label it asks with (see gateway/graphiql/monaco-workers.ts). */
const WORKERS = {
  editor: "monaco-editor/esm/vs/editor/editor.worker.js",
  json: "monaco-editor/esm/vs/language/json/json.worker.js",
  graphql: "monaco-graphql/esm/graphql.worker.js",
};

const common: BuildOptions = {
  absWorkingDir: SOURCE,
  bundle: true,
  minify: true,
  write: true,
  outdir: OUT,
  metafile: true,
  target: ["chrome120", "firefox120", "safari17"],
  define: { "process.env.NODE_ENV": '"production"' },
  entryNames: "[name]-[hash]",
  assetNames: "[name]-[hash]",
  // Monaco's icon font is referenced from its CSS; inlined, like GraphiQL's own fonts.
  loader: { ".ttf": "dataurl", ".woff": "dataurl", ".woff2": "dataurl" },
  logLevel: "warning",
};

export const buildGraphiql = async (): Promise<{ files: { name: string; bytes: number }[]; ms: number }> => {
  const started = Date.now();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  // Classic (non-module) workers: every browser GraphiQL supports starts those.
  const workers = await build({
    ...common,
    entryPoints: Object.entries(WORKERS).map(([label, entry]) => ({ in: entry, out: `${label}.worker` })),
    format: "iife",
  });
  const workerFiles = Object.fromEntries(
    Object.keys(WORKERS).map((label) => {
      const file = Object.keys(workers.metafile!.outputs)
        .map((path) => basename(path))
        .find((name) => name.startsWith(`${label}.worker-`) && name.endsWith(".js"));
      if (!file) throw new Error(`esbuild wrote no ${label} worker`);
      return [label, file];
    }),
  );

  const app = await build({
    ...common,
    entryPoints: [join(SOURCE, "app.tsx")],
    format: "esm",
    // GraphiQL loads Monaco and Prettier lazily: split chunks keep the first paint small.
    splitting: true,
    chunkNames: "chunk-[hash]",
    jsx: "automatic",
    define: { ...common.define, HUB_MONACO_WORKERS: JSON.stringify(workerFiles) },
  });
  const entry = Object.entries(app.metafile!.outputs).find(([, output]) => output.entryPoint?.endsWith("app.tsx"));
  const appJs = entry?.[0];
  const appCss = entry?.[1].cssBundle;
  if (!appJs || !appCss) throw new Error("esbuild wrote no app JavaScript or CSS");

  // CSS that Monaco's lazily loaded modules import lands in orphan files nothing would load; the
  // page's own stylesheet already holds all of it (graphiql/style.css includes Monaco's CSS).
  for (const file of Object.keys(app.metafile!.outputs)) {
    if (file.endsWith(".css") && file !== appCss) rmSync(resolve(SOURCE, file));
  }

  const page = readFileSync(join(SOURCE, "index.html"), "utf8")
    .replace("%APP_JS%", basename(appJs))
    .replace("%APP_CSS%", basename(appCss));
  writeFileSync(join(OUT, "index.html"), page);

  rmSync(OPERATIONS_OUT, { recursive: true, force: true });
  mkdirSync(OPERATIONS_OUT, { recursive: true });
  for (const file of readdirSync(OPERATIONS).filter((name) => name.endsWith(".graphql"))) {
    copyFileSync(join(OPERATIONS, file), join(OPERATIONS_OUT, file));
  }

  const files = readdirSync(OUT)
    .sort()
    .map((name) => ({ name, bytes: statSync(join(OUT, name)).size }));
  return { files, ms: Date.now() - started };
};

if (require.main === module) {
  buildGraphiql()
    .then(({ files, ms }) => {
      const total = files.reduce((sum, file) => sum + file.bytes, 0);
      process.stdout.write(
        `GraphiQL bundle: ${files.length} files, ${(total / 1024 / 1024).toFixed(1)} MB in ${OUT} (${ms} ms)\n`,
      );
    })
    .catch((error: unknown) => {
      process.stderr.write(`graphiql build: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
