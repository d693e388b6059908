/**
 * Removal of the bot token from any text that may reach an error, a log line or a span.
 *
 * @internal
 */

const REDACTED = "<redacted>"

/** Builds a function that replaces every occurrence of the token (and of its secret part, raw or URL-encoded). */
export const makeScrubber = (token: string): (text: string) => string => {
  const colon = token.indexOf(":")
  const secret = colon >= 0 ? token.slice(colon + 1) : token
  const needles = new Set<string>()
  for (const candidate of [token, secret]) {
    // A very short secret would make scrubbing remove ordinary words; the full token is still scrubbed.
    if (candidate.length < 6 && candidate !== token) continue
    if (candidate.length === 0) continue
    needles.add(candidate)
    needles.add(encodeURIComponent(candidate))
    needles.add(encodeURI(candidate))
  }
  // Longest first, so that the full token is replaced before its secret part.
  const ordered = [...needles].sort((a, b) => b.length - a.length)
  return (text) => {
    let out = text
    for (const needle of ordered) {
      if (out.includes(needle)) out = out.split(needle).join(REDACTED)
    }
    return out
  }
}

/** The message of an unknown thrown value, without its stack. */
export const messageOf = (u: unknown): string => {
  if (u instanceof Error) {
    const inner = u.cause instanceof Error ? `: ${u.cause.message}` : ""
    return `${u.message}${inner}`
  }
  if (typeof u === "string") return u
  try {
    return JSON.stringify(u) ?? String(u)
  } catch {
    return String(u)
  }
}
