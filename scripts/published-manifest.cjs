// What a published package.json carries: only what an installer (and the registry's page) needs. The repository's
// manifests also hold what developing them needs (scripts, among them `prepare`, which npm 11 asks users to approve
// though no script ships; devDependencies; workspaces; the `effect-telegram-invite-source` export condition, which
// points at TypeScript sources the tarball does not have). Both uses read this one rule: the cleaning at pack time
// (scripts/clean-package.config.cjs, run by each package's prepack) and the check of every tarball
// (scripts/check-manifest.mjs, run by both package checks). CommonJS because clean-package loads its config with
// require().

/** The top-level fields a published manifest keeps; every other one is removed at pack time. */
const KEPT_FIELDS = [
  "name",
  "version",
  "description",
  "type",
  "license",
  "author",
  "funding",
  "engines",
  "keywords",
  "exports",
  "main",
  "types",
  "bin",
  "files",
  "sideEffects",
  "dependencies",
  "optionalDependencies",
  "peerDependencies",
  "peerDependenciesMeta",
  "repository",
  "homepage",
  "bugs"
]

/** The export condition under which the repository's own tools read the TypeScript sources. */
const SOURCE_CONDITION = "effect-telegram-invite-source"

/** An `exports` value without the source condition, at any depth. */
const withoutSourceCondition = (value) => {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== SOURCE_CONDITION)
      .map(([key, inner]) => [key, withoutSourceCondition(inner)])
  )
}

/** The fields of `manifest` that publishing removes. */
const removedFields = (manifest) => Object.keys(manifest).filter((key) => !KEPT_FIELDS.includes(key))

/** The manifest as published. */
const publishedManifest = (manifest) => {
  const kept = Object.fromEntries(Object.entries(manifest).filter(([key]) => KEPT_FIELDS.includes(key)))
  return "exports" in kept ? { ...kept, exports: withoutSourceCondition(kept.exports) } : kept
}

/** Where a source condition sits in an `exports` value (`exports["./BotApi"]`, …). */
const sourceConditionPaths = (value, at) => {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return []
  return Object.entries(value).flatMap(([key, inner]) =>
    key === SOURCE_CONDITION ? [at] : sourceConditionPaths(inner, `${at}[${JSON.stringify(key)}]`)
  )
}

/** Why `manifest` is not fit to publish, one line each (none: it is). */
const manifestProblems = (manifest) => {
  const problems = []
  const scripts = manifest.scripts ?? {}
  for (const script of ["preinstall", "install", "postinstall", "prepare"]) {
    if (script in scripts) {
      problems.push(`scripts.${script}: an install-time script (${JSON.stringify(scripts[script])})`)
    }
  }
  if ("devDependencies" in manifest) problems.push("devDependencies: a development field")
  for (const field of removedFields(manifest)) {
    if (field !== "devDependencies") problems.push(`${field}: not a field an installer needs`)
  }
  for (const path of sourceConditionPaths(manifest.exports, "exports")) {
    problems.push(`${path}: the ${SOURCE_CONDITION} condition points at sources the package does not ship`)
  }
  return problems
}

module.exports = { KEPT_FIELDS, SOURCE_CONDITION, removedFields, publishedManifest, manifestProblems }
