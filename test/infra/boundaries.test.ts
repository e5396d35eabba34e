import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

import { REPO_ROOT } from "../support/repo";

/**
 * Each subgraph owns its data and its code (DESIGN §2): it builds on the kit and nothing else of
 * the repository, so that a field can be deployed, changed and reasoned about on its own. Links
 * between fields go through federation keys, never through another subgraph's modules.
 */

const SUBGRAPHS = resolve(REPO_ROOT, "subgraphs");

/** The shipped sources below a folder: TypeScript files other than tests. */
const sourcesOf = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesOf(path);
    // Tests may reach across (a kit test starting a subgraph, say); the shipped code may not.
    return path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });

/** Every relative import of a file, resolved to a path inside the repository. */
const importsOf = (file: string): string[] =>
  [...readFileSync(file, "utf8").matchAll(/from\s+"(\.{1,2}\/[^"]+)"/g)].map(([, spec]) =>
    relative(REPO_ROOT, resolve(dirname(file), spec)),
  );

describe("infra > boundaries", () => {
  const subgraphs = readdirSync(SUBGRAPHS).filter(
    (name) => name !== "kit" && statSync(join(SUBGRAPHS, name)).isDirectory(),
  );

  it("finds the subgraphs to check", () => {
    expect(subgraphs).toEqual(expect.arrayContaining(["civil-status", "registry"]));
  });

  it.each(subgraphs)("%s imports only its own modules and the kit", (subgraph) => {
    const allowed = [`subgraphs${sep}${subgraph}${sep}`, `subgraphs${sep}kit${sep}`, `subgraphs${sep}kit`];
    const crossing = sourcesOf(join(SUBGRAPHS, subgraph)).flatMap((file) =>
      importsOf(file)
        .filter((target) => !allowed.some((prefix) => target.startsWith(prefix)))
        .map((target) => `${relative(REPO_ROOT, file)} → ${target}`),
    );
    expect(crossing).toEqual([]);
  });

  it("keeps the kit free of any subgraph's code", () => {
    const crossing = sourcesOf(join(SUBGRAPHS, "kit")).flatMap((file) =>
      importsOf(file)
        .filter((target) => !target.startsWith(`subgraphs${sep}kit`))
        .map((target) => `${relative(REPO_ROOT, file)} → ${target}`),
    );
    expect(crossing).toEqual([]);
  });
});
