/**
 * Bots a bot manages (telegram-wire-chats.md §21 Managed bots; Client.cpp process_get_managed_bot_token_query …
 * process_set_managed_bot_access_settings_query; BotInfoManager, UserManager get_bot_data): the token (and a new one,
 * which replaces it), and who may use the bot. A user the world does not know is `user not found`, a person `user is
 * not a bot`; a bot this bot does not manage is Telegram's BOT_ACCESS_FORBIDDEN.
 */
import { parseJson } from "../../internal/JsonValue.js"
import { toInt64 } from "../../internal/Params.js"
import { userJson } from "../../wire/user.js"
import { newBotToken } from "../../world/managedBots.js"
import type { ManagedBotRecord } from "../../world/tail.js"
import { type ApiError, apiError } from "../envelope.js"
import type { Call } from "../table/method.js"
import { commit, method, methods } from "../table/method.js"
import { bool, custom, raw, userId } from "../table/params.js"
import { tdlibError, userRefusal } from "../tdlibError.js"

/** The managed bot a `user_id` names, if this bot manages it. */
const managed = (call: Call, id: number): ManagedBotRecord | ApiError => {
  const unknown = userRefusal(call.world, id)
  if (unknown !== undefined) return unknown
  if (call.world.users.get(id)?.is_bot !== true) return tdlibError("User is not a bot")
  const record = call.world.tail.managedBots.get(id)
  return record === undefined || record.managerBotId !== call.botId
    ? apiError(400, "Bad Request: BOT_ACCESS_FORBIDDEN")
    : record
}

const isRecord = (value: ManagedBotRecord | ApiError): value is ManagedBotRecord => "botId" in value

/** get_user_ids(…, 10, "added_user_ids"), read only for a restricted access. */
const addedUserIds = custom("Array of Integer", (input): ReadonlyArray<number> | ApiError => {
  const value = raw(input)
  if (!bool.read({ ...input, name: "is_access_restricted" }) || value === undefined) return []
  if (value === "") return tdlibError("User identifiers are not specified")
  const json = parseJson(value)
  if (json === undefined) return tdlibError("Can't parse added_user_ids JSON object")
  if (json.kind !== "array") return tdlibError("Expected an Array of user identifiers")
  if (json.items.length > 10) return tdlibError("Too many user identifiers specified")
  const ids: Array<number> = []
  for (const item of json.items) {
    const text = item.kind === "number" ? item.text : item.kind === "string" ? item.value : undefined
    if (text === undefined) return tdlibError("User identifier must be a Number")
    const id = toInt64(text)
    if (id === undefined) return tdlibError("Can't parse user identifier as a Number")
    if (id <= 0n) return tdlibError("Invalid user identifier specified")
    ids.push(Number(id))
  }
  return ids
}, { note: "at most 10; read only when is_access_restricted" })

/** getManagedBotToken, replaceManagedBotToken, getManagedBotAccessSettings, setManagedBotAccessSettings. */
export const managedBotMethods = methods({
  getManagedBotToken: method({
    family: "managedBots",
    summary: "the token of a bot the bot manages (world file `managed_bots`, or created through the control API)",
    params: { user_id: userId },
    run: (p, call) => {
      const bot = managed(call, p.user_id)
      return isRecord(bot) ? JSON.stringify(bot.token) : bot
    }
  }),
  replaceManagedBotToken: method({
    family: "managedBots",
    summary: "a new token for a managed bot; the old one is revoked",
    params: { user_id: userId },
    run: (p, call) => {
      const bot = managed(call, p.user_id)
      if (!isRecord(bot)) return bot
      return commit(undefined, () => {
        bot.token = newBotToken(bot.botId)
        return JSON.stringify(bot.token)
      })
    }
  }),
  getManagedBotAccessSettings: method({
    family: "managedBots",
    summary: "whether the managed bot's access is restricted, and to whom besides its owner",
    params: { user_id: userId },
    run: (p, call) => {
      const bot = managed(call, p.user_id)
      if (!isRecord(bot)) return bot
      const added = bot.addedUserIds.length === 0
        ? ""
        : `,"added_users":[${bot.addedUserIds.map((id) => userJson(call.world, id)).join(",")}]`
      return `{"is_access_restricted":${bot.isAccessRestricted}${added}}`
    }
  }),
  setManagedBotAccessSettings: method({
    family: "managedBots",
    summary: "restricts a managed bot to its owner and up to 10 users, or opens it; the getter shows it",
    params: { user_id: userId, is_access_restricted: bool, added_user_ids: addedUserIds },
    run: (p, call) => {
      const bot = managed(call, p.user_id)
      if (!isRecord(bot)) return bot
      if (p.added_user_ids.some((id) => !call.world.users.has(id))) return apiError(400, "Bad Request: USER_ID_INVALID")
      return commit(undefined, () => {
        bot.isAccessRestricted = p.is_access_restricted
        bot.addedUserIds = p.added_user_ids
        return "true"
      })
    }
  })
})
