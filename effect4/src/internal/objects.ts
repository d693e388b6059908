/**
 * Helpers of the Bot API object schemas: each declares the fields a bot reads (an optional field is absent, never
 * `undefined`) and keeps every other field Telegram sends, as it came, under an index signature.
 *
 * @internal
 */
import * as Schema from "effect/Schema"

/** An optional field: absent or of `schema`'s type (not `undefined`). */
export const optional = <S extends Schema.Top>(schema: S): Schema.optionalKey<S> => Schema.optionalKey(schema)

/** An object with the declared `fields` that keeps the others as sent. */
export const withRest = <const Fields extends Schema.Struct.Fields>(fields: Fields) =>
  Schema.StructWithRest(Schema.Struct(fields), [Schema.Record(Schema.String, Schema.Unknown)])
