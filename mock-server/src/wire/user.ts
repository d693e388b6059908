/** User JSON, keys in the real server's order (Client.cpp JsonUser, JsonBotUser). Hand-built: getMe is a hot path. */
import { inlineSettings } from "../world/inline.js"
import type { World } from "../world/World.js"

const json = JSON.stringify

/** A User's fields without the closing brace (getMe adds the bot-only fields after them, with no slice and copy). */
const userFields = (world: World, id: number): string => {
  const user = world.users.get(id)
  if (user === undefined) return `{"id":${id},"is_bot":false,"first_name":"Deleted Account"`
  let out = `{"id":${id},"is_bot":${user.is_bot},"first_name":${json(user.first_name)}`
  if (user.last_name !== undefined && user.last_name !== "") out += `,"last_name":${json(user.last_name)}`
  if (user.username !== undefined) out += `,"username":${json(user.username)}`
  return out
}

/** A User; a user the world does not know reads as a deleted account. */
export const userJson = (world: World, id: number): string => userFields(world, id) + "}"

/** The bot as getMe answers it: its User plus the bot-only fields (inline and guest mode as its settings say). */
export const botUserJson = (world: World, botId: number): string => {
  const settings = inlineSettings(world, botId)
  return userFields(world, botId) +
    `,"can_join_groups":true,"can_read_all_group_messages":false,"supports_inline_queries":${settings.inline},` +
    `"supports_guest_queries":${settings.guest},"can_connect_to_business":false,"has_main_web_app":false}`
}
