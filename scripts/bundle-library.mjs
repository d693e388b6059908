#!/usr/bin/env node
// Bundles the library's compiled entries (run after tsc, from the package's directory: the root for the Effect 3
// edition, effect4/ for the Effect 4 edition, whose scripts/ links here). tsc leaves one module per source file, and
// Node's ESM loader pays for each one it resolves, reads, compiles and links: the main entry took 50 modules and ~35 ms
// beyond its dependencies (bench/startup.ts). Bundled, the main entry is two modules, itself and one chunk:
//
//   dist/<entry>.js         every export of package.json, a few lines each, re-exporting from the chunk
//   dist/chunks/chunk-*.js  the one dist/index.js imports: everything the main entry holds, once (one copy of each
//                           service tag, error class and setting, whichever subpath a program imports it through)
//   dist/chunks/*.js        code only the optional-peer entries share (undici, the mock, Redis), never loaded by the
//                           main entry
//
// The declarations stay tsc's (dist/**/*.d.ts, one per source file); only tsc's JavaScript is replaced. Dependencies
// stay imports (`packages: "external"`): they resolve in the user's project, as before. Links are followed as links
// (`preserveSymlinks`): the Effect 4 edition's shared files must import its own adapters, not the Effect 3 ones.
import { build } from "esbuild"
import { readdirSync, readFileSync, rmSync } from "node:fs"
import { dirname, join, resolve } from "node:path"

const SOURCE_CONDITION = "effect-telegram-invite-source"
/** `--outdir DIR`: where tsc wrote (bench/compiledLibrary.ts compiles elsewhere); dist by default. */
const at = process.argv.indexOf("--outdir")
const outdir = at === -1 ? "dist" : process.argv[at + 1]
const pkg = JSON.parse(readFileSync("package.json", "utf8"))

/** `{ "BotApi": "/abs/src/BotApi.ts", "redis/index": … }`: the package's exports, named as their dist files. */
const entries = {}
for (const target of Object.values(pkg.exports)) {
  if (typeof target !== "object" || !target.default?.startsWith("./dist/")) continue
  entries[target.default.slice("./dist/".length, -".js".length)] = resolve(target[SOURCE_CONDITION])
}
const mainEntry = entries.index
if (mainEntry === undefined) throw new Error("bundle-library: package.json exports no ./dist/index.js")

/**
 * tsc's JavaScript (its declarations stay; a folder left empty goes); dist/bin is the bins' own bundle
 * (scripts/build-bins.mjs).
 */
const removeCompiledJs = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (path === join(outdir, "bin")) continue
      removeCompiledJs(path)
      if (readdirSync(path).length === 0) rmSync(path, { recursive: true })
    } else if (entry.name.endsWith(".js")) rmSync(path)
  }
}
removeCompiledJs(outdir)
rmSync(join(outdir, "chunks"), { recursive: true, force: true })

/**
 * esbuild splits shared code into one chunk per set of entries that reach it, which would cut the main entry's code
 * into as many chunks. Every other entry imports the main entry first, so everything the main entry holds is reached
 * by all entries alike and lands in one chunk.
 */
const oneCore = {
  name: "one-core",
  setup(bundle) {
    const others = new Set(Object.values(entries).filter((path) => path !== mainEntry))
    bundle.onResolve(
      { filter: /.*/ },
      (args) => args.path === mainEntry ? { path: mainEntry, sideEffects: true } : undefined
    )
    bundle.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!others.has(args.path)) return undefined
      return {
        contents: `import ${JSON.stringify(mainEntry)}\n${readFileSync(args.path, "utf8")}`,
        loader: "ts",
        resolveDir: dirname(args.path)
      }
    })
  }
}

const result = await build({
  entryPoints: entries,
  outdir,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  packages: "external",
  preserveSymlinks: true,
  platform: "node",
  format: "esm",
  target: "node20",
  conditions: [SOURCE_CONDITION],
  plugins: [oneCore],
  metafile: true,
  logLevel: "warning"
})

// The promise above: the main entry is itself and one chunk of ours.
const mainOutput = Object.entries(result.metafile.outputs).find(([, output]) =>
  output.entryPoint !== undefined &&
  resolve(output.entryPoint) === mainEntry
)?.[1]
const ownImports = mainOutput.imports.filter((i) => !i.external).map((i) => i.path)
if (ownImports.length !== 1) {
  throw new Error(`bundle-library: dist/index.js imports ${ownImports.length} chunks (${ownImports.join(", ")}), not 1`)
}
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0)
process.stderr.write(
  `bundle-library: ${Object.keys(entries).length} entries and ${
    Object.keys(result.metafile.outputs).length - Object.keys(entries).length
  } chunks, ${(bytes / 1024).toFixed(0)} KB; the main entry loads ${ownImports[0]}\n`
)
