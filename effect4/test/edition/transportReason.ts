/**
 * The reason of a `TransportError` as the Effect 4 edition keeps it: a tagged value (`error.reason._tag ===
 * "Timeout"`). The Effect 3 edition's file of the same name reads a string literal.
 */
import type { TransportError } from "../../src/BotApiError.js"

/** The name of the error's reason, read from the error as it is. */
export const reasonName = (error: TransportError): string => error.reason._tag

/** The reason named `name`, as the error keeps it. */
export const reasonOf = <const Name extends TransportError["reason"]["_tag"]>(name: Name): { readonly _tag: Name } => ({
  _tag: name
})
