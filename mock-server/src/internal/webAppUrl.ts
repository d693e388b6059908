/**
 * A Web App URL as TDLib checks it (LinkManager::check_link, HTTP only; HTTPS only outside the test environment): the
 * normalized URL, or the error text
 * `URL '<link>' is invalid: <why>` that callers prefix (`Menu button Web App …`).
 */
import { parseUrl, urlText } from "./HttpUrl.js"

/** The URL TDLib keeps, or why it refuses it. */
export const checkWebAppUrl = (link: string, httpsOnly = true): string | { readonly error: string } => {
  let rest = link
  const special = /^(tg|ton|tonsite):/i.exec(rest)
  if (special !== null) {
    rest = rest.slice(special[0].length)
    if (rest.startsWith("//")) rest = rest.slice(2)
  }
  const url = parseUrl(rest)
  const invalid = (why: string) => ({ error: `URL '${link}' is invalid: ${why}` })
  if ("error" in url) return invalid(url.error)
  if (httpsOnly && (url.protocol !== "https" || special !== null)) return invalid("Only HTTPS links are allowed")
  if (special !== null) return invalid("Only HTTP links are allowed")
  if (!url.host.includes(".") && !url.isIpv6) return invalid("Wrong HTTP URL")
  return urlText(url)
}
