/**
 * Effect's `KeyValueStore` (`effect/persistence/KeyValueStore`) over a Redis connection: string values under a key
 * prefix, for anything that persists through a `KeyValueStore` (e.g. `ChatMigrations.layerKeyValueStore()`).
 * Failures are `KeyValueStoreError`s; {@link RedisChatMigrations} builds its fallback on top.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as KeyValueStore from "effect/persistence/KeyValueStore"
import type * as Redis from "effect/persistence/Redis"
import { RedisConnection } from "./RedisConnection.js"

/**
 * A store over `redis` whose keys are `prefix` + key.
 *
 * @since 0.2.0
 */
export const makeWith = (redis: Redis.Redis["Service"], prefix: string): KeyValueStore.KeyValueStore => {
  const failed = (method: string, key?: string) => (error: Redis.RedisError) =>
    new KeyValueStoreError(method, key, error)
  const scanKeys: Effect.Effect<ReadonlyArray<string>, KeyValueStore.KeyValueStoreError> = Effect.gen(function*() {
    const keys: Array<string> = []
    let cursor = "0"
    do {
      const [next, batch] = yield* redis.send<[string, Array<string>]>(
        "SCAN",
        cursor,
        "MATCH",
        `${escapeGlob(prefix)}*`,
        "COUNT",
        "500"
      )
      cursor = next
      for (const key of batch) keys.push(key.slice(prefix.length))
    } while (cursor !== "0")
    return keys
  }).pipe(Effect.mapError(failed("keys")))
  return KeyValueStore.makeStringOnly({
    get: (key) =>
      redis.send<string | null>("GET", prefix + key).pipe(
        Effect.map((value) => value ?? undefined),
        Effect.mapError(failed("get", key))
      ),
    set: (key, value) =>
      Effect.asVoid(redis.send("SET", prefix + key, value)).pipe(Effect.mapError(failed("set", key))),
    remove: (key) => Effect.asVoid(redis.send("DEL", prefix + key)).pipe(Effect.mapError(failed("remove", key))),
    keys: scanKeys,
    size: Effect.map(scanKeys, (keys) => keys.length),
    clear: Effect.flatMap(
      scanKeys,
      (keys) =>
        keys.length === 0
          ? Effect.void
          : Effect.asVoid(redis.send("DEL", ...keys.map((key) => prefix + key))).pipe(Effect.mapError(failed("clear")))
    )
  })
}

const escapeGlob = (text: string): string => text.replace(/[*?[\]\\]/g, (c) => `\\${c}`)

const KeyValueStoreError = class extends KeyValueStore.KeyValueStoreError {
  constructor(method: string, key: string | undefined, error: Redis.RedisError) {
    super({
      method,
      ...(key === undefined ? {} : { key }),
      message: `Redis ${method} failed`,
      cause: error.cause
    })
  }
}

/**
 * A store under `tg:<botId>:<prefix>` over the {@link RedisConnection} in context.
 *
 * @since 0.2.0
 */
export const layer = (
  options?: { readonly prefix?: string | undefined }
): Layer.Layer<KeyValueStore.KeyValueStore, never, RedisConnection> =>
  Layer.effect(
    KeyValueStore.KeyValueStore,
    RedisConnection.useSync((connection) => makeWith(connection.redis, connection.prefix + (options?.prefix ?? "kv:")))
  )
