#!/usr/bin/env node
// Runs the bundled tg-invite (what `npm start` and `npm run tg-invite` use): rebuilds it first when a source is newer
// than the bundle (a fresh clone builds it in `npm ci`, through `prepare`), then runs it in this process.
import { existsSync, readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))
const bundle = join(root, "dist/bin/tg-invite.js")

const newestSource = (dir) => {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path))
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

const stale = !existsSync(bundle) ||
  Math.max(...["cli", "src", "mock-server/src"].map((dir) => newestSource(join(root, dir)))) > statSync(bundle).mtimeMs
if (stale) {
  process.chdir(root)
  await import(pathToFileURL(join(root, "scripts/build-bins.mjs")).href)
}
await import(pathToFileURL(bundle).href)
