/**
 * The mock's method tables against the real server's: the list read from Client.cpp (every method of Bot API 10.0),
 * how many the mock serves (printed), the families it serves whole, the README's generated tables, and that every
 * served method declares its parameters.
 */
import { readFileSync } from "node:fs"
import { MockTelegram, SERVED_METHODS } from "telegram-bot-api-mock"
import { describe, expect, it } from "vitest"
import { METHODS } from "../../mock-server/src/api/methods/index.js"
import { BOT_API_ALIASES, BOT_API_METHODS } from "../../mock-server/src/api/table/botApiMethods.js"
import { methodCoverage, MOCK_README, regenerated } from "../../scripts/mock-tables.js"

/** Families the mock serves whole (all of them): dropping one of their methods turns this file red. */
const COMPLETE_FAMILIES: ReadonlyArray<keyof typeof BOT_API_METHODS> = [
  "updates",
  "profile",
  "messages",
  "media",
  "polls",
  "edits",
  "reactions",
  "pins",
  "chatActions",
  "files",
  "forumTopics",
  "users",
  "administration",
  "inline",
  "stickers",
  "games",
  "business",
  "gifts",
  "stories",
  "verification",
  "passport",
  "managedBots",
  "payments",
  "other"
]

const REAL = Object.values(BOT_API_METHODS).flat()

describe("the method table", () => {
  it("is the real server's: 181 names (179 of its table, 3 of them aliases, plus close and logOut)", () => {
    expect(REAL).toHaveLength(181)
    expect(new Set(REAL.map((name) => name.toLowerCase())).size).toBe(181)
    for (const [alias, target] of Object.entries(BOT_API_ALIASES)) {
      expect(REAL).toContain(alias)
      expect(REAL).toContain(target)
    }
  })

  it("serves only methods of the real server, each once, as the Bot API spells them", () => {
    const coverage = methodCoverage()
    console.log(`the mock serves ${coverage.served} of the ${coverage.total} methods of Bot API 10.0`)
    expect(new Set(SERVED_METHODS).size).toBe(SERVED_METHODS.length)
    for (const name of SERVED_METHODS) expect(REAL, name).toContain(name)
    expect(coverage.served).toBe(SERVED_METHODS.length)
  })

  it("serves the complete families whole, and they are every family: all 181 methods", () => {
    expect([...COMPLETE_FAMILIES].sort()).toEqual(Object.keys(BOT_API_METHODS).sort())
    expect([...SERVED_METHODS].sort()).toEqual([...REAL].sort())
    for (const family of COMPLETE_FAMILIES) {
      for (const name of BOT_API_METHODS[family]) expect(SERVED_METHODS, `${family}: ${name}`).toContain(name)
    }
  })

  it("declares each served method's family, summary and parameters", () => {
    for (const method of METHODS) {
      expect(BOT_API_METHODS[method.family], method.name).toContain(method.name)
      expect(method.summary.length, method.name).toBeGreaterThan(10)
      for (const [name, param] of Object.entries(method.params)) {
        expect(name, method.name).toMatch(/^[a-z][a-z_]*$/)
        expect(param.kind.length, `${method.name}.${name}`).toBeGreaterThan(0)
      }
    }
  })

  it("answers 404 method not found for a name outside the table, any case", () => {
    const mock = MockTelegram.make()
    const token = mock.snapshot().bots[0]!.token
    for (const name of ["sendTelepathy", "getme2", "exportChatInviteLinks"]) {
      const response = mock.handle({ method: "GET", target: `/bot${token}/${name}`, body: new Uint8Array() })
      expect(response).toMatchObject({ _tag: "Json", status: 404 })
      expect(JSON.parse((response as { body: string }).body).description).toBe("Not Found: method not found")
    }
  })

  it("is what the mock's README shows (regenerate with `node --import tsx scripts/mock-tables.ts`)", () => {
    const readme = readFileSync(MOCK_README, "utf8")
    expect(regenerated(readme)).toBe(readme)
  })
})
