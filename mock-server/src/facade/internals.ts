/**
 * What the facade's method groups (facade/*.ts) reach of a MockTelegram: its live world and its action recorder,
 * behind a symbol the package does not export, so users see only the methods.
 */
import type { MockActionEvent } from "../MockEvents.js"
import type { World } from "../world/World.js"

/** The key of a mock's internals (not exported from the package). */
export const INTERNALS: unique symbol = Symbol("telegram-bot-api-mock/internals")

/** A mock's internals, for its method groups. */
export interface FacadeInternals {
  /** The live world (replaced by a reset or a new world: read it at each call). */
  readonly world: () => World
  /** Runs an action on the world, telling the watchers of it before what it caused. */
  readonly acted: <A>(run: () => A, describe: (result: A) => Omit<MockActionEvent, "kind" | "at" | "seq">) => A
  /** Tells the watchers of an action that changes nothing of the world's people (a dice queued), and keeps it. */
  readonly told: (action: string, fields?: Omit<MockActionEvent, "kind" | "at" | "action" | "seq">) => void
}

/** Anything with internals (a MockTelegram). */
export interface HasInternals {
  readonly [INTERNALS]: FacadeInternals
}

/** The value, or a MockInputError with the problems. */
export { orThrow } from "../MockOptions.js"
