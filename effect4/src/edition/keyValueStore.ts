/**
 * The key-value store of the Effect 4 edition: `effect/persistence`'s `KeyValueStore` (its `get` answers
 * `undefined` for a missing key).
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as KeyValueStore from "effect/persistence/KeyValueStore"

export { KeyValueStore }

/** The text stored under `key`, if any. */
export const readText = (
  store: KeyValueStore.KeyValueStore,
  key: string
): Effect.Effect<Option.Option<string>, { readonly message: string }> =>
  Effect.map(store.get(key), (text) => text === undefined ? Option.none() : Option.some(text))
