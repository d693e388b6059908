/** What every panel shares: the status line, running an action with its outcome told, and asking for a refresh. */
import { Refused } from "./client.js"
import { byId } from "./dom.js"

let refresh: () => void = () => {}

/** Sets what `refreshSoon` runs (the page's world refresh). */
export const onRefresh = (callback: () => void): void => {
  refresh = callback
}

/** Reads the world again (soon; several asks make one read). */
export const refreshSoon = (): void => refresh()

/** Tells the person at the keyboard (a polite live region: screen readers read it too). */
export const say = (text: string, kind: "ok" | "error" = "ok"): void => {
  const status = byId("status")
  status.textContent = text
  status.className = kind
}

/**
 * Runs an action of the person at the keyboard: `done` (with its result) says what happened, a refusal is shown as
 * the server worded it; the world is read again either way.
 */
export const act = async <A>(run: () => Promise<A>, done: (result: A) => string): Promise<A | undefined> => {
  try {
    const result = await run()
    say(done(result))
    return result
  } catch (error) {
    say(error instanceof Refused ? `${error.status}: ${error.description}` : String(error), "error")
    return undefined
  } finally {
    refreshSoon()
  }
}

/** A string of a form field, trimmed; undefined when empty. */
export const text = (input: HTMLInputElement | HTMLSelectElement): string | undefined => {
  const value = input.value.trim()
  return value === "" ? undefined : value
}

/** An integer of a form field; undefined when empty or not an integer. */
export const integer = (input: HTMLInputElement | HTMLSelectElement): number | undefined => {
  const value = text(input)
  if (value === undefined || !/^-?\d+$/.test(value)) return undefined
  return Number(value)
}
