/**
 * A {@link ChatMigrations} registry shared by every process of a bot through Redis: a migration learned by one
 * process (`old → new`) is used by all, and survives their restarts (as long as Redis keeps its data).
 *
 * One key per migrated chat, `tg:<botId>:migration:<old id>` (the same in both editions), holding the new id as text,
 * without expiry (a basic group's upgrade is permanent). Each process also keeps what it learned in memory: when
 * Redis fails or is slow, the registry goes on with that alone and logs one warning per outage, and an entry learned
 * during an outage is written to Redis the next time it is read there.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as ChatId from "../ChatId.js"
import * as ChatMigrations from "../ChatMigrations.js"
import { migrationKey } from "../core/keys.js"
import { getSuccess } from "../edition/result.js"
import { commandsOf } from "./clientCommands.js"
import { orFallback } from "./health.js"
import { RedisConnection } from "./RedisConnection.js"

/**
 * The Redis key of a chat's migration, under the connection's bot prefix.
 *
 * @since 0.1.0
 */
export const keyOf: (prefix: string, from: ChatId.ChatId) => string = migrationKey

/**
 * Builds the registry over the connection in context.
 *
 * @since 0.1.0
 */
export const make: Effect.Effect<ChatMigrations.ChatMigrations.Service, never, RedisConnection> = Effect.gen(
  function*() {
    const connection = yield* RedisConnection
    const commands = commandsOf(connection)
    const local = yield* ChatMigrations.makeMemory
    const unavailable = Symbol("unavailable")

    const write = (from: ChatId.ChatId, to: ChatId.ChatId): Effect.Effect<void> =>
      orFallback(
        connection,
        "record a chat migration",
        commands.set(keyOf(connection.prefix, from), String(to)),
        Effect.void
      )

    return ChatMigrations.ChatMigrations.of({
      get: (from) =>
        Effect.gen(function*() {
          const stored = yield* orFallback<string | undefined | typeof unavailable, unknown>(
            connection,
            "read the chat migrations",
            commands.get(keyOf(connection.prefix, from)),
            Effect.succeed(unavailable)
          )
          const mine = yield* local.get(from)
          if (typeof stored === "string") {
            const decoded = getSuccess(ChatId.validate(stored))
            if (Option.isSome(decoded)) return decoded
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
 * @since 0.1.0
 */
export const layer: Layer.Layer<ChatMigrations.ChatMigrations, never, RedisConnection> = Layer.effect(
  ChatMigrations.ChatMigrations,
  make
)
