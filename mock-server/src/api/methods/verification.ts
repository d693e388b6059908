/**
 * Verification by the bots of verification organisations (telegram-wire-chats.md §21 Verification; Client.cpp
 * process_verify_user_query … process_remove_chat_verification_query; BotInfoManager set_custom_bot_verification): only
 * the world's `verifier_bot_ids` may verify; any other bot meets Telegram's BOT_VERIFIER_FORBIDDEN (a 403 whose
 * all-caps text reaches the wire as a 400). What they verify, the world file's `verifications` shows.
 */
import { toInt64 } from "../../internal/Params.js"
import type { World } from "../../world/World.js"
import { type ApiError, apiError } from "../envelope.js"
import { commit, method, methods } from "../table/method.js"
import { chat, custom, raw, text, userId } from "../table/params.js"
import { tdlibError, userRefusal } from "../tdlibError.js"

const FORBIDDEN = apiError(400, "Bad Request: BOT_VERIFIER_FORBIDDEN")

/** TDLib's check that the verified user or chat is one it knows. */
const known = (world: World, id: number): boolean => world.users.has(id) || world.chats.has(id)

/** Verifies (or with `description` undefined, un-verifies) a user or chat, as a verifier bot. */
const verify = (world: World, botId: number, targetId: number, description: string | undefined) => {
  if (!known(world, targetId)) return tdlibError("Can't access the verified entity")
  if (!world.tail.verifierBotIds.has(botId)) return FORBIDDEN
  return commit(undefined, () => {
    if (description === undefined) world.tail.verifications.delete(targetId)
    else {
      world.tail.verifications.set(targetId, {
        bot_id: botId,
        target_id: targetId,
        ...(description !== "" ? { custom_description: description } : {})
      })
    }
    return "true"
  })
}

/** check_chat_no_fail's reading of `chat_id` (its texts name sender_chat_id, as the real server's do). */
const anyChatId = custom("Integer", (input): number | ApiError => {
  const value = raw(input) ?? ""
  if (value === "") return apiError(400, "Bad Request: sender_chat_id is empty")
  const id = toInt64(value)
  return id === undefined ? apiError(400, "Bad Request: sender_chat_id is not a valid Integer") : Number(id)
}, { required: true })

/** verifyUser, verifyChat, removeUserVerification, removeChatVerification. */
export const verificationMethods = methods({
  verifyUser: method({
    family: "verification",
    summary: "verifies a user for the bot's organisation (world file `verifier_bot_ids`)",
    params: { user_id: userId, custom_description: text },
    run: (p, call) =>
      userRefusal(call.world, p.user_id) ?? verify(call.world, call.botId, p.user_id, p.custom_description)
  }),
  verifyChat: method({
    family: "verification",
    summary: "verifies a chat for the bot's organisation",
    params: { chat_id: chat("read"), custom_description: text },
    run: (p, call) => verify(call.world, call.botId, p.chat_id.id, p.custom_description)
  }),
  removeUserVerification: method({
    family: "verification",
    summary: "removes the organisation's verification of a user",
    params: { user_id: userId },
    run: (p, call) => verify(call.world, call.botId, p.user_id, undefined)
  }),
  removeChatVerification: method({
    family: "verification",
    summary: "removes the organisation's verification of a chat",
    params: { chat_id: anyChatId },
    run: (p, call) => verify(call.world, call.botId, p.chat_id, undefined)
  })
})
