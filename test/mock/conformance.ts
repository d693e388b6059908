/**
 * One conformance suite for every transport of the mock (in-process MSW and the standalone
 * server), so they cannot drift apart. Each row of ../shared/telegram-wire.md §1–§6 that applies
 * to the served methods has a test here.
 */
import { DEFAULT_BOT_TOKEN, type ManualClock, type MockTelegram } from "telegram-bot-api-mock"
import { beforeEach, describe, expect, it } from "vitest"

export interface Transport {
  /** Sends a request to the mock; `path` starts with `/`. */
  readonly request: (path: string, init?: RequestInit) => Promise<Response>
  readonly mock: MockTelegram
  readonly clock: ManualClock
}

const T = DEFAULT_BOT_TOKEN
const SUPERGROUP = -1001234567890
const CHANNEL = -1001000000001
const UPGRADED_GROUP = -987654321
const MIGRATED_TO = -1009876543210
const BASIC_GROUP = -555555555
const NO_RIGHTS = -1002000000002
const MEMBER_ONLY = -1002000000003
const KICKED = -1002000000004
const NOT_MEMBER_CHANNEL = -1002000000005
const LINK = /^https:\/\/t\.me\/\+[A-Za-z0-9_-]{16}$/

const json = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body)
})
const form = (fields: Record<string, string>): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString()
})
const rawJson = (text: string): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: text
})

export const conformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })

    /** Sends, and reads the envelope; checks that the HTTP status equals error_code. */
    const call = async (path: string, init?: RequestInit) => {
      const response = await t.request(path, init)
      const text = await response.text()
      const body = JSON.parse(text) as {
        ok: boolean
        result?: any
        error_code?: number
        description?: string
        parameters?: { retry_after?: number; migrate_to_chat_id?: number }
      }
      expect(response.headers.get("content-type")).toBe("application/json")
      expect(response.status).toBe(body.ok ? 200 : body.error_code)
      return { response, text, body }
    }
    const api = (method: string, params?: Record<string, unknown>) =>
      call(`/bot${T}/${method}`, params === undefined ? { method: "POST" } : json(params))
    const expectError = async (
      promise: ReturnType<typeof call>,
      code: number,
      description: string
    ) => {
      const { body } = await promise
      expect(body).toMatchObject({ ok: false, error_code: code, description })
      return body
    }
    const control = async (method: string, path: string, body?: unknown) => {
      const response = await t.request(`/__mock/${path}`, {
        method,
        headers: { "content-type": "application/json" },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {})
      })
      return {
        status: response.status,
        body: (await response.json()) as { ok: boolean; result?: any; description?: string }
      }
    }
    const worldLink = async (url: string) => {
      const world = (await control("GET", "world")).body.result as { invite_links: Array<any> }
      return world.invite_links.find((link) => link.invite_link === url)
    }

    describe("§1 routing and token checks", () => {
      it("answers getMe with the bot", async () => {
        const { body } = await api("getMe")
        expect(body.result).toMatchObject({ id: 123456, is_bot: true, username: "seed_invite_bot" })
      })

      it("reads method names case-insensitively", async () => {
        expect((await call(`/bot${T}/GETME`)).body.ok).toBe(true)
        expect((await call(`/bot${T}/exportchatinvitelink?chat_id=${SUPERGROUP}`)).body.result).toMatch(LINK)
      })

      it("serves /bot<token>/test/<method>", async () => {
        expect((await call(`/bot${T}/test/getMe`)).body.result.id).toBe(123456)
        expect(t.mock.journal().at(-1)).toMatchObject({ method: "getMe", test_environment: true })
      })

      it("takes the method from the `method` parameter when the path has none", async () => {
        expect((await call(`/bot${T}/?method=getMe`)).body.result.id).toBe(123456)
        expect((await call(`/bot${T}/`, form({ method: "GETME" }))).body.result.id).toBe(123456)
        expect((await call(`/bot${T}/`, json({ method: "exportChatInviteLink", chat_id: SUPERGROUP }))).body.result)
          .toMatch(LINK)
      })

      it("URL-decodes the path first", async () => {
        expect((await call(`/bot${T.replace(":", "%3A")}/get%4De`)).body.ok).toBe(true)
      })

      it("looks up the whole rest of the path as the method", async () => {
        await expectError(call(`/bot${T}/getMe/x`), 404, "Not Found: method not found")
      })

      it("answers 404 Not Found without a slash after the token or without /bot", async () => {
        await expectError(call(`/bot${T}`), 404, "Not Found")
        await expectError(call(`/getMe`), 404, "Not Found")
        await expectError(call(`/Bot${T}/getMe`), 404, "Not Found")
      })

      it("answers an unknown method with a valid token 404", async () => {
        await expectError(call(`/bot${T}/getChatHistory`), 404, "Not Found: method not found")
      })

      it.each([
        ["starts with 0", "0123:ABC-DEF1234ghIkl-zyx57W2v1u123ew11", 401, "Unauthorized: invalid token specified"],
        ["longer than 80 chars", `123456:${"A".repeat(80)}`, 401, "Unauthorized: invalid token specified"],
        ["has no colon", "123456ABC-DEF1234ghIkl-zyx57W2v1u123ew11", 401, "Unauthorized: invalid token specified"],
        [
          "has an encoded slash",
          "123456%2F:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",
          401,
          "Unauthorized: invalid token specified"
        ],
        ["empty", "", 401, "Unauthorized: invalid token specified"],
        [
          "non-integer bot id",
          "abc:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",
          421,
          "Misdirected Request: unallowed token specified"
        ],
        [
          "bot id over int64",
          "99999999999999999999:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",
          421,
          "Misdirected Request: unallowed token specified"
        ],
        ["negative bot id", "-5:ABC-DEF1234ghIkl-zyx57W2v1u123ew11", 401, "Unauthorized: invalid token specified"],
        [
          "bot id of 2^54",
          "18014398509481984:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",
          401,
          "Unauthorized: invalid token specified"
        ],
        ["short secret", "123456:short", 401, "Unauthorized"],
        ["secret not base64url", "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew1!", 401, "Unauthorized"],
        ["unknown to Telegram", "123456:ZZZ-DEF1234ghIkl-zyx57W2v1u123ew11", 401, "Unauthorized"],
        ["unknown bot id", "654321:ABC-DEF1234ghIkl-zyx57W2v1u123ew11", 401, "Unauthorized"]
      ])("refuses a token that %s", async (_, token, code, description) => {
        await expectError(call(`/bot${token}/getMe`), code, description)
      })

      it("checks the token before the method", async () => {
        await expectError(call(`/bot123456:short/noSuchMethod`), 401, "Unauthorized")
        await expectError(call(`/botabc:x/noSuchMethod`), 421, "Misdirected Request: unallowed token specified")
      })

      it("journals the bot id, never the token", async () => {
        await call(`/bot${T}/getMe`)
        await call(`/bot123456:ZZZ-DEF1234ghIkl-zyx57W2v1u123ew11/getMe`)
        const journal = JSON.stringify((await control("GET", "journal")).body.result)
        expect(journal).toContain("123456")
        expect(journal).not.toContain("ABC-DEF1234ghIkl")
        expect(journal).not.toContain("ZZZ-DEF1234ghIkl")
      })
    })

    describe("§2 HTTP methods and parameters", () => {
      it.each(["PUT", "DELETE", "PATCH", "OPTIONS"])("answers %s with a bare 501", async (method) => {
        const response = await t.request(`/bot${T}/getMe`, { method })
        expect(response.status).toBe(501)
        expect(response.headers.get("content-length")).toBe("0")
        expect(await response.text()).toBe("")
      })

      it("lets the query string win over the body", async () => {
        await expectError(
          call(`/bot${T}/exportChatInviteLink?chat_id=42`, json({ chat_id: SUPERGROUP })),
          400,
          "Bad Request: can't invite members to a private chat"
        )
      })

      it("takes the first of duplicate parameters", async () => {
        await expectError(
          call(`/bot${T}/exportChatInviteLink?chat_id=42&chat_id=${SUPERGROUP}`),
          400,
          "Bad Request: can't invite members to a private chat"
        )
        await expectError(
          call(`/bot${T}/exportChatInviteLink`, rawJson(`{"chat_id":42,"chat_id":${SUPERGROUP}}`)),
          400,
          "Bad Request: can't invite members to a private chat"
        )
      })

      it("reads urlencoded forms, `+` as a space", async () => {
        const { body } = await call(
          `/bot${T}/createChatInviteLink`,
          {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: `chat_id=${SUPERGROUP}&name=Spring+promo%21`
          }
        )
        expect(body.result.name).toBe("Spring promo!")
      })

      it("reads multipart parts without a filename, and skips files", async () => {
        const data = new FormData()
        data.set("chat_id", String(SUPERGROUP))
        expect((await call(`/bot${T}/exportChatInviteLink`, { method: "POST", body: data })).body.result).toMatch(LINK)
        const fileOnly = new FormData()
        fileOnly.set("chat_id", new Blob([String(SUPERGROUP)]), "chat.txt")
        await expectError(
          call(`/bot${T}/exportChatInviteLink`, { method: "POST", body: fileOnly }),
          400,
          "Bad Request: chat_id is empty"
        )
      })

      it("answers multipart without a boundary with a bare 400", async () => {
        const response = await t.request(`/bot${T}/getMe`, {
          method: "POST",
          headers: { "content-type": "multipart/form-data" },
          body: "chat_id=1"
        })
        expect(response.status).toBe(400)
        expect(await response.text()).toBe("")
      })

      it("keeps JSON values other than strings as raw JSON text", async () => {
        expect((await api("exportChatInviteLink", { chat_id: SUPERGROUP })).body.result).toMatch(LINK)
        expect((await api("exportChatInviteLink", { chat_id: String(SUPERGROUP) })).body.result).toMatch(LINK)
        const { body } = await api("createChatInviteLink", { chat_id: SUPERGROUP, creates_join_request: true, name: 7 })
        expect(body.result).toMatchObject({ creates_join_request: true, name: "7" })
        await expectError(api("exportChatInviteLink", { chat_id: null }), 400, "Bad Request: chat not found")
        await expectError(
          api("exportChatInviteLink", { chat_id: { id: SUPERGROUP } }),
          400,
          "Bad Request: chat not found"
        )
      })

      it.each([
        ["an array", "[1,2]"],
        ["a number", "123"],
        ["a truncated object", `{"chat_id":`],
        ["an unterminated string", `{"chat_id":"-100`],
        ["a lone surrogate", `{"chat_id":"\\ud800"}`]
      ])("does not reject malformed JSON (%s): it reads what came before the fault", async (_, text) => {
        await expectError(call(`/bot${T}/exportChatInviteLink`, rawJson(text)), 400, "Bad Request: chat_id is empty")
      })

      it("keeps the members read before a JSON fault", async () => {
        expect((await call(`/bot${T}/exportChatInviteLink`, rawJson(`{"chat_id":${SUPERGROUP}, bad}`))).body.result)
          .toMatch(LINK)
      })

      it("reads no parameters from a body of another content type", async () => {
        await expectError(
          call(`/bot${T}/exportChatInviteLink`, {
            method: "POST",
            headers: { "content-type": "text/plain" },
            body: `chat_id=${SUPERGROUP}`
          }),
          400,
          "Bad Request: chat_id is empty"
        )
      })

      it("matches the content type as a lower-cased substring", async () => {
        expect(
          (await call(`/bot${T}/exportChatInviteLink`, {
            method: "POST",
            headers: { "content-type": "Application/JSON; charset=utf-8" },
            body: JSON.stringify({ chat_id: SUPERGROUP })
          })).body.result
        ).toMatch(LINK)
      })

      it("reads `true`, `yes`, `1` in any case, trimmed, as true", async () => {
        for (const value of ["true", " YES ", "1", "True"]) {
          const { body } = await call(
            `/bot${T}/createChatInviteLink`,
            form({ chat_id: String(SUPERGROUP), creates_join_request: value })
          )
          expect(body.result.creates_join_request).toBe(true)
        }
        const { body } = await call(
          `/bot${T}/createChatInviteLink`,
          form({ chat_id: String(SUPERGROUP), creates_join_request: "on" })
        )
        expect(body.result.creates_join_request).toBe(false)
      })

      it("answers a body over 1 MiB with a bare 413", async () => {
        const response = await t.request(`/bot${T}/getMe`, rawJson(`{"pad":"${"x".repeat((1 << 20) + 10)}"}`))
        expect(response.status).toBe(413)
        expect(await response.text()).toBe("")
      })

      it("reads gzip bodies and refuses unsupported encodings with a bare 415", async () => {
        const { gzipSync } = await import("node:zlib")
        const gz = await call(`/bot${T}/exportChatInviteLink`, {
          method: "POST",
          headers: { "content-type": "application/json", "content-encoding": "gzip" },
          body: gzipSync(JSON.stringify({ chat_id: SUPERGROUP }))
        })
        expect(gz.body.result).toMatch(LINK)
        const br = await t.request(`/bot${T}/getMe`, {
          method: "POST",
          headers: { "content-type": "application/json", "content-encoding": "br" },
          body: "{}"
        })
        expect(br.status).toBe(415)
        expect(await br.text()).toBe("")
      })
    })

    describe("§3 envelope", () => {
      it("answers success as {ok:true,result} and failure with keys in the real order", async () => {
        const ok = await api("exportChatInviteLink", { chat_id: SUPERGROUP })
        expect(ok.text).toMatch(/^\{"ok":true,"result":"https:\/\/t\.me\/\+[A-Za-z0-9_-]{16}"\}$/)
        const migrated = await api("exportChatInviteLink", { chat_id: UPGRADED_GROUP })
        expect(migrated.text).toBe(
          `{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat","parameters":{"migrate_to_chat_id":${MIGRATED_TO}}}`
        )
        const plain = await api("exportChatInviteLink", { chat_id: 42 })
        expect(plain.text).toBe(
          `{"ok":false,"error_code":400,"description":"Bad Request: can't invite members to a private chat"}`
        )
      })

      it("sends Retry-After with every retry_after, as a JSON number in parameters", async () => {
        t.mock.setFloodLimits([{ method: "exportChatInviteLink", max_calls: 1, per_seconds: 30 }])
        await api("exportChatInviteLink", { chat_id: SUPERGROUP })
        const { response, body } = await api("exportChatInviteLink", { chat_id: SUPERGROUP })
        expect(response.status).toBe(429)
        expect(body).toEqual({
          ok: false,
          error_code: 429,
          description: "Too Many Requests: retry after 30",
          parameters: { retry_after: 30 }
        })
        expect(response.headers.get("retry-after")).toBe("30")
      })
    })

    describe("§4 exportChatInviteLink", () => {
      it("makes a new primary link, revokes the bot's previous one, and leaves other admins' links alone", async () => {
        const first = (await api("exportChatInviteLink", { chat_id: SUPERGROUP })).body.result as string
        const second = (await api("exportChatInviteLink", { chat_id: SUPERGROUP })).body.result as string
        expect(first).toMatch(LINK)
        expect(second).toMatch(LINK)
        expect(second).not.toBe(first)
        expect(await worldLink(first)).toMatchObject({ is_primary: true, is_revoked: true, creator_id: 123456 })
        expect(await worldLink(second)).toMatchObject({ is_primary: true, is_revoked: false, creator_id: 123456 })
        expect(await worldLink("https://t.me/+OwnerSuperGrp01")).toMatchObject({ is_revoked: false, creator_id: 1000 })
        expect((await api("getChat", { chat_id: SUPERGROUP })).body.result.invite_link).toBe(second)
      })

      it.each([
        [CHANNEL, "a channel"],
        ["@my_test_channel", "a channel by username"],
        ["@MY_TEST_CHANNEL", "a username in another case"],
        ["@my_test_chan.nel", "a username with dots (they are removed)"],
        [MIGRATED_TO, "the supergroup of an upgraded group"],
        [BASIC_GROUP, "a basic group"]
      ] as Array<[number | string, string]>)("exports a link for %s (%s)", async (chatId) => {
        expect((await api("exportChatInviteLink", { chat_id: chatId })).body.result).toMatch(LINK)
      })

      it.each([
        [undefined, 400, "Bad Request: chat_id is empty"],
        ["", 400, "Bad Request: chat_id is empty"],
        [-1009999999999, 400, "Bad Request: chat not found"],
        ["not-a-number", 400, "Bad Request: chat not found"],
        ["0100", 400, "Bad Request: chat not found"],
        ["@olga_owner", 400, "Bad Request: chat not found"],
        ["@unknown_channel", 400, "Bad Request: chat not found"],
        [777777, 400, "Bad Request: private chat not found"],
        [42, 400, "Bad Request: can't invite members to a private chat"],
        [NO_RIGHTS, 400, "Bad Request: not enough rights to manage chat invite link"],
        [MEMBER_ONLY, 400, "Bad Request: not enough rights to manage chat invite link"],
        [KICKED, 403, "Forbidden: bot was kicked from the supergroup chat"],
        [NOT_MEMBER_CHANNEL, 403, "Forbidden: bot is not a member of the channel chat"]
      ])("refuses chat_id %s with %i %s", async (chatId, code, description) => {
        await expectError(
          api("exportChatInviteLink", chatId === undefined ? {} : { chat_id: chatId }),
          code,
          description
        )
      })

      it("refuses basic groups the bot left or was kicked from, and deleted ones", async () => {
        const world = (await control("GET", "world")).body.result
        world.chats.push(
          { id: -11, type: "group", title: "Kicked", members: [{ user_id: 123456, status: "kicked" }] },
          { id: -12, type: "group", title: "Left", members: [] },
          { id: -13, type: "group", title: "Deleted", members: [{ user_id: 123456, status: "creator" }], deleted: true }
        )
        expect((await control("PUT", "world", world)).body.ok).toBe(true)
        await expectError(
          api("exportChatInviteLink", { chat_id: -11 }),
          403,
          "Forbidden: bot was kicked from the group chat"
        )
        await expectError(
          api("exportChatInviteLink", { chat_id: -12 }),
          403,
          "Forbidden: bot is not a member of the group chat"
        )
        await expectError(api("exportChatInviteLink", { chat_id: -13 }), 403, "Forbidden: the group chat was deleted")
      })
    })

    describe("getChat", () => {
      it("makes the bot's primary link when it has none, and then keeps it", async () => {
        const a = (await api("getChat", { chat_id: SUPERGROUP })).body.result
        expect(a).toMatchObject({ id: SUPERGROUP, type: "supergroup", title: "Seed Supergroup" })
        expect(a.invite_link).toMatch(LINK)
        expect((await api("getChat", { chat_id: SUPERGROUP })).body.result.invite_link).toBe(a.invite_link)
        const exported = (await api("exportChatInviteLink", { chat_id: SUPERGROUP })).body.result
        expect((await api("getChat", { chat_id: SUPERGROUP })).body.result.invite_link).toBe(exported)
      })

      it("shows no invite_link without the right, and for a private chat", async () => {
        expect((await api("getChat", { chat_id: NO_RIGHTS })).body.result).not.toHaveProperty("invite_link")
        expect((await api("getChat", { chat_id: 42 })).body.result).toMatchObject({
          id: 42,
          type: "private",
          first_name: "Alice"
        })
      })

      it("answers for an upgraded group without the migrate error", async () => {
        const { body } = await api("getChat", { chat_id: UPGRADED_GROUP })
        expect(body.result).toMatchObject({ id: UPGRADED_GROUP, type: "group" })
        expect(body.result).not.toHaveProperty("invite_link")
      })

      it("finds a channel by username", async () => {
        expect((await api("getChat", { chat_id: "@my_test_channel" })).body.result).toMatchObject({
          id: CHANNEL,
          type: "channel",
          username: "my_test_channel"
        })
      })
    })

    describe("create, edit and revoke", () => {
      it("creates a link with the real fields in the real order", async () => {
        const expire = Math.floor(t.clock.now() / 1000) + 3600
        const { text, body } = await api("createChatInviteLink", {
          chat_id: SUPERGROUP,
          name: "Promo",
          expire_date: expire,
          member_limit: 5
        })
        expect(Object.keys(body.result)).toEqual([
          "invite_link",
          "name",
          "creator",
          "expire_date",
          "member_limit",
          "creates_join_request",
          "is_primary",
          "is_revoked"
        ])
        expect(body.result).toMatchObject({
          name: "Promo",
          expire_date: expire,
          member_limit: 5,
          is_primary: false,
          is_revoked: false
        })
        expect(body.result.creator).toMatchObject({ id: 123456, is_bot: true })
        expect(text).toContain(`"creates_join_request":false,"is_primary":false,"is_revoked":false}}`)
      })

      it("refuses a member limit on a join-request link and past expiry; clamps an oversized limit", async () => {
        await expectError(
          api("createChatInviteLink", { chat_id: SUPERGROUP, member_limit: 5, creates_join_request: true }),
          400,
          "Bad Request: member limit can't be specified for links requiring administrator approval"
        )
        await expectError(
          api("createChatInviteLink", { chat_id: SUPERGROUP, expire_date: 1000 }),
          400,
          "Bad Request: EXPIRE_DATE_INVALID"
        )
        // §4b: "the limit is clamped to 100000", not refused.
        expect((await api("createChatInviteLink", { chat_id: SUPERGROUP, member_limit: 100000 })).body.result)
          .toMatchObject({ member_limit: 100000 })
        await expectError(
          api("createChatInviteLink", { chat_id: NO_RIGHTS }),
          400,
          "Bad Request: not enough rights to manage chat invite link"
        )
      })

      it("edits every field of the bot's own link, resetting the ones left out", async () => {
        const link =
          (await api("createChatInviteLink", { chat_id: SUPERGROUP, name: "One", member_limit: 3 })).body.result
            .invite_link
        const { body } = await api("editChatInviteLink", { chat_id: SUPERGROUP, invite_link: link, name: "Two" })
        expect(body.result).toMatchObject({ invite_link: link, name: "Two", is_revoked: false })
        expect(body.result).not.toHaveProperty("member_limit")
      })

      it("refuses to edit a primary link, another admin's link, an unknown link or none", async () => {
        const primary = (await api("exportChatInviteLink", { chat_id: SUPERGROUP })).body.result
        await expectError(
          api("editChatInviteLink", { chat_id: SUPERGROUP, invite_link: primary, name: "x" }),
          400,
          "Bad Request: CHAT_INVITE_PERMANENT"
        )
        await expectError(
          api("editChatInviteLink", { chat_id: SUPERGROUP, invite_link: "https://t.me/+OwnerSuperGrp01" }),
          400,
          "Bad Request: CHAT_ADMIN_REQUIRED"
        )
        await expectError(
          api("editChatInviteLink", { chat_id: SUPERGROUP, invite_link: "https://t.me/+AAAAAAAAAAAAAAAA" }),
          400,
          "Bad Request: INVITE_HASH_EXPIRED"
        )
        await expectError(
          api("editChatInviteLink", { chat_id: SUPERGROUP }),
          400,
          "Bad Request: invite link must be non-empty"
        )
      })

      it("revokes a link; a revoked primary link is replaced by a new one", async () => {
        const extra = (await api("createChatInviteLink", { chat_id: SUPERGROUP })).body.result.invite_link
        const revoked = (await api("revokeChatInviteLink", { chat_id: SUPERGROUP, invite_link: extra })).body.result
        expect(revoked).toMatchObject({ invite_link: extra, is_revoked: true, is_primary: false })
        await expectError(
          api("revokeChatInviteLink", { chat_id: SUPERGROUP, invite_link: extra }),
          400,
          "Bad Request: INVITE_HASH_EXPIRED"
        )

        const primary = (await api("exportChatInviteLink", { chat_id: SUPERGROUP })).body.result
        const gone = (await api("revokeChatInviteLink", { chat_id: SUPERGROUP, invite_link: primary })).body.result
        expect(gone).toMatchObject({ invite_link: primary, is_primary: true, is_revoked: true })
        const next = (await api("getChat", { chat_id: SUPERGROUP })).body.result.invite_link
        expect(next).toMatch(LINK)
        expect(next).not.toBe(primary)
        await expectError(
          api("revokeChatInviteLink", { chat_id: SUPERGROUP, invite_link: "https://t.me/+OwnerSuperGrp01" }),
          400,
          "Bad Request: CHAT_ADMIN_REQUIRED"
        )
      })
    })

    describe("§4b create, edit and revoke rules", () => {
      const CLASH = "Bad Request: member limit can't be specified for links requiring administrator approval"
      const RIGHTS = "Bad Request: not enough rights to manage chat invite link"
      const EMPTY_LINK = "Bad Request: invite link must be non-empty"
      const create = (params: Record<string, unknown>) =>
        api("createChatInviteLink", { chat_id: SUPERGROUP, ...params })

      it("cleans the name: runs of spaces and newlines become one space, the ends are trimmed", async () => {
        expect((await create({ name: "  Spring \n\n  promo\t!  " })).body.result.name).toBe("Spring promo !")
        expect((await create({ name: "x".repeat(40) })).body.result.name).toBe("x".repeat(32))
        // 32 characters, not bytes or UTF-16 units.
        expect((await create({ name: "🎉".repeat(40) })).body.result.name).toBe("🎉".repeat(32))
      })

      it("leaves out a name that is empty after cleaning", async () => {
        for (const name of ["", "   ", " \n \n ", "\u200b\u00a0"]) {
          const { text, body } = await create({ name })
          expect(body.result).not.toHaveProperty("name")
          expect(text).not.toContain(`"name"`)
        }
      })

      it("clamps member_limit and expire_date instead of refusing them", async () => {
        for (const member_limit of [0, -5, "0.5", "abc"]) {
          expect((await create({ member_limit })).body.result).not.toHaveProperty("member_limit")
        }
        expect((await create({ member_limit: "7.9" })).body.result.member_limit).toBe(7)
        expect((await create({ member_limit: 250000 })).body.result.member_limit).toBe(100000)
        expect((await create({ expire_date: -100 })).body.result).not.toHaveProperty("expire_date")
        // A limit clamped to 0 no longer clashes with join requests.
        expect((await create({ member_limit: -1, creates_join_request: true })).body.result).toMatchObject({
          creates_join_request: true
        })
      })

      it("create checks chat access, then the join-request/limit clash, then the rights", async () => {
        const both = { member_limit: 5, creates_join_request: true }
        await expectError(
          api("createChatInviteLink", { chat_id: KICKED, ...both }),
          403,
          "Forbidden: bot was kicked from the supergroup chat"
        )
        await expectError(api("createChatInviteLink", { chat_id: NO_RIGHTS, ...both }), 400, CLASH)
        await expectError(api("createChatInviteLink", { chat_id: 42, ...both }), 400, CLASH)
        await expectError(api("createChatInviteLink", { chat_id: NO_RIGHTS }), 400, RIGHTS)
      })

      it("edit checks the rights, then the clash, then the link", async () => {
        const both = { member_limit: 5, creates_join_request: true }
        await expectError(api("editChatInviteLink", { chat_id: NO_RIGHTS, ...both }), 400, RIGHTS)
        await expectError(
          api("editChatInviteLink", { chat_id: 42, ...both }),
          400,
          "Bad Request: can't invite members to a private chat"
        )
        await expectError(api("editChatInviteLink", { chat_id: SUPERGROUP, ...both }), 400, CLASH)
        await expectError(api("editChatInviteLink", { chat_id: SUPERGROUP }), 400, EMPTY_LINK)
      })

      it("answers a missing or empty invite_link on edit and revoke with `invite link must be non-empty`", async () => {
        for (const method of ["editChatInviteLink", "revokeChatInviteLink"]) {
          await expectError(api(method, { chat_id: SUPERGROUP }), 400, EMPTY_LINK)
          await expectError(api(method, { chat_id: SUPERGROUP, invite_link: "" }), 400, EMPTY_LINK)
          await expectError(api(method, { chat_id: NO_RIGHTS, invite_link: "" }), 400, RIGHTS)
        }
      })

      it("edit resets every field the call leaves out", async () => {
        const expire = Math.floor(t.clock.now() / 1000) + 3600
        const link = (await create({ name: "Full", expire_date: expire, member_limit: 9 })).body.result.invite_link
        const { body } = await api("editChatInviteLink", {
          chat_id: SUPERGROUP,
          invite_link: link,
          creates_join_request: true
        })
        expect(body.result).toMatchObject({ invite_link: link, creates_join_request: true, is_revoked: false })
        for (const key of ["name", "expire_date", "member_limit"]) expect(body.result).not.toHaveProperty(key)
        expect(t.mock.link(link)).toMatchObject({ creates_join_request: true })
        expect(t.mock.link(link)).not.toHaveProperty("name")
      })

      it("revoking the primary link answers it revoked; getChat then shows a new primary link", async () => {
        const primary = (await api("exportChatInviteLink", { chat_id: SUPERGROUP })).body.result as string
        const { body } = await api("revokeChatInviteLink", { chat_id: SUPERGROUP, invite_link: primary })
        expect(body.result).toMatchObject({ invite_link: primary, is_primary: true, is_revoked: true })
        const next = (await api("getChat", { chat_id: SUPERGROUP })).body.result.invite_link
        expect(next).toMatch(LINK)
        expect(next).not.toBe(primary)
        expect(t.mock.primaryLink(SUPERGROUP, 123456)).toBe(next)
        expect(t.mock.link(primary)).toMatchObject({ is_primary: true, is_revoked: true })
      })

      it("shows the creator as a plain User, without getMe's bot-only fields", async () => {
        const { body } = await create({})
        expect(body.result.creator).toEqual({
          id: 123456,
          is_bot: true,
          first_name: "Seed Invite Bot",
          username: "seed_invite_bot"
        })
      })
    })

    describe("§5 migration", () => {
      it("answers the migrate error for every invite-link method on the old id", async () => {
        for (
          const method of ["exportChatInviteLink", "createChatInviteLink", "editChatInviteLink", "revokeChatInviteLink"]
        ) {
          const body = await expectError(
            api(method, { chat_id: UPGRADED_GROUP, invite_link: "https://t.me/+AAAAAAAAAAAAAAAA" }),
            400,
            "Bad Request: group chat was upgraded to a supergroup chat"
          )
          expect(body.parameters).toEqual({ migrate_to_chat_id: MIGRATED_TO })
        }
      })

      it("upgrades a group through the control API; the old id then answers the migrate error", async () => {
        const before = (await api("exportChatInviteLink", { chat_id: BASIC_GROUP })).body.result
        expect(before).toMatch(LINK)
        const upgraded = await control("POST", "upgrade", { chat_id: BASIC_GROUP })
        const newId = upgraded.body.result.migrate_to_chat_id as number
        expect(newId).toBeLessThan(-1_000_000_000_000)
        expect(Number.isSafeInteger(newId)).toBe(true)
        const body = await expectError(
          api("exportChatInviteLink", { chat_id: BASIC_GROUP }),
          400,
          "Bad Request: group chat was upgraded to a supergroup chat"
        )
        expect(body.parameters?.migrate_to_chat_id).toBe(newId)
        expect((await api("exportChatInviteLink", { chat_id: newId })).body.result).toMatch(LINK)
        expect((await api("getChat", { chat_id: newId })).body.result).toMatchObject({ id: newId, type: "supergroup" })
        expect((await control("POST", "upgrade", { chat_id: BASIC_GROUP })).status).toBe(400)
        expect((await control("POST", "upgrade", { chat_id: SUPERGROUP })).status).toBe(400)
      })
    })

    describe("flood control", () => {
      it("answers 429 with the whole seconds until a slot frees, per (bot, method, chat)", async () => {
        // absorb_seconds 0: every wait answers 429 (by default waits up to 8 s are absorbed: see its own test).
        expect(
          (await control("PUT", "limits", [{
            method: "exportChatInviteLink",
            max_calls: 2,
            per_seconds: 10,
            absorb_seconds: 0
          }])).body.ok
        ).toBe(true)
        await api("exportChatInviteLink", { chat_id: SUPERGROUP })
        t.clock.advance(2_000)
        await api("exportChatInviteLink", { chat_id: SUPERGROUP })
        let body = await expectError(
          api("exportChatInviteLink", { chat_id: SUPERGROUP }),
          429,
          "Too Many Requests: retry after 8"
        )
        expect(body.parameters).toEqual({ retry_after: 8 })
        expect((await api("exportChatInviteLink", { chat_id: CHANNEL })).body.ok).toBe(true)
        expect((await api("getMe")).body.ok).toBe(true)
        t.clock.advance(7_500)
        body = await expectError(
          api("exportChatInviteLink", { chat_id: SUPERGROUP }),
          429,
          "Too Many Requests: retry after 1"
        )
        t.clock.advance(500)
        expect((await api("exportChatInviteLink", { chat_id: SUPERGROUP })).body.ok).toBe(true)
        await expectError(api("exportChatInviteLink", { chat_id: SUPERGROUP }), 429, "Too Many Requests: retry after 2")
      })

      it("does not count refused calls, and validates limits", async () => {
        await control("PUT", "limits", [{
          method: "exportChatInviteLink",
          chat_id: NO_RIGHTS,
          max_calls: 1,
          per_seconds: 60
        }])
        for (let i = 0; i < 3; i++) {
          await expectError(
            api("exportChatInviteLink", { chat_id: NO_RIGHTS }),
            400,
            "Bad Request: not enough rights to manage chat invite link"
          )
        }
        const bad = await control("PUT", "limits", [{ max_calls: 0, per_seconds: 1 }])
        expect(bad.status).toBe(400)
        expect(bad.body.description).toContain("max_calls")
      })
    })

    describe("fault injection", () => {
      it("answers an injected 429 with retry_after and Retry-After, then goes back to normal", async () => {
        await control("POST", "faults", {
          method: "exportChatInviteLink",
          times: 2,
          reply: { error_code: 429, retry_after: 7 }
        })
        for (let i = 0; i < 2; i++) {
          const { response, body } = await api("exportChatInviteLink", { chat_id: SUPERGROUP })
          expect(body).toEqual({
            ok: false,
            error_code: 429,
            description: "Too Many Requests: retry after 7",
            parameters: { retry_after: 7 }
          })
          expect(response.headers.get("retry-after")).toBe("7")
        }
        expect((await api("exportChatInviteLink", { chat_id: SUPERGROUP })).body.result).toMatch(LINK)
      })

      it("answers an injected 500 restart, only for the chat it names", async () => {
        await control("POST", "faults", {
          method: "exportChatInviteLink",
          chat_id: CHANNEL,
          reply: { error_code: 500, description: "Internal Server Error: restart" }
        })
        expect((await api("exportChatInviteLink", { chat_id: SUPERGROUP })).body.ok).toBe(true)
        await expectError(
          api("exportChatInviteLink", { chat_id: "@my_test_channel" }),
          500,
          "Internal Server Error: restart"
        )
        expect((await api("exportChatInviteLink", { chat_id: CHANNEL })).body.ok).toBe(true)
      })

      it("answers an HTML 502 page as a proxy would", async () => {
        await control("POST", "faults", { method: "exportChatInviteLink", reply: { html: 502 } })
        const response = await t.request(`/bot${T}/exportChatInviteLink`, json({ chat_id: SUPERGROUP }))
        expect(response.status).toBe(502)
        expect(response.headers.get("content-type")).toBe("text/html")
        expect(await response.text()).toContain("<title>502 Bad Gateway</title>")
      })

      it("drops the connection", async () => {
        await control("POST", "faults", { method: "getMe", reply: { drop: true } })
        await expect(t.request(`/bot${T}/getMe`, { method: "POST" })).rejects.toThrow()
        expect((await api("getMe")).body.ok).toBe(true)
      })

      it("delays, then answers normally", async () => {
        await control("POST", "faults", { method: "exportChatInviteLink", reply: { delay_ms: 20 } })
        expect((await api("exportChatInviteLink", { chat_id: SUPERGROUP })).body.result).toMatch(LINK)
      })

      it("validates faults, and clears them", async () => {
        const bad = await control("POST", "faults", { method: "getMe", reply: { error_code: 200 } })
        expect(bad.status).toBe(400)
        expect(bad.body.description).toContain("reply")
        await control("POST", "faults", { method: "getMe", times: 5, reply: { error_code: 500 } })
        expect((await control("DELETE", "faults")).body.ok).toBe(true)
        expect((await api("getMe")).body.ok).toBe(true)
      })
    })

    describe("control API", () => {
      it("resets to the starting world", async () => {
        const link = (await api("exportChatInviteLink", { chat_id: SUPERGROUP })).body.result
        expect(await worldLink(link)).toBeDefined()
        expect((await control("POST", "reset")).body.ok).toBe(true)
        expect(await worldLink(link)).toBeUndefined()
      })

      it("refuses a bad world with a message naming the field, and keeps the old one", async () => {
        const world = (await control("GET", "world")).body.result
        world.chats[0].members[0].user_id = 999
        const refused = await control("PUT", "world", world)
        expect(refused.status).toBe(400)
        expect(refused.body.description).toContain("chats.0.members.0.user_id")
        const wrongType = await control("PUT", "world", { ...world, chats: [{ id: "x", type: "group" }] })
        expect(wrongType.status).toBe(400)
        expect(wrongType.body.description).toContain("chats.0.id")
        expect((await api("exportChatInviteLink", { chat_id: SUPERGROUP })).body.ok).toBe(true)
      })

      it("answers a bad world, fault or limits body with one line per wrong field", async () => {
        const lines = async (method: string, path: string, body: unknown) => {
          const refused = await control(method, path, body)
          expect(refused.status).toBe(400)
          return refused.body.description!.split("\n")
        }
        const world = (await control("GET", "world")).body.result
        world.chats[0].members[0].user_id = 999
        expect(await lines("PUT", "world", world)).toEqual(["chats.0.members.0.user_id: unknown user 999"])
        world.chats[1].members[1].user_id = 998
        expect(await lines("PUT", "world", world)).toEqual([
          "chats.0.members.0.user_id: unknown user 999",
          "chats.1.members.1.user_id: unknown user 998"
        ])
        expect(await lines("PUT", "world", { ...world, chats: [{ id: "x", type: "group", title: "G" }] })).toEqual([
          "chats.0.id: Expected number, actual \"x\""
        ])

        expect(await lines("POST", "faults", { method: "getMe", reply: { error_code: 200 } })).toEqual([
          expect.stringMatching(/^reply\.error_code: .*between 400 and 599.*200$/)
        ])
        expect(await lines("POST", "faults", { method: "", times: 0, reply: { drop: true } })).toEqual([
          expect.stringMatching(/^method: /),
          expect.stringMatching(/^times: .*0$/)
        ])

        expect(await lines("PUT", "limits", [{ max_calls: 1, per_seconds: 0 }])).toEqual([
          expect.stringMatching(/^0\.per_seconds: /)
        ])
        expect(await lines("PUT", "limits", { flood_limits: [{ max_calls: 0, per_seconds: 1 }, { per_seconds: 1 }] }))
          .toEqual([expect.stringMatching(/^0\.max_calls: /), "1.max_calls: is missing"])
        expect((await api("getMe")).body.ok).toBe(true)
      })

      it("refuses malformed control input without changing anything", async () => {
        const response = await t.request("/__mock/faults", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{not json"
        })
        expect(response.status).toBe(400)
        expect((await control("POST", "upgrade", { chat_id: "abc" })).status).toBe(400)
        expect((await control("GET", "nowhere")).status).toBe(404)
        expect((await control("DELETE", "world")).status).toBe(405)
        expect((await api("getMe")).body.ok).toBe(true)
      })

      it("leaves the world unchanged after rejected requests", async () => {
        const before = JSON.stringify((await control("GET", "world")).body.result)
        await call(`/bot123456:ZZZ-DEF1234ghIkl-zyx57W2v1u123ew11/exportChatInviteLink?chat_id=${SUPERGROUP}`)
        await call(`/bot${T}/exportChatInviteLink?chat_id=${NO_RIGHTS}`)
        await call(`/bot${T}/exportChatInviteLink?chat_id=${UPGRADED_GROUP}`)
        await call(`/bot${T}/editChatInviteLink?chat_id=${SUPERGROUP}&invite_link=https://t.me/%2BOwnerSuperGrp01`)
        await call(`/bot${T}/noSuchMethod?chat_id=${SUPERGROUP}`)
        await t.request(`/bot${T}/exportChatInviteLink?chat_id=${SUPERGROUP}`, { method: "PUT" })
        await control("PUT", "world", { bots: [] })
        await control("POST", "upgrade", { chat_id: 42 })
        expect(JSON.stringify((await control("GET", "world")).body.result)).toBe(before)
      })
    })
  })
}
