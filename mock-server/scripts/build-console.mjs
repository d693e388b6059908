#!/usr/bin/env node
// Builds the console page (src/console/page): its TypeScript bundled into one minified console.js (esbuild, for
// browsers; no dependency), its style sheet minified, its HTML as written. `node scripts/build-console.mjs DIR`
// writes index.html, console.js and console.css into DIR (the package's build: dist/console, next to assets.js, which
// serves them); imported, `buildConsole()` returns them (the server run from its TypeScript sources builds them in
// memory the first time the page is asked for).
import { build, transform } from "esbuild"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

const page = new URL("../src/console/page/", import.meta.url)

/** The page's three files, as strings. */
export const buildConsole = async () => {
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL("main.ts", page))],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: ["chrome109", "firefox115", "safari15.4"],
    minify: true,
    legalComments: "none",
    charset: "utf8",
    logLevel: "warning"
  })
  const css = await transform(readFileSync(new URL("console.css", page), "utf8"), {
    loader: "css",
    minify: true,
    target: ["chrome109", "firefox115", "safari15.4"],
    charset: "utf8"
  })
  return {
    html: readFileSync(new URL("index.html", page), "utf8"),
    js: bundled.outputFiles[0].text,
    css: css.code
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? "dist/console"
  const files = await buildConsole()
  mkdirSync(out, { recursive: true })
  writeFileSync(`${out}/index.html`, files.html)
  writeFileSync(`${out}/console.js`, files.js)
  writeFileSync(`${out}/console.css`, files.css)
  const size = (text) => Buffer.byteLength(text)
  const total = size(files.html) + size(files.js) + size(files.css)
  process.stdout.write(
    `console: ${out} (html ${size(files.html)} B, js ${size(files.js)} B, css ${size(files.css)} B; ${
      (total / 1024).toFixed(1)
    } KB)\n`
  )
}
