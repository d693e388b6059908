/**
 * Schema, as the Effect 3 edition builds it (`Schema.Literal(...)`, `Schema.Struct(fields, record)`,
 * `Schema.optionalWith`, `Either` results). The Effect 4 edition's file of the same name builds the same shapes with
 * Effect 4's Schema; the shell calls only these names.
 *
 * @internal
 */
import type * as Brand from "effect/Brand"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

/** A schema whose type and encoded form are `A` (the objects of the Bot API). */
export type Codec<A> = Schema.Schema<A>

/** A schema that decodes a method's `result` without services. */
export type ResultSchema<A, I = any> = Schema.Schema<A, I, never>

/** The index signature of every object: the fields not declared, kept as sent. */
export const UnknownRecord: Schema.Record$<typeof Schema.String, typeof Schema.Unknown> = Schema.Record({
  key: Schema.String,
  value: Schema.Unknown
})

/** An optional field that is absent or present, never `undefined`. */
export const optional = <S extends Schema.Schema.All>(
  schema: S
): Schema.optionalWith<S, { exact: true }> => Schema.optionalWith(schema, { exact: true })

/** An object with the declared `fields` that keeps the others as sent. */
export const withRest = <const Fields extends Schema.Struct.Fields>(fields: Fields) =>
  Schema.Struct(fields, UnknownRecord)

/** One of the string `literals`. */
export const literals = <const L extends readonly [string, ...Array<string>]>(literals: L): Schema.Literal<[...L]> =>
  Schema.Literal(...literals)

/** One of the `members`. */
export const union = <const Members extends readonly [Schema.Schema.All, ...Array<Schema.Schema.All>]>(
  members: Members
): Schema.Union<[...Members]> => Schema.Union(...members) as unknown as Schema.Union<[...Members]>

/** A `Duration` kept as it is. */
export const DurationValue: typeof Schema.DurationFromSelf = Schema.DurationFromSelf

/** A decoding: the value, or a description of what did not match. */
export type Decoded<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly problem: string }

/** The decoder of `schema` (built once per call site). */
export const decoderOf = <A, I>(schema: ResultSchema<A, I>): (input: unknown) => Decoded<A> => {
  const decode = Schema.decodeUnknownEither(schema)
  return (input) => {
    const result = decode(input)
    return Either.isRight(result)
      ? { ok: true, value: result.right }
      : { ok: false, problem: ParseResult.TreeFormatter.formatErrorSync(result.left) }
  }
}

/** A chat id as sent (a number or `@username`), checked by `problem` and branded `ChatId`. */
export const chatIdSchema = (
  problem: (input: number | `@${string}`) => string | undefined
): Schema.Schema<(number | `@${string}`) & Brand.Brand<"ChatId">, number | `@${string}`> =>
  Schema.Union(Schema.Number, Schema.TemplateLiteral("@", Schema.String)).pipe(
    Schema.filter((u) => problem(u) ?? true),
    Schema.brand("ChatId")
  )
