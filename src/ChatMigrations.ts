/**
 * The registry of chat migrations (basic group → supergroup): once a call learns `old → new`, later calls for the
 * old id go straight to the new one. In memory by default; {@link layerKeyValueStore} persists it through a
 * `KeyValueStore` (@effect/platform's in Effect 3, `effect/persistence`'s in Effect 4: file system, browser storage,
 * …).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as ChatId from "./ChatId.js"
import { catchAll } from "./edition/combinators.js"
import { KeyValueStore, readText } from "./edition/keyValueStore.js"
import * as Result from "./edition/result.js"
import { Service } from "./edition/service.js"
import { type MovedTo, withSyncRead } from "./internal/syncReads.js"

/**
 * @since 0.1.0
 */
export class ChatMigrations
  extends Service<ChatMigrations, ChatMigrations.Service>()("effect-telegram-invite/ChatMigrations")
{}

/**
 * @since 0.1.0
 */
export declare namespace ChatMigrations {
  /**
   * Best effort: a store that fails is logged and treated as "no migration known", never as a call failure.
   *
   * @since 0.1.0
   */
  export interface Service {
    /** The id `from` migrated to, if known (one hop; see {@link resolve} for chains). */
    readonly get: (from: ChatId.ChatId) => Effect.Effect<Option.Option<ChatId.ChatId>>
    /** Records `from → to`. */
    readonly record: (from: ChatId.ChatId, to: ChatId.ChatId) => Effect.Effect<void>
  }
}

const optionOf = <A>(value: A | undefined): Option.Option<A> => value === undefined ? Option.none() : Option.some(value)

/**
 * An in-memory registry.
 *
 * @since 0.1.0
 */
export const makeMemory: Effect.Effect<ChatMigrations.Service> = Effect.sync(() => {
  const moves = new Map<string, ChatId.ChatId>()
  // Read synchronously by the policy's fast path (see `internal/syncReads.ts`).
  const movedTo: MovedTo<ChatId.ChatId> = (from) => moves.get(ChatId.toKey(from))
  return withSyncRead(
    ChatMigrations.of({
      get: (from) => Effect.sync(() => optionOf(movedTo(from))),
      record: (from, to) => Effect.sync(() => void moves.set(ChatId.toKey(from), to))
    }),
    movedTo
  )
})

/**
 * The in-memory registry as a layer.
 *
 * @since 0.1.0
 */
export const layerMemory: Layer.Layer<ChatMigrations> = Layer.effect(ChatMigrations, makeMemory)

/**
 * A registry over the `KeyValueStore` in context: key `<prefix><old id>`, value the new id as text.
 * The default prefix is `"telegram-chat-migration:"`.
 *
 * @since 0.1.0
 */
export const makeKeyValueStore = (
  options?: { readonly prefix?: string | undefined }
): Effect.Effect<ChatMigrations.Service, never, KeyValueStore.KeyValueStore> =>
  Effect.gen(function*() {
    const store = yield* KeyValueStore.KeyValueStore
    const prefix = options?.prefix ?? "telegram-chat-migration:"
    return ChatMigrations.of({
      get: (from) =>
        readText(store, prefix + ChatId.toKey(from)).pipe(
          Effect.map(Option.flatMap((text) => Result.getSuccess(ChatId.validate(text)))),
          catchAll((error) =>
            Effect.as(Effect.logWarning("ChatMigrations: could not read the store", error.message), Option.none())
          )
        ),
      record: (from, to) =>
        store.set(prefix + ChatId.toKey(from), String(to)).pipe(
          catchAll((error) => Effect.logWarning("ChatMigrations: could not write the store", error.message))
        )
    })
  })

/**
 * {@link makeKeyValueStore} as a layer.
 *
 * @since 0.1.0
 */
export const layerKeyValueStore = (
  options?: { readonly prefix?: string | undefined }
): Layer.Layer<ChatMigrations, never, KeyValueStore.KeyValueStore> =>
  Layer.effect(ChatMigrations, makeKeyValueStore(options))

/**
 * Follows recorded migrations from `chatId`, at most `maxHops` of them and stopping at a loop. Returns the ids
 * visited, `chatId` first and the id to use last.
 *
 * @since 0.1.0
 */
export const resolve = (
  chatId: ChatId.ChatId,
  maxHops: number
): Effect.Effect<ReadonlyArray<ChatId.ChatId>, never, ChatMigrations> =>
  Effect.gen(function*() {
    const registry = yield* ChatMigrations
    const path: Array<ChatId.ChatId> = [chatId]
    const seen = new Set([ChatId.toKey(chatId)])
    let current = chatId
    for (let hop = 0; hop < maxHops; hop++) {
      const next = yield* registry.get(current)
      if (Option.isNone(next) || seen.has(ChatId.toKey(next.value))) break
      seen.add(ChatId.toKey(next.value))
      path.push(next.value)
      current = next.value
    }
    return path
  })
