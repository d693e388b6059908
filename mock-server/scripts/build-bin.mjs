#!/usr/bin/env node
// Bundles the tg-mock-server command in place (dist/bin/tg-mock-server.js, after tsc): the mock and the command in one
// minified file, so that a start compiles one file instead of resolving some two hundred modules (spawn-to-listening
// roughly halves: bench/startup.ts measures it). The library's modules stay as tsc wrote them, for `import`; the
// console's page stays in dist/console/ (src/console/assets.ts finds it from the bundle).
import { build } from "esbuild"

const bin = new URL("../dist/bin/tg-mock-server.js", import.meta.url).pathname
await build({
  entryPoints: [bin],
  outfile: bin,
  allowOverwrite: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  // The in-process adapter is never loaded by the command; msw stays the user's optional peer.
  external: ["msw", "msw/*"]
})
