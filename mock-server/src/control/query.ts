/** The query parameters of the control API's long polls: `after` (a number to read past) and `wait` (seconds). */
import { MockInputError } from "../MockInputError.js"

/** The longest a control long poll may wait, in seconds (the same bound as getUpdates' timeout, and some). */
export const MAX_WAIT_SECONDS = 60

/** `wait`: 0 to 60 seconds on the mock's clock (fractions allowed); 0 when absent. */
export const waitSeconds = (query: URLSearchParams): number => {
  const text = query.get("wait")
  if (text === null || text === "") return 0
  const seconds = /^[0-9]+(\.[0-9]+)?$/.test(text) ? Number(text) : NaN
  if (!(seconds >= 0 && seconds <= MAX_WAIT_SECONDS)) {
    throw new MockInputError([
      `wait: expected seconds from 0 to ${MAX_WAIT_SECONDS}, got ${JSON.stringify(text.slice(0, 40))}`
    ])
  }
  return seconds
}

/** `after`: a non-negative integer (a message id, an event's seq); 0 when absent. */
export const afterParam = (query: URLSearchParams): number => {
  const text = query.get("after")
  if (text === null || text === "") return 0
  const after = /^[0-9]{1,16}$/.test(text) ? Number(text) : NaN
  if (!Number.isSafeInteger(after)) {
    throw new MockInputError([`after: expected a non-negative integer, got ${JSON.stringify(text.slice(0, 40))}`])
  }
  return after
}

/** A list, or undefined while it is empty (what a long poll waits on). */
export const nonEmpty = <A>(items: Array<A>): Array<A> | undefined => (items.length > 0 ? items : undefined)
