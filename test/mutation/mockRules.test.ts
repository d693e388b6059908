/**
 * The mock's rules, pinned down where the mutation run (`npm run mutate`) found them unchecked: what an injected
 * fault answers and how the journal names it, which calls a fault catches, how flood limits filter and forget, what
 * an upgrade refuses, how revocation replaces a primary link and how links survive a world file, who may manage
 * links, and the fields getChat renders.
 */
import { DEFAULT_BOT_ID, DEFAULT_BOT_TOKEN, MockTelegram, type WireResponse } from "telegram-bot-api-mock"
import { describe, expect, it } from "vitest"

const T = DEFAULT_BOT_TOKEN
const SUPERGROUP = -1001234567890
const CHANNEL = -1001000000001
const BASIC = -555555555
const UPGRADED = -987654321
const MEMBER_ONLY = -1002000000003
const encoder = new TextEncoder()

/** A clock the test moves. */
const manualClock = () => {
  let now = Date.UTC(2026, 0, 1)
  return { now: () => now, advance: (ms: number) => void (now += ms) }
}

const handle = (mock: MockTelegram, method: string, params: Record<string, unknown> = {}): WireResponse =>
  mock.handle({
    method: "POST",
    target: `/bot${T}/${method}`,
    contentType: "application/json",
    body: encoder.encode(JSON.stringify(params))
  })

const json = (response: WireResponse): any => {
  if (response._tag !== "Json") throw new Error(`expected JSON, got ${response._tag}`)
  return JSON.parse(response.body)
}

const call = (mock: MockTelegram, method: string, params: Record<string, unknown> = {}) =>
  json(handle(mock, method, params))

describe("injected faults: the answer", () => {
  it("a migration fault names no description: the real one, with migrate_to_chat_id and no Retry-After", () => {
    const mock = MockTelegram.make()
    mock.injectFault({ method: "exportChatInviteLink", reply: { error_code: 400, migrate_to_chat_id: -100777 } })
    const response = handle(mock, "exportChatInviteLink", { chat_id: SUPERGROUP })
    expect(response).toMatchObject({ _tag: "Json", status: 400 })
    expect(response._tag === "Json" && response.retryAfter).toBeUndefined()
    expect(json(response)).toEqual({
      ok: false,
      error_code: 400,
      description: "Bad Request: group chat was upgraded to a supergroup chat",
      parameters: { migrate_to_chat_id: -100777 }
    })
  })

  it("a 5xx fault says `Internal Server Error: restart`; another code `Bad Request: injected fault`; a given one wins", () => {
    const mock = MockTelegram.make()
    const answer = (reply: Record<string, unknown>) => {
      mock.injectFault({ method: "getMe", reply: reply as never })
      return call(mock, "getMe")
    }
    expect(answer({ error_code: 500 })).toEqual({
      ok: false,
      error_code: 500,
      description: "Internal Server Error: restart"
    })
    expect(answer({ error_code: 503 }).description).toBe("Internal Server Error: restart")
    expect(answer({ error_code: 499 })).toEqual({
      ok: false,
      error_code: 499,
      description: "Bad Request: injected fault"
    })
    expect(answer({ error_code: 403 }).description).toBe("Bad Request: injected fault")
    expect(answer({ error_code: 502, description: "Bad Gateway" }).description).toBe("Bad Gateway")
  })

  it("a 429 fault carries retry_after in the body and in Retry-After", () => {
    const mock = MockTelegram.make()
    mock.injectFault({ method: "getMe", reply: { error_code: 429, retry_after: 7 } })
    const response = handle(mock, "getMe")
    expect(response).toMatchObject({ _tag: "Json", status: 429, retryAfter: 7 })
    expect(json(response)).toEqual({
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 7",
      parameters: { retry_after: 7 }
    })
  })

  it("the journal names each fault (html 502, drop, error 403) with its status; other entries have no fault", () => {
    const mock = MockTelegram.make()
    mock.injectFault({ method: "getMe", reply: { html: 502 } })
    mock.injectFault({ method: "getMe", reply: { drop: true } })
    mock.injectFault({ method: "getMe", reply: { error_code: 403 } })
    expect(handle(mock, "getMe")).toMatchObject({ _tag: "Html", status: 502 })
    expect(handle(mock, "getMe")).toMatchObject({ _tag: "Drop" })
    handle(mock, "getMe")
    handle(mock, "getMe")
    handle(mock, "exportChatInviteLink", { chat_id: 42 })
    const journal = mock.journal()
    expect(journal.map((e) => [e.method, e.status, e.fault])).toEqual([
      ["getMe", 502, "html 502"],
      ["getMe", 0, "drop"],
      ["getMe", 403, "error 403"],
      ["getMe", 200, undefined],
      ["exportChatInviteLink", 400, undefined]
    ])
    expect("fault" in journal[3]!).toBe(false)
    expect("chat_id" in journal[0]!).toBe(false)
    expect(journal[4]!.chat_id).toBe("42")
  })

  it("the journal keeps a method by its Bot API name and at most 100 characters of a chat_id", () => {
    const mock = MockTelegram.make()
    handle(mock, "EXPORTCHATINVITELINK", { chat_id: "@" + "a".repeat(150) })
    const [entry] = mock.journal()
    expect(entry!.method).toBe("exportChatInviteLink")
    expect(entry!.chat_id).toBe("@" + "a".repeat(99))
  })
})

describe("injected faults: which calls they catch", () => {
  it("a fault for a chat by @username catches calls by that username (any case) and by the chat's id, no other", () => {
    const mock = MockTelegram.make()
    mock.injectFault({
      method: "exportChatInviteLink",
      chat_id: "@My_Test_Channel",
      times: 2,
      reply: { error_code: 500 }
    })
    expect(call(mock, "exportChatInviteLink", { chat_id: SUPERGROUP }).ok).toBe(true)
    expect(call(mock, "exportChatInviteLink", { chat_id: "@MY_TEST_CHANNEL" }).error_code).toBe(500)
    expect(call(mock, "exportChatInviteLink", { chat_id: CHANNEL }).error_code).toBe(500)
    expect(call(mock, "exportChatInviteLink", { chat_id: CHANNEL }).ok).toBe(true)
  })

  it("a fault for a chat by id catches calls by the chat's @username; never a call without chat_id", () => {
    const mock = MockTelegram.make()
    mock.injectFault({ method: "exportChatInviteLink", chat_id: CHANNEL, reply: { error_code: 500 } })
    mock.injectFault({ method: "getMe", chat_id: CHANNEL, reply: { error_code: 500 } })
    expect(call(mock, "getMe").ok).toBe(true)
    expect(call(mock, "exportChatInviteLink", { chat_id: "@my_test_channel" }).error_code).toBe(500)
  })

  it("a fault catches its own method (named in any case) only, after others queued before it", () => {
    const mock = MockTelegram.make()
    mock.injectFault({ method: "getChat", reply: { error_code: 502 } })
    mock.injectFault({ method: "EXPORTchatInviteLink", reply: { error_code: 503 } })
    expect(call(mock, "exportChatInviteLink", { chat_id: SUPERGROUP }).error_code).toBe(503)
    expect(call(mock, "getChat", { chat_id: SUPERGROUP }).error_code).toBe(502)
    expect(call(mock, "getChat", { chat_id: SUPERGROUP }).ok).toBe(true)
  })

  it("the pending faults are copies with the uses they have left; cleared, none", () => {
    const mock = MockTelegram.make()
    mock.injectFault({ method: "getMe", times: 3, reply: { error_code: 500 } })
    call(mock, "getMe")
    const pending = mock.snapshot().faults
    expect(pending).toEqual([{ method: "getMe", times: 2, reply: { error_code: 500 } }])
    ;(pending[0]!.reply as { error_code: number }).error_code = 400
    expect(mock.snapshot().faults[0]!.reply).toEqual({ error_code: 500 })
    mock.clearFaults()
    expect(mock.snapshot().faults).toEqual([])
    expect(call(mock, "getMe").ok).toBe(true)
  })
})

describe("flood limits", () => {
  it("are given back as set", () => {
    const mock = MockTelegram.make()
    const limits = [{ method: "getChat", max_calls: 2, per_seconds: 5 }, { max_calls: 9, per_seconds: 60 }]
    mock.setFloodLimits(limits)
    expect(mock.floodLimits()).toEqual(limits)
  })

  it("a limit on a method leaves the others alone; one without a method counts each method on its own", () => {
    const mock = MockTelegram.make()
    mock.setFloodLimits([{ method: "getChat", max_calls: 1, per_seconds: 60 }])
    expect(call(mock, "getChat", { chat_id: SUPERGROUP }).ok).toBe(true)
    expect(call(mock, "getChat", { chat_id: SUPERGROUP }).error_code).toBe(429)
    expect(call(mock, "exportChatInviteLink", { chat_id: SUPERGROUP }).ok).toBe(true)
    expect(call(mock, "exportChatInviteLink", { chat_id: SUPERGROUP }).ok).toBe(true)
    mock.setFloodLimits([{ max_calls: 1, per_seconds: 60 }])
    expect(call(mock, "getChat", { chat_id: CHANNEL }).ok).toBe(true)
    expect(call(mock, "exportChatInviteLink", { chat_id: CHANNEL }).ok).toBe(true)
    expect(call(mock, "exportChatInviteLink", { chat_id: CHANNEL }).error_code).toBe(429)
  })

  it("a limit on a chat leaves the other chats alone, and frees its slots when its window has passed", () => {
    const clock = manualClock()
    const mock = MockTelegram.make({ clock })
    mock.setFloodLimits([{ method: "exportChatInviteLink", chat_id: SUPERGROUP, max_calls: 1, per_seconds: 30 }])
    for (let i = 0; i < 3; i++) expect(call(mock, "exportChatInviteLink", { chat_id: CHANNEL }).ok).toBe(true)
    expect(call(mock, "exportChatInviteLink", { chat_id: SUPERGROUP }).ok).toBe(true)
    clock.advance(10_000)
    expect(call(mock, "exportChatInviteLink", { chat_id: SUPERGROUP })).toMatchObject({
      error_code: 429,
      parameters: { retry_after: 20 }
    })
    clock.advance(20_000)
    expect(call(mock, "exportChatInviteLink", { chat_id: SUPERGROUP }).ok).toBe(true)
  })

  it("keeps at most caps.floodKeys counters, the current one always", () => {
    const mock = MockTelegram.make({ caps: { floodKeys: 2 } })
    mock.setFloodLimits([{ method: "exportChatInviteLink", max_calls: 1, per_seconds: 60 }])
    for (const chat of [SUPERGROUP, CHANNEL, BASIC]) call(mock, "exportChatInviteLink", { chat_id: chat })
    expect(mock.floodCounterCount).toBeLessThanOrEqual(2)
    expect(call(mock, "exportChatInviteLink", { chat_id: BASIC }).error_code).toBe(429)
  })

  it("forgets idle counters as it goes", () => {
    const clock = manualClock()
    const mock = MockTelegram.make({ clock })
    mock.setFloodLimits([{ method: "getChat", max_calls: 100_000, per_seconds: 1 }])
    call(mock, "getChat", { chat_id: SUPERGROUP })
    clock.advance(5_000)
    for (let i = 0; i < 4_100; i++) call(mock, "getChat", { chat_id: CHANNEL })
    expect(mock.floodCounterCount).toBe(1)
  })
})

describe("chats", () => {
  it("an upgrade names what stands in its way", () => {
    const mock = MockTelegram.make()
    expect(() => mock.upgradeGroup(-1)).toThrow(/chat -1 not found/)
    expect(() => mock.upgradeGroup(UPGRADED)).toThrow(new RegExp(`chat ${UPGRADED} was already upgraded`))
  })

  it("each upgrade gets a new supergroup id, never one a chat already has", () => {
    const mock = MockTelegram.make()
    const world = mock.snapshot()
    const first = MockTelegram.make().upgradeGroup(BASIC)
    // A world that already has a chat with the id the next upgrade would take.
    const taken = { ...world.chats.find((c) => c.id === SUPERGROUP)!, id: first, username: undefined }
    mock.replaceWorld({ ...world, chats: [...world.chats, taken], invite_links: [] })
    const upgraded = mock.upgradeGroup(BASIC)
    expect(upgraded).not.toBe(first)
    expect(mock.chat(upgraded)?.type).toBe("supergroup")
    expect(mock.chat(BASIC)?.migrated_to_chat_id).toBe(upgraded)
  })
})

describe("invite links", () => {
  it("revoking the bot's primary link makes a new one at once; revoking another link leaves the primary", () => {
    const mock = MockTelegram.make()
    const primary = call(mock, "exportChatInviteLink", { chat_id: SUPERGROUP }).result as string
    const extra = call(mock, "createChatInviteLink", { chat_id: SUPERGROUP, name: "extra" }).result.invite_link
    expect(call(mock, "revokeChatInviteLink", { chat_id: SUPERGROUP, invite_link: extra }).result.is_revoked).toBe(true)
    expect(mock.primaryLink(SUPERGROUP, DEFAULT_BOT_ID)).toBe(primary)
    expect(call(mock, "revokeChatInviteLink", { chat_id: SUPERGROUP, invite_link: primary }).result.is_revoked).toBe(
      true
    )
    const replaced = mock.primaryLink(SUPERGROUP, DEFAULT_BOT_ID)
    expect(replaced).toBeDefined()
    expect(replaced).not.toBe(primary)
    expect(mock.link(replaced!)?.is_revoked).toBe(false)
    expect(mock.link(replaced!)?.is_primary).toBe(true)
  })

  it("revoking a revoked link again changes nothing", () => {
    const mock = MockTelegram.make()
    const extra = call(mock, "createChatInviteLink", { chat_id: SUPERGROUP }).result.invite_link
    call(mock, "revokeChatInviteLink", { chat_id: SUPERGROUP, invite_link: extra })
    const before = JSON.stringify(mock.snapshot())
    call(mock, "revokeChatInviteLink", { chat_id: SUPERGROUP, invite_link: extra })
    expect(JSON.stringify(mock.snapshot())).toBe(before)
  })

  it("links survive a world file: primary, revoked, and their name, expiry and limit (absent when unset)", () => {
    const clock = manualClock()
    const mock = MockTelegram.make({ clock })
    const expire = Math.floor(clock.now() / 1000) + 3600
    const first = call(mock, "exportChatInviteLink", { chat_id: SUPERGROUP }).result as string
    const second = call(mock, "exportChatInviteLink", { chat_id: SUPERGROUP }).result as string
    const named = call(mock, "createChatInviteLink", {
      chat_id: SUPERGROUP,
      name: "named",
      expire_date: expire,
      member_limit: 5
    }).result.invite_link
    const plain = call(mock, "createChatInviteLink", { chat_id: SUPERGROUP }).result.invite_link
    const world = mock.snapshot()
    const byUrl = (url: string) => world.invite_links.find((l) => l.invite_link === url)!
    expect(byUrl(named)).toMatchObject({ name: "named", expire_date: expire, member_limit: 5 })
    for (const key of ["name", "expire_date", "member_limit"]) expect(key in byUrl(plain), key).toBe(false)

    const restored = MockTelegram.make({ clock, world })
    expect(restored.primaryLink(SUPERGROUP, DEFAULT_BOT_ID)).toBe(second)
    expect(restored.link(first)).toMatchObject({ is_revoked: true, is_primary: true })
    expect(restored.link(second)).toMatchObject({ is_revoked: false, is_primary: true })
    expect(restored.link(named)).toMatchObject({ name: "named", expire_date: expire, member_limit: 5 })
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(world))
  })

  it("a creator may manage links, a plain member may not", () => {
    const mock = MockTelegram.make()
    expect(call(mock, "exportChatInviteLink", { chat_id: MEMBER_ONLY }).description).toBe(
      "Bad Request: not enough rights to manage chat invite link"
    )
    const world = mock.snapshot()
    const chats = world.chats.map((chat) =>
      chat.id !== MEMBER_ONLY ? chat : {
        ...chat,
        members: chat.members.map((m) => m.user_id === DEFAULT_BOT_ID ? { user_id: m.user_id, status: "creator" } : m)
          .filter((m) => m.user_id === DEFAULT_BOT_ID || m.status !== "creator")
      }
    )
    mock.replaceWorld({ ...world, chats })
    expect(call(mock, "exportChatInviteLink", { chat_id: MEMBER_ONLY }).ok).toBe(true)
  })
})

describe("getChat renders each kind of chat", () => {
  it("a supergroup has permissions; a channel has none but its active username; both their accent colour", () => {
    const mock = MockTelegram.make()
    const supergroup = call(mock, "getChat", { chat_id: SUPERGROUP }).result
    expect(supergroup).toMatchObject({ id: SUPERGROUP, type: "supergroup", accent_color_id: Math.abs(SUPERGROUP) % 7 })
    expect(supergroup.permissions).toBeTypeOf("object")
    const channel = call(mock, "getChat", { chat_id: "@my_test_channel" }).result
    expect(channel).toMatchObject({
      id: CHANNEL,
      type: "channel",
      username: "my_test_channel",
      active_usernames: ["my_test_channel"],
      accent_color_id: Math.abs(CHANNEL) % 7,
      max_reaction_count: 11
    })
    expect("permissions" in channel).toBe(false)
  })

  it("a basic group is a group whose members are not all administrators, with permissions", () => {
    const group = call(MockTelegram.make(), "getChat", { chat_id: BASIC }).result
    expect(group).toMatchObject({ id: BASIC, type: "group", all_members_are_administrators: false })
    expect(group.title).toBeTypeOf("string")
    expect(group.permissions).toBeTypeOf("object")
  })
})

describe("tokens", () => {
  it("a well-formed token of exactly 80 characters is looked up (unknown: Unauthorized), one of 81 is invalid", () => {
    const mock = MockTelegram.make()
    const token = (length: number) => `123456:${"A".repeat(length - 7)}`
    const answer = (t: string) =>
      json(mock.handle({ method: "GET", target: `/bot${t}/getMe`, body: new Uint8Array() })).description
    expect(answer(token(80))).toBe("Unauthorized")
    expect(answer(token(81))).toBe("Unauthorized: invalid token specified")
  })
})
