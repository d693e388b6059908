/**
 * URLs as TDLib parses and checks them (tdutils HttpUrl.cpp parse_url, LinkManager check_link): what setWebhook
 * accepts, what an inline keyboard's URL button or a text link becomes, and the errors with their exact texts.
 */

/** A parsed URL. */
export interface HttpUrl {
  readonly protocol: "http" | "https"
  readonly userinfo: string
  /** Lower-cased; an IPv6 host keeps its brackets. */
  readonly host: string
  readonly isIpv6: boolean
  /** 0 when the URL names no port. */
  readonly specifiedPort: number
  readonly port: number
  /** Path and query, starting with `/`. */
  readonly query: string
}

const URL_PART = /^(?:[A-Za-z0-9.\-_!$,~*'();&+=]|%[0-9A-Fa-f]{2}|[^\x00-\x7f])*$/
const URL_PART_COLON = /^(?:[A-Za-z0-9.\-_!$,~*'();&+=:]|%[0-9A-Fa-f]{2}|[^\x00-\x7f])*$/

const checkPart = (part: string, name: string, colon: boolean): string | undefined => {
  if ((colon ? URL_PART_COLON : URL_PART).test(part)) return undefined
  const bad = /%(?![0-9A-Fa-f]{2})/.test(part)
  return bad ? `Wrong percent-encoded symbol in URL ${name}` : `Disallowed character in URL ${name}`
}

const readTill = (s: string, from: number, stops: string): number => {
  let i = from
  while (i < s.length && !stops.includes(s[i]!)) i++
  return i
}

/** TDLib's parse_url: the URL, or the reason it is not one. */
export const parseUrl = (url: string, defaultProtocol: "http" | "https" = "http"): HttpUrl | { error: string } => {
  let pos = readTill(url, 0, ":/?#@[]")
  let protocol = defaultProtocol
  if (url.startsWith("://", pos)) {
    const name = url.slice(0, pos).toLowerCase()
    if (name !== "http" && name !== "https") return { error: "Unsupported URL protocol" }
    protocol = name
    pos += 3
  } else {
    pos = 0
  }
  const end = readTill(url, pos, "/?#")
  const userinfoHostPort = url.slice(pos, end)
  let port = 0
  let colon = userinfoHostPort.length - 1
  while (colon > 0 && !":]@".includes(userinfoHostPort[colon]!)) colon--
  let userinfoHost = userinfoHostPort
  if (colon > 0 && userinfoHostPort[colon] === ":") {
    const digits = userinfoHostPort.slice(colon + 1).replace(/^0+(?=.)/, "")
    const n = /^[0-9]{1,10}$/.test(digits) ? Number(digits) : NaN
    port = Number.isNaN(n) || n === 0 || n > 2 ** 31 - 1 ? -1 : n
    userinfoHost = userinfoHostPort.slice(0, colon)
  }
  if (port < 0 || port > 65535) return { error: "Wrong port number specified in the URL" }
  const at = userinfoHost.lastIndexOf("@")
  const userinfo = at === -1 ? "" : userinfoHost.slice(0, at)
  const rawHost = userinfoHost.slice(at + 1)
  const isIpv6 = rawHost.startsWith("[") && rawHost.endsWith("]") && rawHost.length > 1
  if (isIpv6 && !/^\[[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\]$/.test(rawHost)) {
    return { error: "Wrong IPv6 address specified in the URL" }
  }
  if (rawHost === "") return { error: "URL host is empty" }
  if (rawHost === ".") return { error: "Host is invalid" }
  let query = url.slice(end).replace(/\s+$/, "")
  if (query === "") query = "/"
  if (!query.startsWith("/")) query = `/${query}`
  query = query.replace(/[\x00-\x20]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)
  const host = rawHost.toLowerCase()
  if (!isIpv6) {
    const problem = checkPart(host, "host", false) ?? checkPart(userinfo, "userinfo", true)
    if (problem !== undefined) return { error: problem }
  }
  const defaultPort = protocol === "http" ? 80 : 443
  return { protocol, userinfo, host, isIpv6, specifiedPort: port, port: port === 0 ? defaultPort : port, query }
}

/** The URL TDLib stores: scheme, userinfo, host, the port when one was given, path and query. */
export const urlText = (url: HttpUrl): string =>
  `${url.protocol}://${url.userinfo !== "" ? `${url.userinfo}@` : ""}${url.host}${
    url.specifiedPort > 0 ? `:${url.specifiedPort}` : ""
  }${url.query}`

/** `tg://user?id=N` names a user: the id, or undefined. */
export const linkUserId = (link: string): number | undefined => {
  const match = /^tg:(?:\/\/)?user\?id=([1-9][0-9]{0,15})$/i.exec(link)
  return match === null ? undefined : Number(match[1])
}

/** TDLib's check_link_impl: the normalized link (http(s), or `tg://…`), or why it is refused. */
export const checkLink = (link: string): string | { error: string } => {
  let rest = link
  const tg = /^tg:/i.test(rest)
  if (tg) {
    rest = rest.slice(3)
    if (rest.startsWith("//")) rest = rest.slice(2)
  }
  const url = parseUrl(rest)
  if ("error" in url) return url
  if (tg) {
    if (/^http:\/\//i.test(rest) || url.protocol === "https" || url.userinfo !== "" || url.specifiedPort !== 0) {
      return { error: "Wrong tg URL" }
    }
    if (!/^[A-Za-z0-9_-]+$/.test(url.host)) return { error: "Unallowed characters in URL host" }
    const query = url.query.length > 1 && url.query[1] === "?" ? url.query.slice(1) : url.query
    return `tg://${url.host}${query}`
  }
  if (!url.host.includes(".") && !url.isIpv6) return { error: "Wrong HTTP URL" }
  return urlText(url)
}
