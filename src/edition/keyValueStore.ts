/**
 * The key-value store of the Effect 3 edition: `@effect/platform`'s `KeyValueStore`.
 *
 * @internal
 */
import * as KeyValueStore from "@effect/platform/KeyValueStore"
import type * as Effect from "effect/Effect"
import type * as Option from "effect/Option"

export { KeyValueStore }

/** The text stored under `key`, if any. */
export const readText = (
  store: KeyValueStore.KeyValueStore,
  key: string
): Effect.Effect<Option.Option<string>, { readonly message: string }> => store.get(key)
