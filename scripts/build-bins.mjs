#!/usr/bin/env node
// Bundles the tg-invite command, dist/bin/tg-invite.js: tree-shaken, with everything it uses inside (effect,
// @effect/platform, the library), so the installed bin needs no peer and starts by compiling one file instead of
// resolving hundreds of modules. The embedded mock (for --mock and demo) is a chunk of its own, loaded only by them.
import { build } from "esbuild"
import { chmodSync, rmSync } from "node:fs"

// `--outdir DIR` builds elsewhere (the CLI's process tests build their own copy).
const at = process.argv.indexOf("--outdir")
const outdir = at === -1 ? "dist/bin" : process.argv[at + 1]
rmSync(outdir, { recursive: true, force: true })
await build({
  entryPoints: { "tg-invite": "cli/bin/tg-invite.ts" },
  outdir,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  conditions: ["effect-telegram-invite-source"],
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  banner: { js: "#!/usr/bin/env node" }
})
chmodSync(`${outdir}/tg-invite.js`, 0o755)
