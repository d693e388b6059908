/**
 * The key-value store as the Effect 4 edition's tests read it: `effect/persistence`'s `KeyValueStore`, whose `get`
 * answers `undefined` when nothing is stored. The Effect 3 edition's file of the same name reads `@effect/platform`'s
 * (an `Option`).
 */
import { Effect, Option } from "effect"
import { KeyValueStore } from "effect/persistence"

export { KeyValueStore }

/** The text stored under `key`, as it is in the store (`None` when nothing is). */
export const storedText = (
  store: KeyValueStore.KeyValueStore,
  key: string
): Effect.Effect<Option.Option<string>, unknown> => Effect.map(store.get(key), Option.fromUndefinedOr)
