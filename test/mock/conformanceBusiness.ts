/**
 * Business accounts on every transport (telegram-wire-chats.md §21 Business, telegram-wire-messages.md §M3): the
 * connection as getBusinessConnection and the `business_connection` update show it, a person writing to the account
 * (`business_message`) and the bot answering as the account (the send path's business branch), reading and deleting
 * the account's messages; each method's refusals.
 */
import { defaultWorld } from "telegram-bot-api-mock"
import { afterAll, beforeEach, describe, expect, it } from "vitest"
import { BOB, businessWorld, CAROL, DAVE, OLGA } from "./businessFixtures.js"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

export const businessConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, business accounts (${name})`, () => {
    let t: Transport
    const wire = wireClient(() => t)
    beforeEach(() => {
      t = setup()
      businessWorld(t.mock)
    })
    afterAll(() => t.mock.replaceWorld(defaultWorld))

    /** The updates of a type the bot has, confirmed (a later call gets only newer ones). */
    const updates = async (type: string) => {
      const all = (await wire.result("getUpdates", { allowed_updates: [] })) as Array<any>
      if (all.length > 0) await wire.result("getUpdates", { offset: all[all.length - 1].update_id + 1, timeout: 0 })
      return all.filter((update) => type in update).map((update) => update[type])
    }

    it("getBusinessConnection shows a connection in the real server's keys; others are not found", async () => {
      const connection = await wire.result("getBusinessConnection", { business_connection_id: "olga-shop" })
      expect(Object.keys(connection)).toEqual([
        "id",
        "user",
        "user_chat_id",
        "date",
        "is_enabled",
        "can_reply",
        "rights"
      ])
      expect(connection).toMatchObject({ id: "olga-shop", user_chat_id: OLGA, is_enabled: true, can_reply: true })
      expect(connection.user).toMatchObject({ id: OLGA, first_name: "Olga" })
      expect(Object.keys(connection.rights)).toEqual([
        "can_reply",
        "can_read_messages",
        "can_delete_sent_messages",
        "can_edit_name",
        "can_edit_bio",
        "can_edit_profile_photo",
        "can_edit_username",
        "can_view_gifts_and_stars",
        "can_change_gift_settings",
        "can_transfer_stars"
      ])
      expect(await wire.result("getBusinessConnection", { business_connection_id: "carol-shop" })).toMatchObject({
        can_reply: false,
        rights: {}
      })
      for (const id of ["", "nope", "dave-shop"]) {
        await wire.refusal(
          "getBusinessConnection",
          { business_connection_id: id },
          400,
          "Bad Request: business connection not found"
        )
      }
    })

    it("a connection made or disabled through the control API reaches the bot as business_connection", async () => {
      const made = await wire.control("PUT", "business_connections/bob-shop", {
        user_id: BOB,
        rights: { can_reply: true }
      })
      expect(made.body).toMatchObject({ ok: true, result: { id: "bob-shop", user_chat_id: BOB, is_enabled: true } })
      await wire.control("PUT", "business_connections/bob-shop", { user_id: BOB, is_enabled: false })
      const seen = await updates("business_connection")
      expect(seen.map((connection: any) => connection.is_enabled)).toEqual([true, false])
      expect(Object.keys(seen[0])).toEqual(["id", "user", "user_chat_id", "date", "is_enabled", "can_reply", "rights"])
      // A disabled connection keeps its rights: can_reply follows them, as the real server writes it.
      expect(await wire.result("getBusinessConnection", { business_connection_id: "bob-shop" })).toMatchObject({
        is_enabled: false,
        can_reply: true
      })
      const wrong = await wire.control("PUT", "business_connections/bob-shop", { user_id: CAROL })
      expect(wrong.status).toBe(400)
      expect((await wire.control("PUT", "business_connections/x", { user_id: 123456 })).body.description).toBe(
        "user_id: user 123456 is a bot"
      )
    })

    it("a person writes to the account (business_message); the bot answers as the account", async () => {
      const written = await wire.control("POST", "business_connections/olga-shop/messages", {
        user_id: BOB,
        text: "price?"
      })
      expect(written.body.ok).toBe(true)
      const [incoming] = await updates("business_message")
      expect(Object.keys(incoming).slice(0, 2)).toEqual(["business_connection_id", "message_id"])
      expect(incoming).toMatchObject({
        business_connection_id: "olga-shop",
        from: { id: BOB },
        chat: { id: BOB },
        text: "price?"
      })
      const reply = await wire.result("sendMessage", {
        business_connection_id: "olga-shop",
        chat_id: BOB,
        text: "5 Stars"
      })
      expect(Object.keys(reply).slice(0, 5)).toEqual([
        "business_connection_id",
        "sender_business_bot",
        "message_id",
        "from",
        "chat"
      ])
      expect(reply).toMatchObject({
        sender_business_bot: { id: 123456 },
        from: { id: OLGA },
        chat: { id: BOB, type: "private" }
      })
      expect(reply.message_id).toBe(incoming.message_id + 1)
      const chat = await wire.control("GET", `business_connections/olga-shop/chats/${BOB}/messages`)
      expect(chat.body.result.map((message: any) => message.text)).toEqual(["price?", "5 Stars"])
      // The bot's own send does not come back as an update; the person's private chat with the bot is untouched.
      expect(await updates("business_message")).toEqual([])
      expect(t.mock.chat(BOB)).toBeUndefined()
    })

    it("refuses a business send as the real server and Telegram do", async () => {
      await wire.control("POST", "business_connections/olga-shop/messages", { user_id: BOB, text: "hi" })
      const send = (params: Record<string, unknown>, description: string) =>
        wire.refusal(
          "sendMessage",
          { business_connection_id: "olga-shop", chat_id: BOB, text: "x", ...params },
          400,
          description
        )
      await send({ chat_id: "" }, "Bad Request: chat identifier is empty")
      await send({ chat_id: "@bob" }, "Bad Request: chat identifier must be a valid Integer")
      await send({ business_connection_id: "dave-shop" }, "Bad Request: business connection not found")
      await send({ chat_id: -1001234567890 }, "Bad Request: chat must be a private chat")
      await send({ chat_id: OLGA }, "Bad Request: messages must not be sent to self")
      await send({ chat_id: DAVE }, "Bad Request: BUSINESS_PEER_USAGE_MISSING")
      await send({ chat_id: 999 }, "Bad Request: PEER_ID_INVALID")
      await send({ text: "" }, "Bad Request: message text is empty")
      await wire.refusal(
        "sendMessage",
        { business_connection_id: "carol-shop", chat_id: BOB, text: "x" },
        400,
        "Bad Request: BOT_ACCESS_FORBIDDEN"
      )
      t.clock.advance(24 * 3600 * 1000 + 1000)
      await send({}, "Bad Request: BUSINESS_PEER_USAGE_MISSING")
      await wire.control("PUT", "business_connections/olga-shop", { user_id: OLGA, is_enabled: false })
      await send({}, "Bad Request: BUSINESS_CONNECTION_INVALID")
    })

    it("reads and deletes the account's messages with the rights it gave", async () => {
      const incoming =
        (await wire.control("POST", "business_connections/olga-shop/messages", { user_id: BOB, text: "a" })).body.result
      const sent = await wire.result("sendMessage", { business_connection_id: "olga-shop", chat_id: BOB, text: "b" })
      const read = { business_connection_id: "olga-shop", chat_id: BOB, message_id: incoming.message_id }
      expect(await wire.result("readBusinessMessage", read)).toBe(true)
      await wire.refusal("readBusinessMessage", { ...read, chat_id: "" }, 400, "Bad Request: chat identifier is empty")
      await wire.refusal(
        "readBusinessMessage",
        { ...read, message_id: 0 },
        400,
        "Bad Request: invalid message identifier specified"
      )
      await wire.refusal(
        "readBusinessMessage",
        { ...read, business_connection_id: "carol-shop" },
        400,
        "Bad Request: BOT_ACCESS_FORBIDDEN"
      )
      await wire.refusal(
        "deleteBusinessMessages",
        { business_connection_id: "olga-shop" },
        400,
        "Bad Request: message identifiers are not specified"
      )
      await wire.refusal(
        "deleteBusinessMessages",
        { business_connection_id: "olga-shop", message_ids: [incoming.message_id] },
        400,
        "Bad Request: BOT_ACCESS_FORBIDDEN"
      )
      expect(
        await wire.result("deleteBusinessMessages", {
          business_connection_id: "olga-shop",
          message_ids: [sent.message_id, 777]
        })
      ).toBe(true)
      const chat = await wire.control("GET", `business_connections/olga-shop/chats/${BOB}/messages`)
      expect(chat.body.result.map((message: any) => message.text)).toEqual(["a"])
    })
  })
}
