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
  /** Set for `/bot<token>/test/<method>`. */
  readonly testEnvironment?: boolean
  /** Set when the call runs after an absorbed flood wait: its slot is already taken. */
  readonly floodReserved?: boolean
}

/** A Bot API method: the checks of the real server in its order, then the change to the world. */
export type MethodHandler = (call: Call) => Outcome

/** A family of methods (one file), keyed by their names as the Bot API spells them (`exportChatInviteLink`). */
export type MethodFamily = Readonly<Record<string, MethodHandler>>

/**
 * Counts the call against the flood limits: undefined when it may go; else the 429, or (a short wait, absorbed as
 * Telegram does) an error carrying `absorbMs` that the router turns into a late answer. A refused call is not counted.
 */
export const floodRefusal = (call: Call, chat: ChatRecord | undefined): ApiError | undefined => {
  if (call.floodReserved === true) return undefined
  const world = call.world
  const verdict = world.flood.check(call.botId, call.method, chat?.id, world.waits < world.caps.waits)
  if (verdict === undefined) return undefined
  if ("retryAfter" in verdict) return floodError(verdict.retryAfter)
  return { ...floodError(Math.max(1, Math.ceil(verdict.absorbMs / 1000))), absorbMs: verdict.absorbMs }
}
