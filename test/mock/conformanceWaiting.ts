/**
 * A test in any language, over HTTP only: wait for the bot's next message, the next request or event (long polls of
 * the control API on the mock's clock: answered as soon as there is something, empty at the deadline), read the
 * answer a press got, read one member, make an invite link as a human administrator.
 */
import { DEFAULT_BOT_ID, DEFAULT_OWNER_ID } from "telegram-bot-api-mock"
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const ALICE = 42
const SUPERGROUP = -1001234567890

export const waitingConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock control API, waiting and reading (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { control, result } = wireClient(() => t)
    /** Lets the transport carry a request to the mock (no time passes on its clock). */
    const turn = async () => {
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))
    }

    it("a long poll for a chat's messages answers as soon as the bot writes", async () => {
      await control("POST", `users/${ALICE}/send`, { text: "/start" })
      const waiting = control("GET", `chats/${ALICE}/messages?after=1&wait=30`)
      let answered = false
      void waiting.then(() => (answered = true))
      await turn()
      expect(answered).toBe(false)
      await result("sendMessage", { chat_id: ALICE, text: "welcome" })
      const { body, status } = await waiting
      expect(status).toBe(200)
      expect(body.result.map((m: any) => [m.message_id, m.text])).toEqual([[2, "welcome"]])
      // Something already there: answered at once.
      expect((await control("GET", `chats/${ALICE}/messages?after=0&wait=30`)).body.result).toHaveLength(2)
    })

    it("answers an empty list at the deadline, on the mock's clock", async () => {
      const waiting = control("GET", `chats/${ALICE}/messages?after=0&wait=5`)
      await turn()
      t.clock.advance(4_999)
      let answered = false
      void waiting.then(() => (answered = true))
      await turn()
      expect(answered).toBe(false)
      t.clock.advance(1)
      expect((await waiting).body).toEqual({ ok: true, result: [] })
    })

    it("long-polls the journal and the events by seq", async () => {
      const last = t.mock.events().at(-1)
      const after = last === undefined ? 0 : last.kind === "request" ? last.entry.seq : last.seq
      const journal = control("GET", `journal?after=${after}&wait=30`)
      const events = control("GET", `events?after=${after}&wait=30`)
      await turn()
      await control("POST", `users/${ALICE}/send`, { text: "hi" })
      const seen = (await events).body.result
      expect(seen.map((e: any) => e.kind)).toEqual(["action", "update"])
      expect(seen[1]).toMatchObject({ type: "message", bot_id: DEFAULT_BOT_ID, update: { message: { text: "hi" } } })
      expect(seen[1].seq).toBeGreaterThan(seen[0].seq)
      await result("getUpdates", {})
      const requests = (await journal).body.result
      expect(requests).toEqual([expect.objectContaining({ method: "getUpdates", status: 200, seq: seen[1].seq + 1 })])
      const bad = await control("GET", "journal?wait=forever")
      expect(bad).toMatchObject({
        status: 400,
        body: { description: `wait: expected seconds from 0 to 60, got "forever"` }
      })
    })

    it("reads the answer a press got, and one member", async () => {
      await control("POST", `users/${ALICE}/send`, { text: "/menu" })
      await result("sendMessage", {
        chat_id: ALICE,
        text: "menu",
        reply_markup: { inline_keyboard: [[{ text: "Go", callback_data: "go" }]] }
      })
      const { body } = await control("POST", `users/${ALICE}/press`, { message_id: 2, data: "go" })
      const id = body.result.callback_query_id
      expect((await control("GET", `callback_queries/${id}`)).body.result).toEqual({
        id,
        bot_id: DEFAULT_BOT_ID,
        user_id: ALICE,
        answered: false
      })
      await result("answerCallbackQuery", { callback_query_id: id, text: "Done!", show_alert: true })
      expect((await control("GET", `callback_queries/${id}`)).body.result).toMatchObject({
        answered: true,
        answer: { text: "Done!", show_alert: true, url: "" }
      })
      expect((await control("GET", "callback_queries/123")).status).toBe(404)
      expect((await control("GET", `chats/${SUPERGROUP}/members/${DEFAULT_BOT_ID}`)).body.result).toMatchObject({
        status: "administrator",
        can_invite_users: true,
        user: { id: DEFAULT_BOT_ID, is_bot: true }
      })
      expect((await control("GET", `chats/${SUPERGROUP}/members/${ALICE}`)).body.result).toMatchObject({
        status: "left"
      })
    })

    it("makes an invite link as a human administrator; a person asks to join through it", async () => {
      const { body } = await control("POST", `chats/${SUPERGROUP}/invite_links`, {
        name: "Ask first",
        creates_join_request: true
      })
      expect(body.result).toMatchObject({
        name: "Ask first",
        creator: { id: DEFAULT_OWNER_ID },
        creates_join_request: true,
        is_primary: false,
        is_revoked: false
      })
      const joined = await control("POST", `users/${ALICE}/join`, { invite_link: body.result.invite_link })
      expect(joined.body.result).toEqual({ status: "requested", chat_id: SUPERGROUP })
      const refused = await control("POST", `chats/${SUPERGROUP}/invite_links`, {
        by: ALICE,
        member_limit: 5,
        creates_join_request: true
      })
      expect(refused.status).toBe(400)
      expect(refused.body.description!.split("\n")).toEqual([
        `by: user ${ALICE} may not invite users to chat ${SUPERGROUP}`,
        "member_limit: a link that needs approval has no member limit"
      ])
    })
  })
}
