/**
 * How a TDLib or Telegram text reaches the wire (telegram-wire-chats.md §15): a text that already starts with
 * `Bad Request` passes as it is; otherwise `Bad Request: ` and the text with its first letter lower-cased, unless the
 * second character is `_` or upper-case (so Telegram's codes, `STICKERSET_INVALID`, stay as they are). And the user
 * look-up of check_user.
 */
import { type ApiError, apiError } from "../internal/apiError.js"
import type { World } from "../world/World.js"

/** A 400 with the server's rewriting of `text`. */
export const tdlibError = (text: string): ApiError => {
  if (text.startsWith("Bad Request")) return apiError(400, text)
  const keep = text.length >= 2 && /[A-Z_]/.test(text[1]!)
  return apiError(400, `Bad Request: ${keep ? text : text[0]!.toLowerCase() + text.slice(1)}`)
}

/** check_user: a user the world does not know → `user not found` (with the default-message rule). */
export const userRefusal = (world: World, userId: number): ApiError | undefined =>
  world.users.has(userId) ? undefined : apiError(400, "Bad Request: user not found")
