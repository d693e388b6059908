/**
 * The key-value store as the Effect 3 edition's tests read it: `@effect/platform`'s `KeyValueStore`, whose `get`
 * answers an `Option`. The Effect 4 edition's file of the same name reads `effect/persistence`'s (`undefined` when
 * nothing is stored).
 */
import { KeyValueStore } from "@effect/platform"
import type { Effect, Option } from "effect"

export { KeyValueStore }

/** The text stored under `key`, as it is in the store (`None` when nothing is). */
export const storedText = (
  store: KeyValueStore.KeyValueStore,
  key: string
): Effect.Effect<Option.Option<string>, unknown> => store.get(key)
