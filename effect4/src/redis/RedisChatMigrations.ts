/**
 * A {@link ChatMigrations} registry shared by every process of a bot through Redis: a migration learned by one
 * process (`old → new`) is used by all, and survives their restarts (as long as Redis keeps its data).
 *
 * One key per migrated chat, `tg:<botId>:migration:<old id>` (the Effect 3 edition's), holding the new id as text,
 * without expiry (a basic group's upgrade is permanent), read and written through a `KeyValueStore` over Redis
 * ({@link RedisKeyValueStore}). Each process also keeps what it learned in memory: when Redis fails or is slow, the
 * registry goes on with that alone and logs one warning per outage, and an entry learned during an outage is written
 * to Redis the next time it is read there.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Result from "effect/Result"
import * as ChatId from "../ChatId.js"
import * as ChatMigrations from "../ChatMigrations.js"
import * as Keys from "../core/keys.js"
import { orFallback } from "./internal.js"
import { RedisConnection } from "./RedisConnection.js"
import * as RedisKeyValueStore from "./RedisKeyValueStore.js"

/**
 * The Redis key of a chat's migration, under the connection's bot prefix.
 *
 * @since 0.2.0
 */
export const keyOf: (prefix: string, from: ChatId.ChatId) => string = Keys.migrationKey

/**
 * Builds the registry over the connection in context.
 *
 * @since 0.2.0
 */
export const make: Effect.Effect<ChatMigrations.ChatMigrations.Service, never, RedisConnection> = Effect.gen(
  function*() {
    const connection = yield* RedisConnection
    // Keys `<prefix>migration:<old id>`: the store's prefix plus the chat's key.
    const store = RedisKeyValueStore.makeWith(connection.redis, Keys.migrationKeyPrefix(connection.prefix))
    const local = yield* ChatMigrations.makeMemory
    const unavailable = Symbol("unavailable")

    const write = (from: ChatId.ChatId, to: ChatId.ChatId): Effect.Effect<void> =>
      orFallback(connection, "record a chat migration", store.set(ChatId.toKey(from), String(to)), Effect.void)

    return ChatMigrations.ChatMigrations.of({
      get: (from) =>
        Effect.gen(function*() {
          const stored = yield* orFallback<string | undefined | typeof unavailable, unknown>(
            connection,
            "read the chat migrations",
            store.get(ChatId.toKey(from)),
            Effect.succeed(unavailable)
          )
          const mine = yield* local.get(from)
          if (typeof stored === "string") {
            const decoded = ChatId.validate(stored)
            if (Result.isSuccess(decoded)) return Option.some(decoded.success)
            yield* Effect.logWarning(`ChatMigrations: ignoring an unreadable entry for chat ${ChatId.toKey(from)}`)
            return mine
          }
          // Learned here while Redis was away: share it now that Redis answers.
          if (stored === undefined && Option.isSome(mine)) yield* write(from, mine.value)
          return mine
        }),
      record: (from, to) => Effect.andThen(local.record(from, to), write(from, to))
    })
  }
)

/**
 * The registry as a layer over a {@link RedisConnection}.
 *
 * @since 0.2.0
 */
export const layer: Layer.Layer<ChatMigrations.ChatMigrations, never, RedisConnection> = Layer.effect(
  ChatMigrations.ChatMigrations,
  make
)
