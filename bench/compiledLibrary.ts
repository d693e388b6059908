/**
 * The library as users run it, for the client benchmarks: compiled by tsc with the build's settings (a project's
 * `tsconfig.build.json`) into its `node_modules/.cache/bench-library/`, then bundled as the package's build bundles
 * it. Run from its TypeScript sources through tsx instead, every function the library makes per call goes through
 * esbuild's `__name` (tsx keeps function names), which users never run (bench/micro-client.ts `--baseline src` sets
 * the two side by side). Node built-ins only: the Effect 4 edition's bench uses it too.
 */
import { execFileSync } from "node:child_process"
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"

/** Compiles the project at `projectDir` (its `tsconfig.build.json`); returns the directory of the JavaScript. */
export const compileLibrary = (projectDir: string): string => {
  const out = join(projectDir, "node_modules", ".cache", "bench-library")
  mkdirSync(out, { recursive: true })
  // Below node_modules, Node looks for no package.json above this one: the output is ESM as the package's is.
  writeFileSync(join(out, "package.json"), "{ \"type\": \"module\" }\n")
  execFileSync(
    process.execPath,
    [
      join(projectDir, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      "tsconfig.build.json",
      "--outDir",
      out,
      "--declaration",
      "false"
    ],
    // Its messages to stderr: the Effect 4 bench prints its results on stdout.
    { cwd: projectDir, stdio: ["ignore", 2, 2] }
  )
  // Then bundled as the package ships it (scripts/bundle-library.mjs): the entries over one chunk.
  execFileSync(process.execPath, [join(projectDir, "scripts", "bundle-library.mjs"), "--outdir", out], {
    cwd: projectDir,
    stdio: ["ignore", 2, 2]
  })
  return out
}

/** Imports `module` (`index.js`, `UndiciHttpClient.js`) of the library compiled into `dir`. */
export const importCompiled = (dir: string, module: string): Promise<unknown> =>
  import(pathToFileURL(join(dir, module)).href)
