/**
 * Schema, as the Effect 4 edition builds it (`Schema.Literals([...])`, `Schema.StructWithRest`, `Schema.optionalKey`,
 * `Result` decodings). The Effect 3 edition's file of the same name builds the same shapes with Effect 3's Schema.
 *
 * @internal
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"

/** A schema whose type and encoded form are `A` (the objects of the Bot API). */
export type Codec<A> = Schema.Codec<A>

/** A schema that decodes a method's `result` without services (`_I`: the encoded type, as Effect 3 names it). */
export type ResultSchema<A, _I = any> = Schema.Decoder<A, never>

/** The index signature of every object: the fields not declared, kept as sent. */
export const UnknownRecord: Schema.$Record<Schema.String, Schema.Unknown> = Schema.Record(
  Schema.String,
  Schema.Unknown
)

/** An optional field: absent or of `schema`'s type (not `undefined`). */
export const optional = <S extends Schema.Top>(schema: S): Schema.optionalKey<S> => Schema.optionalKey(schema)

/** An object with the declared `fields` that keeps the others as sent. */
export const withRest = <const Fields extends Schema.Struct.Fields>(fields: Fields) =>
  Schema.StructWithRest(Schema.Struct(fields), [UnknownRecord])

/** One of the string `literals`. */
export const literals = <const L extends readonly [string, ...Array<string>]>(literals: L): Schema.Literals<L> =>
  Schema.Literals(literals)

/** One of the `members`. */
export const union = <const Members extends ReadonlyArray<Schema.Top>>(members: Members): Schema.Union<Members> =>
  Schema.Union(members)

/** A `Duration` kept as it is. */
export const DurationValue: Schema.Duration = Schema.Duration

/** A decoding: the value, or a description of what did not match. */
export type Decoded<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly problem: string }

/** The decoder of `schema` (built once per call site). */
export const decoderOf = <A, I>(schema: ResultSchema<A, I>): (input: unknown) => Decoded<A> => {
  const decode = Schema.decodeUnknownResult(schema)
  return (input) => {
    const result = decode(input)
    return Result.isSuccess(result)
      ? { ok: true, value: result.success }
      : { ok: false, problem: result.failure.message }
  }
}

/** A chat id as sent (a number or `@username`), checked by `problem` and branded `ChatId`. */
export const chatIdSchema = (
  problem: (input: number | `@${string}`) => string | undefined
): Schema.brand<
  Schema.Union<readonly [Schema.Number, Schema.TemplateLiteral<readonly ["@", Schema.String]>]>,
  "ChatId"
> =>
  Schema.Union([Schema.Number, Schema.TemplateLiteral(["@", Schema.String])]).pipe(
    Schema.check(Schema.makeFilter((u: number | `@${string}`) => problem(u) ?? true)),
    Schema.brand("ChatId")
  )
