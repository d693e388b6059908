/** The README stays true: its program is the tested example, its npm scripts exist, its exit codes are the CLI's. */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { ExitCode } from "../cli/ExitCode.js"

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8")
const example = readFileSync(new URL("../examples/resilient-export.ts", import.meta.url), "utf8")
const scripts = Object.keys(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).scripts)

describe("README", () => {
  it("opens with the two commands a newcomer runs", () => {
    const firstBlock = readme.slice(readme.indexOf("```sh"), readme.indexOf("```", readme.indexOf("```sh") + 5))
    expect(firstBlock).toContain("npm ci && npm start")
    expect(firstBlock).toContain("npm ci && npm test")
  })

  it("shows the example program exactly as the tests compile and run it", () => {
    const body = example.slice(example.indexOf("import { FetchHttpClient }"))
    expect(readme).toContain(body)
  })

  it("shows the many-processes example exactly as the tests compile and run it", () => {
    const file = readFileSync(new URL("../examples/many-processes.ts", import.meta.url), "utf8")
    const body = file.slice(file.indexOf("import { NodeHttpClient"))
    expect(readme).toContain(body)
  })

  it("shows the invite bot's program exactly as the tests compile and run it", () => {
    const file = readFileSync(new URL("../examples/invite-bot.ts", import.meta.url), "utf8")
    const body = file.slice(file.indexOf("/** Polls TELEGRAM_CHAT_ID"), file.indexOf("/** The client configured"))
    expect(body.length).toBeGreaterThan(200)
    expect(readme).toContain(body.trimEnd())
  })

  it("names only npm scripts that exist", () => {
    const named = [...readme.matchAll(/npm run (?:--silent )?([a-z][\w:-]*)/g)].map((m) => m[1])
    expect(named.length).toBeGreaterThan(3)
    for (const name of named) expect(scripts).toContain(name)
  })

  it("documents every exit code of the CLI", () => {
    for (const code of Object.values(ExitCode)) expect(readme).toMatch(new RegExp(`\\n\\| ${code} \\| `))
  })
})
