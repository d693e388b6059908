/**
 * Why a call produced no Bot API answer, as the Effect 3 edition models it: a string literal on `TransportError`
 * (`error.reason === "Timeout"`). The Effect 4 edition models each reason as a tagged value.
 *
 * @internal
 */
import * as Schema from "effect/Schema"
import * as Answer from "../core/answer.js"

/** A reason as it is kept on the error. */
export type Reason = Answer.TransportReason

/** The schema of the `reason` field. */
export const ReasonSchema: Schema.Literal<[...typeof Answer.transportReasons]> = Schema.Literal(
  ...Answer.transportReasons
)

/** The reason for `name`. */
export const reason = (name: Answer.TransportReason): Reason => name

/** The name of a reason. */
export const nameOf = (reason: Reason): Answer.TransportReason => reason
