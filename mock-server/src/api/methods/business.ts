/**
 * Business accounts (telegram-wire-chats.md §21 Business; Client.cpp process_get_business_connection_query …
 * process_transfer_business_account_stars_query; BusinessConnectionManager): the connection, reading and deleting the
 * account's messages, its name, username and bio, its Stars. Every method resolves `business_connection_id` first
 * (`business connection not found`); Telegram's rights (BOT_ACCESS_FORBIDDEN) are the mock's rules. What the name
 * and username methods change, getBusinessConnection's `user` shows.
 */
import { stripEmptyCharacters } from "../../internal/stripEmpty.js"
import { businessConnectionJson } from "../../wire/business.js"
import { addStars, starsOf } from "../../world/gifts.js"
import type { World } from "../../world/World.js"
import { botsConnection, businessChatId, businessTarget, connectionParam, connectionRefusal } from "../business.js"
import { apiError, isApiError } from "../envelope.js"
import { commit, method, methods } from "../table/method.js"
import { custom, int, messageId, messageIds, raw, requiredText, text } from "../table/params.js"
import { tdlibError } from "../tdlibError.js"

/** TDLib's clean_name: strip_empty_characters, then runs of spaces and newlines become one space. */
const cleanName = (name: string): string => stripEmptyCharacters(name, 64).replace(/[ \n]+/g, " ")

/** A username taken by another user or chat of the world. */
const usernameTaken = (world: World, username: string, ownerId: number): boolean => {
  const key = username.toLowerCase()
  for (const user of world.users.values()) {
    if (user.id !== ownerId && user.username?.toLowerCase() === key) return true
  }
  return world.chatsByUsername.has(key.replaceAll(".", ""))
}

/** TDLib's is_allowed_username: a valid username of 5-32 characters not starting with a reserved word. */
const allowedUsername = (username: string): boolean =>
  /^[A-Za-z](?!.*__)[A-Za-z0-9_]{3,30}[A-Za-z0-9]$/.test(username) &&
  !/^(admin|telegram|support|security|settings|contacts|service|telegraph)/i.test(username)

/** getBusinessConnection … transferBusinessAccountStars. */
export const businessMethods = methods({
  getBusinessConnection: method({
    family: "business",
    summary: "a connection of the bot, as the world file or the control API made it (disabled ones too)",
    params: { business_connection_id: connectionParam },
    run: (p, call) => businessConnectionJson(call.world, p.business_connection_id)
  }),
  readBusinessMessage: method({
    family: "business",
    summary: "marks a person's message in the account's chat read (needs can_read_messages)",
    params: {
      business_connection_id: text,
      chat_id: custom("Integer", (input) => businessChatId(raw(input)), { required: true }),
      message_id: messageId
    },
    run: (p, call) => {
      const connection = botsConnection(call.world, call.botId, p.business_connection_id)
      if (isApiError(connection)) return connection
      const chat = businessTarget(call.world, connection, p.chat_id)
      if (isApiError(chat)) return chat
      if (p.message_id <= 0) return tdlibError("Invalid message identifier specified")
      const refusal = connectionRefusal(connection, "can_read_messages")
      if (refusal !== undefined) return refusal
      return commit(undefined, () => {
        chat.readUpTo = Math.max(chat.readUpTo, p.message_id)
        return "true"
      })
    }
  }),
  deleteBusinessMessages: method({
    family: "business",
    summary: "deletes the account's messages (the bot's own: can_delete_sent_messages; any: can_delete_all_messages)",
    params: { business_connection_id: text, message_ids: messageIds(100) },
    run: (p, call) => {
      const connection = botsConnection(call.world, call.botId, p.business_connection_id)
      if (isApiError(connection)) return connection
      const disabled = connectionRefusal(connection, undefined)
      if (disabled !== undefined) return disabled
      const found = [...connection.chats.values()].flatMap((chat) =>
        p.message_ids.filter((id) => chat.chat.log.messages.has(id)).map((id) => ({ chat, id }))
      )
      for (const { chat, id } of found) {
        const own = chat.chat.log.messages.get(id)!.senderBusinessBotId === call.botId
        const right = own && connection.rights.can_delete_sent_messages === true ? undefined : "can_delete_all_messages"
        const refusal = right === undefined ? undefined : connectionRefusal(connection, right)
        if (refusal !== undefined) return refusal
      }
      return commit(undefined, () => {
        for (const { chat, id } of found) chat.chat.log.messages.delete(id)
        return "true"
      })
    }
  }),
  setBusinessAccountName: method({
    family: "business",
    summary: "the account's first and last name (needs can_edit_name); getBusinessConnection's user shows them",
    params: { first_name: requiredText, last_name: text, business_connection_id: connectionParam },
    run: (p, call) => {
      const connection = p.business_connection_id
      const refusal = connectionRefusal(connection, "can_edit_name")
      if (refusal !== undefined) return refusal
      const first = cleanName(p.first_name)
      if (first === "") return apiError(400, "Bad Request: FIRSTNAME_INVALID")
      return commit(undefined, () => {
        const user = call.world.users.get(connection.userId)!
        const last = cleanName(p.last_name)
        call.world.users.set(user.id, { ...user, first_name: first, last_name: last === "" ? undefined : last })
        return "true"
      })
    }
  }),
  setBusinessAccountUsername: method({
    family: "business",
    summary: "the account's username, or none (needs can_edit_username; USERNAME_OCCUPIED, USERNAME_NOT_MODIFIED)",
    params: { business_connection_id: connectionParam, username: text },
    run: (p, call) => {
      const connection = p.business_connection_id
      if (p.username !== "" && !allowedUsername(p.username)) return tdlibError("Username is invalid")
      const refusal = connectionRefusal(connection, "can_edit_username")
      if (refusal !== undefined) return refusal
      const user = call.world.users.get(connection.userId)!
      if ((user.username ?? "") === p.username) return apiError(400, "Bad Request: USERNAME_NOT_MODIFIED")
      if (p.username !== "" && usernameTaken(call.world, p.username, user.id)) {
        return apiError(400, "Bad Request: USERNAME_OCCUPIED")
      }
      return commit(undefined, () => {
        call.world.users.set(user.id, { ...user, username: p.username === "" ? undefined : p.username })
        return "true"
      })
    }
  }),
  setBusinessAccountBio: method({
    family: "business",
    summary: "the account's bio, 0-140 characters (needs can_edit_bio; ABOUT_TOO_LONG past it)",
    params: { business_connection_id: connectionParam, bio: text },
    run: (p) => {
      const refusal = connectionRefusal(p.business_connection_id, "can_edit_bio")
      if (refusal !== undefined) return refusal
      if ([...p.bio].length > 140) return apiError(400, "Bad Request: ABOUT_TOO_LONG")
      return commit(undefined, () => {
        p.business_connection_id.bio = p.bio
        return "true"
      })
    }
  }),
  getBusinessAccountStarBalance: method({
    family: "business",
    summary: "the account's Stars (needs can_view_gifts_and_stars)",
    params: { business_connection_id: connectionParam },
    run: (p, call) =>
      connectionRefusal(p.business_connection_id, "can_view_gifts_and_stars") ??
        `{"amount":${starsOf(call.world, p.business_connection_id.userId)}}`
  }),
  transferBusinessAccountStars: method({
    family: "business",
    summary: "moves Stars from the account to the bot (needs can_transfer_stars; BALANCE_TOO_LOW)",
    params: {
      business_connection_id: connectionParam,
      star_count: int({ min: 0, max: 1_000_000_000 })
    },
    run: (p, call) => {
      const connection = p.business_connection_id
      if (p.star_count <= 0) return tdlibError("Invalid amount of Telegram Stars to transfer specified")
      const refusal = connectionRefusal(connection, "can_transfer_stars")
      if (refusal !== undefined) return refusal
      if (starsOf(call.world, connection.userId) < p.star_count) return apiError(400, "Bad Request: BALANCE_TOO_LOW")
      return commit(undefined, () => {
        addStars(call.world, connection.userId, -p.star_count)
        addStars(call.world, call.botId, p.star_count)
        return "true"
      })
    }
  })
})
