#!/usr/bin/env node
// Lists the modules that importing an entry loads, ESM and CommonJS, as JSON on stdout:
//   node scripts/modules-loaded.mjs dist/index.js
//   node --import tsx --conditions=effect-telegram-invite-source scripts/modules-loaded.mjs src/index.ts
// Prints {"entry", "esm": [urls], "cjs": [paths], "ms"}: the wall time of the import itself is `ms`.
import { createRequire, register } from "node:module"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { MessageChannel } from "node:worker_threads"

const entry = process.argv[2]
if (entry === undefined) {
  process.stderr.write("usage: modules-loaded.mjs <entry>\n")
  process.exit(2)
}
const { port1, port2 } = new MessageChannel()
const esm = new Set()
port1.on("message", (url) => esm.add(url))
port1.unref()
const hooks = `
let port
export const initialize = (data) => { port = data.port }
export const load = async (url, context, next) => { port.postMessage(url); return next(url, context) }
`
register(`data:text/javascript,${encodeURIComponent(hooks)}`, import.meta.url, {
  data: { port: port2 },
  transferList: [port2]
})
const started = performance.now()
await import(pathToFileURL(resolve(entry)).href)
const ms = performance.now() - started
// Let the last messages of the loader thread arrive.
await new Promise((done) => setTimeout(done, 50))
const cjs = Object.keys(createRequire(import.meta.url).cache)
process.stdout.write(JSON.stringify({ entry, esm: [...esm], cjs, ms: Math.round(ms) }) + "\n")
