/**
 * The long tail under hostile parameters: every method of the families this mock added (stickers, games, business,
 * gifts, stories, verification, passport, managed bots, suggested posts, custom requests) gets junk, bad JSON, deep
 * JSON, huge numbers and plausible-but-wrong values, in a world that has something of each. Each call is answered in
 * the envelope (status = error_code), never a defect (the mock throws in "throw" mode), and a refused call changes
 * nothing in the world.
 */
import { readFileSync } from "node:fs"
import { defaultWorld, MockTelegram } from "telegram-bot-api-mock"
import { describe, expect, it } from "vitest"
import { METHODS } from "../../mock-server/src/api/methods/index.js"
import { formCaller, nestedArrays } from "./hostileInput.js"

const FAMILIES = new Set([
  "stickers",
  "games",
  "business",
  "gifts",
  "stories",
  "verification",
  "passport",
  "managedBots",
  "other"
])
const NAMES = METHODS.filter((m) => FAMILIES.has(m.family) || /SuggestedPost$/.test(m.name))

/** The README's long-tail world: a set, a game, a connection, gifts, Stars, a managed bot, a verifier. */
const world = () => {
  const readme = readFileSync(new URL("../../mock-server/README.md", import.meta.url), "utf8")
  const block = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!).find((t) =>
    t.includes("sticker_sets")
  )
  const base = structuredClone(defaultWorld) as any
  base.users.push({ id: 5_000_001, is_bot: true, first_name: "Helper", username: "helper_bot" })
  const sections = JSON.parse(block!)
  sections.business_connections[0].rights = { can_reply: true, can_manage_stories: true, can_edit_name: true }
  return { ...base, ...sections }
}

const JUNK: ReadonlyArray<string> = [
  "",
  "x",
  "-1",
  "0",
  "99999999999999999999999",
  "{\"a\":",
  nestedArrays(2000),
  "{\"type\":\"photo\",\"photo\":\"attach://none\",\"sticker\":\"x\",\"emoji_list\":[\"🙂\"],\"format\":\"static\"}",
  "[{\"sticker\":\"x\",\"format\":\"static\",\"emoji_list\":[\"🙂\",5]},null,7]",
  "[{\"type\":\"passport\",\"source\":\"files\",\"file_hashes\":[1],\"message\":\"m\"}]",
  "{\"price\":{\"currency\":\"TON\",\"amount\":\"1e99\"},\"send_date\":-5}"
]

/** A plausible value for the parameters that name something of the world. */
const PLAUSIBLE: Readonly<Record<string, string>> = {
  user_id: "42",
  chat_id: "42",
  business_connection_id: "olga-shop",
  name: "pets_by_my_bot",
  gift_id: "5170233102089322756",
  owned_gift_id: "1",
  game_short_name: "tetris",
  message_id: "1",
  story_id: "1"
}

describe("the long tail under hostile parameters", () => {
  const mock = MockTelegram.make({ world: world(), onDefect: "throw" })
  const token = mock.snapshot().bots[0]!.token
  const call = formCaller(mock, token)

  it("covers every method of the families", () => {
    expect(NAMES.length).toBe(56)
  })

  for (const method of NAMES) {
    it(`${method.name}: answered in the envelope, nothing changed when refused`, () => {
      const names = Object.keys(method.params)
      for (const junk of JUNK) {
        for (const plausible of [false, true]) {
          const params = Object.fromEntries(names.map((n) => [n, plausible && n in PLAUSIBLE ? PLAUSIBLE[n]! : junk]))
          const before = JSON.stringify(mock.snapshot())
          const answer = call(method.name, params)
          expect(answer._tag, `${method.name} ${JSON.stringify(params).slice(0, 80)}`).toBe("Json")
          const { status, body } = answer as { status: number; body: string }
          const envelope = JSON.parse(body)
          expect(status).toBe(envelope.ok ? 200 : envelope.error_code)
          if (!envelope.ok) {
            expect(envelope.description).toMatch(/^(Bad Request|Forbidden|Too Many Requests): /)
            expect(JSON.stringify(mock.snapshot())).toBe(before)
          }
        }
      }
      expect(call("getMe", {})).toMatchObject({ status: 200 })
    })
  }
})
