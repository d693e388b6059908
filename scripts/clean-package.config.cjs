// clean-package's configuration for every package of the repository (each package.json names this file under
// "clean-package"; its `prepack` runs `clean-package`, its `postpack` `clean-package restore`): the manifest of the
// package being packed (npm runs the scripts in its folder) loses what scripts/published-manifest.cjs says an
// installer does not need, and is restored once the tarball is written.
/* eslint-disable @typescript-eslint/no-require-imports -- clean-package loads this file with require() */
const { readFileSync } = require("node:fs")
const { resolve } = require("node:path")
const { publishedManifest, removedFields } = require("./published-manifest.cjs")

const manifest = JSON.parse(readFileSync(resolve(process.cwd(), "package.json"), "utf8"))

module.exports = {
  remove: removedFields(manifest),
  replace: "exports" in manifest ? { exports: publishedManifest(manifest).exports } : {}
}
