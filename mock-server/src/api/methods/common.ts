/** What every Bot API method handler is given and returns, and the flood check they all make. */
import type { Params } from "../../internal/Params.js"
import type { ChatRecord, World } from "../../world/World.js"
import { type ApiError, floodError, type Outcome } from "../envelope.js"

/** One call of a method, after the token was accepted. */
export interface Call {
  readonly world: World
  /** The calling bot's user id. */
  readonly botId: number
  /** The method, lower-cased. */
  readonly method: string
  readonly params: Params
}

/** A Bot API method: the checks of the real server in its order, then the change to the world. */
export type MethodHandler = (call: Call) => Outcome

/** A family of methods (one file), keyed by their names as the Bot API spells them (`exportChatInviteLink`). */
export type MethodFamily = Readonly<Record<string, MethodHandler>>

/** Counts the call against the flood limits: the 429 when over, else undefined (a refused call is not counted). */
export const floodRefusal = (call: Call, chat: ChatRecord | undefined): ApiError | undefined => {
  const retryAfter = call.world.flood.check(call.botId, call.method, chat?.id)
  return retryAfter === undefined ? undefined : floodError(retryAfter)
}
