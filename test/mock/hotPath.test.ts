/**
 * The request path's shortcuts answer exactly as the long way does: the last well-shaped token skips its shape checks
 * but is still looked up in each world; the last plain target keeps its parts but never a parameter; chat ids are read
 * by hand as the canonical-decimal regex reads them; invite-link hashes cut from one encoded pool stay unique.
 */
import {
  DEFAULT_BOT_TOKEN,
  DEFAULT_OWNER_ID,
  defaultWorld,
  MockTelegram,
  type WireResponse
} from "telegram-bot-api-mock"
import { describe, expect, it } from "vitest"
import { Params, parseBody, toInt64, toSafeInt64 } from "../../mock-server/src/internal/Params.js"

const T = DEFAULT_BOT_TOKEN
const SECRET = T.slice(T.indexOf(":") + 1)
const SUPERGROUP = -1001234567890
const OTHER_TOKEN = "123456:OtherBotSecretAbcdefghijklmnop"

const post = (mock: MockTelegram, target: string, body: unknown = {}): { status: number; body: any } => {
  const response: WireResponse = mock.handle({
    method: "POST",
    target,
    contentType: "application/json",
    body: new TextEncoder().encode(typeof body === "string" ? body : JSON.stringify(body))
  })
  if (response._tag !== "Json") throw new Error(`expected a JSON answer, got ${response._tag}`)
  return { status: response.status, body: JSON.parse(response.body) }
}

const refusal = (status: number, description: string) => ({
  status,
  body: { ok: false, error_code: status, description }
})

describe("the last well-shaped token", () => {
  it("is still looked up in each world: a world without it answers Unauthorized", () => {
    const withDefault = MockTelegram.make()
    const world = structuredClone(defaultWorld) as any
    world.bots[0].token = OTHER_TOKEN
    const withOther = MockTelegram.make({ world })
    expect(post(withDefault, `/bot${T}/getMe`).status).toBe(200)
    expect(post(withOther, `/bot${T}/getMe`)).toEqual(refusal(401, "Unauthorized"))
    expect(post(withOther, `/bot${OTHER_TOKEN}/getMe`).status).toBe(200)
    expect(post(withDefault, `/bot${OTHER_TOKEN}/getMe`)).toEqual(refusal(401, "Unauthorized"))
    expect(post(withDefault, `/bot${T}/getMe`).status).toBe(200)
  })

  it("does not let a token of another shape through between calls with it", () => {
    const mock = MockTelegram.make()
    const badShapes: ReadonlyArray<[string, ReturnType<typeof refusal>]> = [
      [`0${T}`, refusal(401, "Unauthorized: invalid token specified")],
      [`abc:${SECRET}`, refusal(421, "Misdirected Request: unallowed token specified")],
      [`123456:${SECRET.slice(0, 23)}`, refusal(401, "Unauthorized")],
      [`123456:${SECRET.slice(0, -1)}!`, refusal(401, "Unauthorized")],
      [`18014398509481984:${SECRET}`, refusal(401, "Unauthorized: invalid token specified")],
      [`123456${SECRET}`, refusal(401, "Unauthorized: invalid token specified")]
    ]
    for (const [token, answer] of badShapes) {
      expect(post(mock, `/bot${T}/getMe`).status).toBe(200)
      expect(post(mock, `/bot${token}/getMe`)).toEqual(answer)
    }
    expect(post(mock, `/bot${T}/getMe`).status).toBe(200)
  })
})

describe("the last plain target", () => {
  it("reads a method given as a parameter from each request", () => {
    const mock = MockTelegram.make()
    const target = `/bot${T}/`
    expect(post(mock, target, { method: "getMe" }).body.result.username).toBe("seed_invite_bot")
    expect(post(mock, target, { method: "exportChatInviteLink", chat_id: SUPERGROUP }).body.result).toMatch(
      /^https:\/\/t\.me\/\+/
    )
    expect(post(mock, target, {})).toEqual(refusal(404, "Not Found: method not found"))
    expect(post(mock, target, { method: "GETME" }).status).toBe(200)
    expect(mock.journal().map((entry) => entry.method)).toEqual(["getMe", "exportChatInviteLink", "", "getMe"])
  })

  it("keeps the test environment and the method's case apart per target", () => {
    const mock = MockTelegram.make()
    for (const target of [`/bot${T}/test/getMe`, `/bot${T}/getMe`, `/bot${T}/GETME`, `/bot${T}/test/getMe`]) {
      expect(post(mock, target).status).toBe(200)
    }
    expect(mock.journal().map((entry) => [entry.method, entry.test_environment ?? false])).toEqual([
      ["getMe", true],
      ["getMe", false],
      ["getMe", false],
      ["getMe", true]
    ])
  })

  it("never stands in for a target with a query or an escape, which is read afresh each time", () => {
    const mock = MockTelegram.make()
    const plain = `/bot${T}/exportChatInviteLink`
    expect(post(mock, plain, { chat_id: SUPERGROUP }).status).toBe(200)
    expect(post(mock, `${plain}?chat_id=${SUPERGROUP}`).status).toBe(200)
    expect(post(mock, `${plain}?chat_id=-1`)).toEqual(refusal(400, "Bad Request: chat not found"))
    expect(post(mock, `/bot${T}/exportChat%49nviteLink`, { chat_id: SUPERGROUP }).status).toBe(200)
    expect(post(mock, plain, {})).toEqual(refusal(400, "Bad Request: chat_id is empty"))
    expect(post(mock, "/bot", {})).toEqual(refusal(404, "Not Found"))
    expect(post(mock, "/bot", {})).toEqual(refusal(404, "Not Found"))
  })
})

describe("a chat id read by hand", () => {
  // The reading it replaces, verbatim: a canonical decimal by regex, then Number (short) or BigInt (long).
  const byRegex = (text: string): number | undefined => {
    if (text.length < 16) return /^(0|-?[1-9][0-9]*)$/.test(text) ? Number(text) : undefined
    const big = toInt64(text)
    const n = Number(big)
    return big !== undefined && Number.isSafeInteger(n) ? n : undefined
  }

  it("reads every string as the regex does", () => {
    const chosen = [
      "",
      "-",
      "0",
      "-0",
      "00",
      "05",
      "-05",
      "+5",
      " 5",
      "5 ",
      "1e3",
      "1.0",
      "--1",
      "-1001234567890",
      "999999999999999",
      "-999999999999999",
      "9007199254740991",
      "9007199254740992",
      "-9007199254740991",
      "١٢٣",
      "12/3",
      "12:3"
    ]
    for (const text of chosen) expect([text, toSafeInt64(text)]).toEqual([text, byRegex(text)])
    // Strings of every length up to 17 over the characters that matter, from a fixed seed.
    const alphabet = "-0123456789+ ./:"
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
    for (let i = 0; i < 20_000; i++) {
      const length = next() % 18
      let text = ""
      for (let j = 0; j < length; j++) text += alphabet[next() % (j === 0 ? alphabet.length : 11)]
      expect([text, toSafeInt64(text)]).toEqual([text, byRegex(text)])
    }
  })

  it("answers a chat id that is not plain decimal as before", () => {
    const mock = MockTelegram.make()
    const target = `/bot${T}/exportChatInviteLink`
    expect(post(mock, target, { chat_id: String(SUPERGROUP) }).status).toBe(200)
    expect(post(mock, target, { chat_id: `-0${-SUPERGROUP}` })).toEqual(refusal(400, "Bad Request: chat not found"))
    expect(post(mock, target, { chat_id: `${SUPERGROUP}.0` })).toEqual(refusal(400, "Bad Request: chat not found"))
    expect(post(mock, target, { chat_id: "-0" })).toEqual(refusal(400, "Bad Request: chat not found"))
    expect(post(mock, target, { chat_id: "-" })).toEqual(refusal(400, "Bad Request: chat not found"))
    expect(post(mock, target, "{\"chat_id\":\"-１001234567890\",\"x\":\"ü\"}")).toEqual(
      refusal(400, "Bad Request: chat not found")
    )
  })
})

describe("invite-link hashes cut from one encoded pool", () => {
  it("are 16 base64url characters, unique across pool refills", () => {
    const mock = MockTelegram.make()
    const links = new Set<string>()
    for (let i = 0; i < 1_500; i++) {
      const link = post(mock, `/bot${T}/exportChatInviteLink`, { chat_id: SUPERGROUP }).body.result
      expect(link).toMatch(/^https:\/\/t\.me\/\+[A-Za-z0-9_-]{16}$/)
      links.add(link)
    }
    expect(links.size).toBe(1_500)
  })
})

describe("a JSON number read by hand", () => {
  // The regex it replaces: the longest JSON number at the value's start (a bare fraction or exponent left out).
  const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/

  it("keeps what the regex kept of every value, as its raw text", () => {
    const alphabet = "-0123456789.eE+"
    let seed = 11
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
    const values = ["0", "-0", "01", "1.", "1.5", "1e", "1e+", "1E-3", "-1.5e10", "1.e5", "--1", "-", "0.0e0", "1.2.3"]
    for (let i = 0; i < 20_000; i++) {
      const length = 1 + (next() % 12)
      let text = ""
      for (let j = 0; j < length; j++) text += alphabet[next() % alphabet.length]
      values.push(text)
    }
    for (const value of values) {
      const params = new Params()
      parseBody("application/json", new TextEncoder().encode(`{"a":${value}}`), params)
      expect([value, params.get("a")]).toEqual([value, NUMBER.exec(value)?.[0]])
    }
  })
})

describe("links in the world file", () => {
  it("are listed chat by chat in creation order, the revoked beyond the cap forgotten", () => {
    const mock = MockTelegram.make()
    const CHANNEL = -1001000000001
    const made = new Map<number, Array<string>>([[SUPERGROUP, []], [CHANNEL, []]])
    for (let i = 0; i < 30; i++) {
      for (const chat of i % 3 === 0 ? [CHANNEL, SUPERGROUP] : [SUPERGROUP]) {
        made.get(chat)!.push(post(mock, `/bot${T}/exportChatInviteLink`, { chat_id: chat }).body.result)
      }
    }
    const ours = mock.snapshot().invite_links.filter((link) => link.creator_id !== DEFAULT_OWNER_ID)
    // 30 made in the supergroup: the primary and the last 20 revoked remain; 10 in the channel: all remain.
    expect(ours.map((link) => [link.chat_id, link.invite_link, link.is_revoked])).toEqual([
      ...made.get(SUPERGROUP)!.slice(-21).map((url, i) => [SUPERGROUP, url, i < 20]),
      ...made.get(CHANNEL)!.map((url, i) => [CHANNEL, url, i < 9])
    ])
  })
})

describe("a JSON body's Content-Type", () => {
  it("is read by substring, any case, beside the exact type's shortcut", () => {
    const mock = MockTelegram.make()
    const answer = (contentType: string) => {
      const response = mock.handle({
        method: "POST",
        target: `/bot${T}/exportChatInviteLink`,
        contentType,
        body: new TextEncoder().encode(JSON.stringify({ chat_id: SUPERGROUP }))
      })
      return response._tag === "Json" ? response.status : response._tag
    }
    expect(answer("application/json")).toBe(200)
    expect(answer("application/json; charset=utf-8")).toBe(200)
    expect(answer("Application/JSON")).toBe(200)
    expect(answer("text/plain")).toBe(400)
  })
})
