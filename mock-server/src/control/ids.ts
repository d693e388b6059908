/** Ids in control paths and queries: decimal safe integers, or a line naming the field. */
import { MockInputError } from "../MockInputError.js"

/** The id a path segment or query value holds; throws MockInputError naming `name` when it is not one. */
export const idParam = (name: string, raw: string | undefined | null): number => {
  const text = raw ?? ""
  const id = /^-?[0-9]{1,16}$/.test(text) ? Number(text) : NaN
  if (!Number.isSafeInteger(id) || id === 0) {
    throw new MockInputError([`${name}: expected an integer id, got ${JSON.stringify(text.slice(0, 40))}`])
  }
  return id
}
