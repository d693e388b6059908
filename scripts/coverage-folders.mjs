// Coverage per folder: vitest's per-file json-summary summed per folder (src/core, mock-server/src/api, …) and for the
// whole ("all"), statements and branches, each folder with its floor (scripts/coverage-floors.json). Shared by
// coverage-report.mjs (what CI prints and holds to the floor) and coverage.mjs (the results file).
import { readFileSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..")

/** Covered and total statements and branches per folder, sorted, "all" last; each with its floor. */
export const coverageByFolder = (summary) => {
  const floors = JSON.parse(readFileSync(join(ROOT, "scripts", "coverage-floors.json"), "utf8"))
  const folders = new Map()
  const add = (key, data) => {
    const entry = folders.get(key) ?? { statements: { covered: 0, total: 0 }, branches: { covered: 0, total: 0 } }
    for (const metric of ["statements", "branches"]) {
      entry[metric].covered += data[metric].covered
      entry[metric].total += data[metric].total
    }
    folders.set(key, entry)
  }
  for (const [path, data] of Object.entries(summary)) {
    if (path === "total") continue
    add(dirname(relative(ROOT, path)), data)
    add("all", data)
  }
  const keys = [...folders.keys()].sort((a, b) => (a === "all" ? 1 : b === "all" ? -1 : a.localeCompare(b)))
  return Object.fromEntries(
    keys.map((folder) => [folder, { ...folders.get(folder), floor: floors.folders[folder] ?? floors.default }])
  )
}

export const percent = ({ covered, total }) => (total === 0 ? 100 : (100 * covered) / total)
