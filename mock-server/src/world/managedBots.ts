/** Managed bots: the tokens the mock makes for them (`<bot id>:<35 base64url characters>`, as BotFather's look). */
import { nodeCrypto } from "../internal/lazyBuiltin.js"

/** A new token for a bot. */
export const newBotToken = (botId: number): string =>
  `${botId}:${nodeCrypto().randomBytes(27).toString("base64url").slice(0, 35)}`
