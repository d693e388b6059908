/**
 * Names shared by both editions, so that they interoperate (an Effect 3 process and an Effect 4 process of the same bot
 * share one Redis): the flood gate's scope of a chat, the bot id of a token, the key prefix of a bot, the Redis key of
 * each shared thing, and the Lua rule of the shared gate (a later deadline wins).
 */
import { chatIdKey, type ChatIdValue } from "./chatId.js"

/** What a flood-gate scope is: one chat (the default), or the whole bot. */
export type ScopeKind = "chat" | "bot"

/** The scope key of a chat: `chat:<key>`, or `bot` for the whole bot. */
export const scopeKey = (kind: ScopeKind, chatId: ChatIdValue): string =>
  kind === "bot" ? "bot" : `chat:${chatIdKey(chatId)}`

/**
 * The bot id of a token: the part before `:` (a bot's public numeric id). The secret after it never reaches a key.
 * Returns `undefined` for anything that does not look like a token.
 */
export const botIdOf = (token: string): string | undefined => {
  const match = /^(\d+):./.exec(token)
  return match === null ? undefined : match[1]
}

/** The key prefix of a bot, `tg:<botId>:`. */
export const keyPrefixOf = (botId: string): string => `tg:${botId}:`

/** The Redis key of a flood-gate scope: `tg:<botId>:gate:<scope>`. */
export const gateKey = (prefix: string, scope: string): string => `${prefix}gate:${scope}`

/** The prefix of the migration registry's keys: `tg:<botId>:migration:`. */
export const migrationKeyPrefix = (prefix: string): string => `${prefix}migration:`

/** The Redis key of a chat's migration: `tg:<botId>:migration:<old id>`. */
export const migrationKey = (prefix: string, from: ChatIdValue): string => migrationKeyPrefix(prefix) + chatIdKey(from)

/** The prefix of the rate limiter's keys: `tg:<botId>:rate:` (then `bot`, or `chat:<id>`). */
export const rateKeyPrefix = (prefix: string): string => `${prefix}rate:`

/** The rate-limit key of a chat, under {@link rateKeyPrefix}. */
export const rateChatKey = (chatId: ChatIdValue): string => `chat:${chatIdKey(chatId)}`

/** Describes where a Redis URL points (host, port, db) without its credentials, for log lines. */
export const describeRedisUrl = (url: string): string => {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`
  } catch {
    return "<unparseable REDIS_URL>"
  }
}

/**
 * Closes `KEYS[1]` (a flood gate) for `ARGV[1]` ms unless it is already closed for longer: the deadline is a key
 * expiry, so it is measured by Redis's own clock, cleans itself up, and a later (longer) deadline wins.
 * Returns the remaining ms of the gate after the call.
 */
export const closeGateScript = `
local ms = tonumber(ARGV[1])
local pttl = redis.call("PTTL", KEYS[1])
if pttl < ms then
  redis.call("SET", KEYS[1], "1", "PX", ms)
  return ms
end
return pttl
`
