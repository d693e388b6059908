/**
 * Why a call produced no Bot API answer, as the Effect 4 edition models it: a tagged value on `TransportError`
 * (`error.reason._tag === "Timeout"`), so that `Effect.catchReason("TransportError", "Timeout", …)` picks one reason.
 * The Effect 3 edition keeps a string literal.
 *
 * @internal
 */
import * as Schema from "effect/Schema"
import * as Answer from "../core/answer.js"

const reasons = {
  Network: Schema.TaggedStruct("Network", {}),
  Timeout: Schema.TaggedStruct("Timeout", {}),
  Encode: Schema.TaggedStruct("Encode", {}),
  NotJson: Schema.TaggedStruct("NotJson", {}),
  NotEnvelope: Schema.TaggedStruct("NotEnvelope", {}),
  UnexpectedResult: Schema.TaggedStruct("UnexpectedResult", {})
} as const satisfies Record<Answer.TransportReason, unknown>

/** The schema of the `reason` field: one tagged value per reason. */
export const ReasonSchema = Schema.Union([
  reasons.Network,
  reasons.Timeout,
  reasons.Encode,
  reasons.NotJson,
  reasons.NotEnvelope,
  reasons.UnexpectedResult
])

/** A reason as it is kept on the error. */
export type Reason = typeof ReasonSchema.Type

const made = Object.fromEntries(
  Answer.transportReasons.map((name) => [name, Object.freeze({ _tag: name })])
) as unknown as { readonly [K in Answer.TransportReason]: Extract<Reason, { readonly _tag: K }> }

/** The reason for `name` (one frozen value per reason). */
export const reason = <K extends Answer.TransportReason>(name: K): Extract<Reason, { readonly _tag: K }> => made[name]

/** The name of a reason. */
export const nameOf = (reason: Reason): Answer.TransportReason => reason._tag
