/**
 * The mock README's generated tables: the methods it serves by family (from the method tables, against the real
 * server's list) and the control API's routes (from the router's table). `node --import tsx scripts/mock-tables.ts`
 * rewrites them between their markers; test/mock/methodTable.test.ts fails when the README and the tables disagree.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { METHODS } from "../mock-server/src/api/methods/index.js"
import { BOT_API_METHODS, BOT_API_SOURCE, FAMILY_TITLES } from "../mock-server/src/api/table/botApiMethods.js"
import { CONTROL_ROUTES } from "../mock-server/src/control/router.js"

/** The README these tables live in. */
export const MOCK_README = fileURLToPath(new URL("../mock-server/README.md", import.meta.url))

const code = (name: string): string => `\`${name}\``

/** Served and not served, per family of the real server's table. */
export const methodCoverage = () => {
  const served = new Set(METHODS.map((method) => method.name))
  const families = Object.entries(BOT_API_METHODS).map(([family, names]) => ({
    family: family as keyof typeof BOT_API_METHODS,
    served: names.filter((name) => served.has(name)),
    missing: names.filter((name) => !served.has(name))
  }))
  const total = families.reduce((sum, family) => sum + family.served.length + family.missing.length, 0)
  const count = families.reduce((sum, family) => sum + family.served.length, 0)
  return { families, total, served: count }
}

/** The method table: one row per family, its served methods, and those it still answers 404. */
export const methodsMarkdown = (): string => {
  const coverage = methodCoverage()
  const rows = coverage.families.map(({ family, missing, served }) => {
    const cells = served.map(code).join(", ")
    const rest = missing.length === 0 ? "" : `${cells === "" ? "" : "; "}not yet: ${missing.map(code).join(", ")}`
    return `| ${FAMILY_TITLES[family]} | ${served.length}/${served.length + missing.length} | ${cells}${rest} |`
  })
  return [
    `It serves **${coverage.served} of the ${coverage.total} methods** of Bot API ${BOT_API_SOURCE.version} (the`,
    `names of the real server's table, aliases included, read from ${BOT_API_SOURCE.repository} at`,
    `${BOT_API_SOURCE.commit.slice(0, 12)}, plus \`close\` and \`logOut\`); \`SERVED_METHODS\` lists them.`,
    "",
    "| family | served | methods |",
    "|---|---|---|",
    ...rows
  ].join("\n")
}

/** The control API's routes, as the router serves them. */
export const routesMarkdown = (): string =>
  [
    "| request | does |",
    "|---|---|",
    ...CONTROL_ROUTES.map((route) =>
      `| \`${route.method} ${route.path.replace(/:([a-z_]+)/g, "{$1}")}\` | ${route.summary.replace(/\|/g, "\\|")} |`
    ),
    "| `GET /__mock/events` | server-sent events: a `hello`, then each request, update and action (the [console](#watch-your-bot-the-console)'s stream) |"
  ].join("\n")

const SECTIONS = { methods: methodsMarkdown, routes: routesMarkdown } as const

/** The README with every generated section replaced by what the tables say now. */
export const regenerated = (readme: string): string => {
  let out = readme
  for (const [name, make] of Object.entries(SECTIONS)) {
    const start = `<!-- generated:${name} -->`
    const end = `<!-- /generated:${name} -->`
    const from = out.indexOf(start)
    const to = out.indexOf(end)
    if (from === -1 || to < from) throw new Error(`mock-server/README.md has no ${start} … ${end} section`)
    out = `${out.slice(0, from + start.length)}\n${make()}\n${out.slice(to)}`
  }
  return out
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(MOCK_README, regenerated(readFileSync(MOCK_README, "utf8")))
  const coverage = methodCoverage()
  console.log(`mock-server/README.md: ${coverage.served} of ${coverage.total} methods served; routes regenerated`)
}
