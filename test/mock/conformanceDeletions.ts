/**
 * Conformance of deleteMessage and deleteMessages (telegram-wire-messages.md §M6.4) on every transport: `message_ids`
 * read before the chat, ids not found skipped, every id checked before any is deleted, and TDLib's two refusals
 * (`message can't be deleted`, `message can't be deleted for everyone`) by chat kind and age.
 */
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const SUPERGROUP = -1001234567890
const BASIC_GROUP = -555555555
const BOT = 123456
const ALICE = 42

export const deletionConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, deletions (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { control, refusal, result } = wireClient(() => t)
    const say = async (text: string) => (await control("POST", `users/${ALICE}/send`, { text })).body.result
    const messages = async (chatId: number) => (await control("GET", `chats/${chatId}/messages`)).body.result as any[]

    describe("deleteMessages", () => {
      it("reads the ids before the chat; skips missing ids; one it may not delete refuses them all", async () => {
        await refusal("deleteMessages", {}, 400, "Bad Request: message identifiers are not specified")
        await refusal("deleteMessages", { message_ids: [1] }, 400, "Bad Request: chat_id is empty")
        await refusal("deleteMessages", { message_ids: [0] }, 400, "Bad Request: invalid message identifier specified")
        await result("sendMessage", { chat_id: SUPERGROUP, text: "mine" })
        await control("PUT", `chats/${SUPERGROUP}/members/43`, { status: "member" })
        await control("POST", "users/43/send", { text: "theirs", chat_id: SUPERGROUP })
        await refusal(
          "deleteMessages",
          { chat_id: SUPERGROUP, message_ids: [1, 3] },
          400,
          "Bad Request: message can't be deleted"
        )
        expect((await messages(SUPERGROUP)).map((m) => m.message_id)).toEqual([1, 2, 3])
        expect(await result("deleteMessages", { chat_id: SUPERGROUP, message_ids: [1, 7] })).toBe(true)
        await control("PUT", `chats/${SUPERGROUP}/members/${BOT}`, {
          status: "administrator",
          can_delete_messages: true
        })
        expect(await result("deleteMessages", { chat_id: SUPERGROUP, message_ids: [2, 3] })).toBe(true)
        expect(await messages(SUPERGROUP)).toEqual([])
        expect(await result("deleteMessages", { chat_id: SUPERGROUP, message_ids: [99] })).toBe(true)
      })

      it("private chats and basic groups: `can't be deleted for everyone` past 48 hours", async () => {
        await say("old")
        await result("sendMessage", { chat_id: BASIC_GROUP, text: "group" })
        t.clock.advance(48 * 3600 * 1000 + 1000)
        await refusal(
          "deleteMessages",
          { chat_id: ALICE, message_ids: [1] },
          400,
          "Bad Request: message can't be deleted for everyone"
        )
        await refusal(
          "deleteMessage",
          { chat_id: BASIC_GROUP, message_id: 1 },
          400,
          "Bad Request: message can't be deleted for everyone"
        )
        await result("sendMessage", { chat_id: SUPERGROUP, text: "a" })
        t.clock.advance(48 * 3600 * 1000)
        await refusal(
          "deleteMessage",
          { chat_id: SUPERGROUP, message_id: 1 },
          400,
          "Bad Request: message can't be deleted"
        )
      })
    })
  })
}
