/**
 * The console page's files: built by the package's build (scripts/build-console.mjs writes dist/console/), read here
 * once. Run from the TypeScript sources (this repository's tests and scripts), there is no built copy beside this
 * file: the page is built in memory by the same script, with esbuild, the first time it is asked for.
 */
import type * as FsPromises from "node:fs/promises"
import { lazyBuiltin } from "../internal/lazyBuiltin.js"

/** Loaded by the first request for the page, not by every start. */
const fs = lazyBuiltin<typeof FsPromises>("node:fs/promises")

/** The page: its HTML, script and style sheet. */
export interface ConsoleAssets {
  readonly html: string
  readonly js: string
  readonly css: string
}

let loading: Promise<ConsoleAssets> | undefined

const load = async (): Promise<ConsoleAssets> => {
  const here = import.meta.url
  if (here.endsWith(".ts")) {
    // A computed specifier: the build script is not part of the package, and tsc must not follow it.
    const script = new URL("../../scripts/build-console.mjs", here).href
    const { buildConsole } = (await import(script)) as { buildConsole: () => Promise<ConsoleAssets> }
    return buildConsole()
  }
  // Beside this module in dist/console/, or beside dist/bin/ when this is the bundled command (scripts/build-bin.mjs).
  const folder = here.endsWith("/bin/tg-mock-server.js") ? "../console/" : "./"
  const read = (name: string) => fs().readFile(new URL(`${folder}${name}`, here), "utf8")
  const [html, js, css] = await Promise.all([read("index.html"), read("console.js"), read("console.css")])
  return { html, js, css }
}

/** The page's files (loaded once; a failed load is tried again on the next request). */
export const consoleAssets = (): Promise<ConsoleAssets> => {
  if (loading === undefined) {
    loading = load()
    loading.catch(() => {
      loading = undefined
    })
  }
  return loading
}
