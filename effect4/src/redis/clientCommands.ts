/**
 * The shared layers' {@link Commands} through Effect 4's `Redis` service (`effect/persistence/Redis`): the gate's Lua
 * rule as a `Redis.Script` (`SCRIPT LOAD` once, then `EVALSHA`), text values through a `KeyValueStore` over Redis
 * ({@link RedisKeyValueStore}).
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Redis from "effect/persistence/Redis"
import * as Keys from "../core/keys.js"
import type { Commands } from "./commands.js"
import type { RedisConnection } from "./RedisConnection.js"
import * as RedisKeyValueStore from "./RedisKeyValueStore.js"

/**
 * The gate's Lua rule as an Effect `Redis.Script`: close `key` for `ms` unless it is closed for longer; returns the
 * remaining ms.
 *
 * @since 0.2.0
 */
export const closeGateScript: Redis.Script<{ params: [key: string, ms: number]; result: number }> = Redis.script(
  (key: string, ms: number) => [key, ms],
  { lua: Keys.closeGateScript, numberOfKeys: 1 }
).withReturnType<number>()

/** The {@link Commands} of `connection`. */
export const commandsOf = (connection: RedisConnection.Service): Commands => {
  const { redis } = connection
  const closeGate = redis.eval(closeGateScript)
  // Whole keys: the store's prefix is empty.
  const store = RedisKeyValueStore.makeWith(redis, "")
  return {
    closeGate: (key, ms) => Effect.asVoid(closeGate(key, ms)),
    remainingMillis: (key) => redis.send<number>("PTTL", key),
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value)
  }
}
