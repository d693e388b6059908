/** A Bot API failure as every layer returns it: a code, a description, and the parameters the envelope carries. */

/** A Bot API failure: becomes `{"ok":false,"error_code":…,"description":…,"parameters":…}`. */
export interface ApiError {
  readonly _tag: "ApiError"
  readonly code: number
  readonly description: string
  readonly retryAfter?: number
  readonly migrateToChatId?: number
  /** A flood wait short enough for the server to absorb: the call runs this many ms later instead of failing. */
  readonly absorbMs?: number
}

/** A failure with this code and description, and no parameters. */
export const apiError = (code: number, description: string): ApiError => ({ _tag: "ApiError", code, description })

/** True for a refusal, false for a result. */
export const isApiError = (value: unknown): value is ApiError =>
  typeof value === "object" && value !== null && (value as ApiError)._tag === "ApiError"

/** 429 with `retry_after` (and so `Retry-After`). */
export const floodError = (retryAfter: number): ApiError => ({
  ...apiError(429, `Too Many Requests: retry after ${retryAfter}`),
  retryAfter
})
