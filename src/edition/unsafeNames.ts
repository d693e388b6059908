/**
 * The functions that throw instead of failing, under Effect 3's names (the `unsafe` prefix). The Effect 4 edition
 * names them with Effect 4's `Unsafe` suffix.
 *
 * @internal
 */
import type { ChatId, Input } from "../ChatId.js"
import { validate } from "../internal/chatIdValidation.js"
import * as Result from "./result.js"

/**
 * Like `ChatId.make` but throws; for literals known to be valid.
 *
 * @since 0.1.0
 */
export const unsafeMake = (input: Input): ChatId => Result.getOrThrow(validate(input))
