/**
 * The shared layers' {@link Commands} through ioredis, the Effect 3 edition's client: its promises as Effects, and the
 * Lua rules as the commands `internal.ts` defines on the client.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import type { Commands } from "./commands.js"
import type { ScriptedRedis } from "./internal.js"
import type { RedisConnection } from "./RedisConnection.js"

/** A command of ioredis as an Effect that fails with what it threw (a timeout, a refused write, …). */
export const send = <A>(command: () => Promise<A>): Effect.Effect<A, unknown> =>
  Effect.tryPromise({ try: command, catch: (error) => error })

/** The connection's client, with the scripts `internal.ts` defined on it when it was opened. */
export const scriptedClient = (connection: RedisConnection.Service): ScriptedRedis => connection.client as ScriptedRedis

/** The {@link Commands} of `connection`. */
export const commandsOf = (connection: RedisConnection.Service): Commands => {
  const client = scriptedClient(connection)
  return {
    closeGate: (key, ms) => Effect.asVoid(send(() => client.tgCloseGate(key, ms))),
    remainingMillis: (key) => send(() => client.pttl(key)),
    get: (key) => Effect.map(send(() => client.get(key)), (text) => text ?? undefined),
    set: (key, value) => Effect.asVoid(send(() => client.set(key, value)))
  }
}
