/**
 * The READMEs stay true: their programs are the tested examples, their npm scripts exist, their exit codes are the
 * CLI's, and every block a newcomer copies is marked for the fresh-project check (scripts/check-readme-projects.sh,
 * which installs, compiles and runs them in fresh Effect 3 and Effect 4 projects).
 */
import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { ExitCode } from "../cli/ExitCode.js"

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8")
const readme4 = readFileSync(new URL("../effect4/README.md", import.meta.url), "utf8")

/** Every marked block of both READMEs, as the fresh-project check reads them (one process per README). */
const blocksOf = Object.fromEntries(
  ["README.md", "effect4/README.md"].map((path) => [
    path,
    JSON.parse(
      execFileSync(process.execPath, ["scripts/readme-blocks.mjs", path, "json"], { encoding: "utf8" })
    ) as ReadonlyArray<{ readonly marker: string; readonly text: string }>
  ])
)

/** The blocks of `path` marked `<!-- fresh-project: kind -->`, in order. */
const marked = (path: string, kind: string): string =>
  (blocksOf[path] ?? []).filter((block) => block.marker === kind).map((block) => block.text).join("")

/** The files a newcomer's project is made of, as both READMEs mark them. */
const projectFiles = [
  "tsconfig.json",
  "src/resilient-export.ts",
  "src/bot.ts",
  "src/many-processes.ts",
  "test/bot.test.ts",
  "test/flood-wait.test.ts"
]
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

describe("a newcomer's first hour, in both READMEs", () => {
  for (const path of ["README.md", "effect4/README.md"]) {
    it(`${path}: every block the fresh-project check runs is marked`, () => {
      for (const kind of ["init", "install", "run", ...projectFiles.map((file) => `file ${file}`)]) {
        expect(marked(path, kind).trim().length, `${path}: ${kind}`).toBeGreaterThan(0)
      }
      expect(marked(path, "init")).toContain("npm pkg set type=module")
      expect(marked(path, "run")).toContain("npx vitest run")
    })
  }

  it("pins the test tools to each edition's majors (npm's latest @effect/vitest is Effect 4's)", () => {
    expect(marked("README.md", "install")).toContain("@effect/vitest@^0.30 vitest@^3.2")
    expect(marked("effect4/README.md", "install")).toContain("@effect/vitest@^4.1 vitest@^5")
  })

  it("the Effect 3 README's test is the tested example", () => {
    expect(marked("README.md", "file test/flood-wait.test.ts")).toBe(
      readFileSync(new URL("../examples/flood-wait.test.ts", import.meta.url), "utf8")
    )
  })

  it("the Effect 4 README shows its examples exactly as the edition's tests compile and run them", () => {
    for (
      const [file, from] of [["resilient-export.ts", "import { NodeRuntime }"], [
        "many-processes.ts",
        "import { NodeHttpClient"
      ]]
    ) {
      const text = readFileSync(new URL(`../examples/effect4/${file}`, import.meta.url), "utf8")
      expect(marked("effect4/README.md", `file src/${file}`)).toBe(text.slice(text.indexOf(from)))
    }
  })

  it("the Effect 4 README stands alone, in Effect 4 terms", () => {
    for (
      const effect3Only of [
        "Effect.fork(",
        "Effect.clock",
        "Effect.catchAll",
        "FiberRef",
        "Config.string(",
        "@effect/platform\"",
        "@effect/experimental",
        "ioredis",
        "TestClock } from \"effect\""
      ]
    ) {
      expect(readme4, effect3Only).not.toContain(effect3Only)
    }
    for (
      const section of [
        "## Errors",
        "## Policies",
        "## A bot",
        "## Testing with the mock",
        "## One bot, many processes (Redis)",
        "TELEGRAM_BOT_TOKEN",
        "TELEGRAM_API_ROOT",
        "Effect.catchReason",
        "Message.inlineKeyboard([a, b], [c])"
      ]
    ) {
      expect(readme4, section).toContain(section)
    }
    // It links to the root README only by absolute URL (the package's tarball has no other file to link to).
    expect(readme4).not.toMatch(/\]\((?!https?:|#)/)
  })

  it("both say which edition a peer error asks for, and that forcing it crashes", () => {
    for (
      const [text, other] of [[readme, "effect-telegram-invite-effect4"], [readme4, "effect-telegram-invite"]] as const
    ) {
      expect(text).toContain("npm error ERESOLVE unable to resolve dependency tree")
      expect(text).toContain(`npm install ${other} effect@^`)
      expect(text).toContain("--legacy-peer-deps")
    }
  })

  it("both warn that exporting revokes the previous link, and show resilient's real shape", () => {
    for (const text of [readme, readme4]) {
      expect(text).toContain("**revokes the previous one**")
      expect(text).toContain("createChatInviteLink")
      expect(text).toContain(
        "it is curried, the chat\ncomes last, and it returns an `Outcome` (`{ value, chatId, migratedFrom?, attempts }`)"
      )
    }
  })
})
