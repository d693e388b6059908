/**
 * The reason of a `TransportError` as the Effect 3 edition keeps it: a string literal (`error.reason === "Timeout"`).
 * The Effect 4 edition's file of the same name reads Effect 4's tagged reason (`error.reason._tag`).
 */
import type { TransportError } from "../../src/BotApiError.js"

/** The name of the error's reason, read from the error as it is. */
export const reasonName = (error: TransportError): string => error.reason

/** The reason named `name`, as the error keeps it. */
export const reasonOf = <const Name extends TransportError["reason"]>(name: Name): Name => name
