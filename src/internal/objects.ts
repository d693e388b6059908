/**
 * Helpers of the Bot API object schemas: each declares the fields a bot reads (an optional field is absent, never
 * `undefined`) and keeps every other field Telegram sends, as it came, under an index signature.
 *
 * @internal
 */
import * as Schema from "effect/Schema"

/** The index signature of every object: the fields not declared, kept as sent. */
export const Rest: Schema.Record$<typeof Schema.String, typeof Schema.Unknown> = Schema.Record({
  key: Schema.String,
  value: Schema.Unknown
})

/** An optional field: absent or of `schema`'s type (not `undefined`). */
export const optional = <S extends Schema.Schema.All>(
  schema: S
): Schema.optionalWith<S, { exact: true }> => Schema.optionalWith(schema, { exact: true })
