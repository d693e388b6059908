#!/usr/bin/env node
// Bundles the tg-invite command into one file, dist/bin/tg-invite.js: tree-shaken, with everything it uses inside
// (effect, @effect/platform, @effect/cli, the mock package for --mock and demo), so the installed bin needs no peer
// and starts by parsing one file instead of resolving hundreds of modules.
import { build } from "esbuild"
import { chmodSync } from "node:fs"

const outfile = "dist/bin/tg-invite.js"
await build({
  entryPoints: ["cli/bin/tg-invite.ts"],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  conditions: ["source"],
  minify: true,
  keepNames: false,
  legalComments: "none",
  logLevel: "warning",
  // CommonJS code inside the bundle still calls require() for Node's own modules.
  banner: {
    js:
      "#!/usr/bin/env node\nimport { createRequire as __createRequire } from \"node:module\";\nconst require = __createRequire(import.meta.url);"
  }
})
chmodSync(outfile, 0o755)
