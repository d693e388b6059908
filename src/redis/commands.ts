/**
 * The Redis commands the shared layers send (the flood gate, the migration registry), as Effects that fail with what
 * the client threw: each edition's `clientCommands.ts` sends them through its own client library.
 *
 * @internal
 */
import type * as Effect from "effect/Effect"

/** The commands of one connection. */
export interface Commands {
  /** Runs the gate's Lua rule (`Keys.closeGateScript`): closes `key` for `ms` unless it is closed for longer. */
  readonly closeGate: (key: string, ms: number) => Effect.Effect<void, unknown>
  /** `PTTL key`: the ms left before `key` expires (negative: no key, or no expiry). */
  readonly remainingMillis: (key: string) => Effect.Effect<number, unknown>
  /** `GET key`, as text (`undefined`: no such key). */
  readonly get: (key: string) => Effect.Effect<string | undefined, unknown>
  /** `SET key value`, without expiry. */
  readonly set: (key: string, value: string) => Effect.Effect<void, unknown>
}
