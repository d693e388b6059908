/**
 * A mock's answers guarded against its own defects: a delayed or later answer is built outside `handle`'s try, so
 * its `then` gets the same guard; and the one-line report of a defect (never a token).
 */
import type { WireResponse } from "../Wire.js"
import { withoutTokens } from "./text.js"

/** Wraps the deferred parts of a response so a defect in them goes to `onDefect` (which answers or rethrows). */
export const guardResponse = (response: WireResponse, onDefect: (error: unknown) => WireResponse): WireResponse => {
  if (response._tag !== "Delay" && response._tag !== "Wait") return response
  const then = response.then
  const guarded = (): WireResponse => {
    try {
      return guardResponse(then(), onDefect)
    } catch (error) {
      return onDefect(error)
    }
  }
  return response._tag === "Delay" ? { ...response, then: guarded } : { ...response, then: guarded }
}

/** The first line of an error, without tokens, at most 200 characters; never throws. */
export const errorLine = (error: unknown): string => {
  let text: string
  try {
    text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  } catch {
    text = "unprintable error"
  }
  return withoutTokens(text.split("\n")[0] ?? "").slice(0, 200)
}
