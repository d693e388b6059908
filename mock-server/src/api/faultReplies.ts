/** An injected fault's reply as what the mock answers, and as the journal names it. */
import { htmlErrorPage, type WireResponse } from "../Wire.js"
import type { FaultReply } from "../WorldSnapshot.js"
import { type ApiError, apiError } from "./envelope.js"

/** The description the real server would give for a fault that names none. */
const defaultDescription = (reply: Extract<FaultReply, { error_code: number }>): string =>
  reply.retry_after !== undefined
    ? `Too Many Requests: retry after ${reply.retry_after}`
    : reply.migrate_to_chat_id !== undefined
    ? "Bad Request: group chat was upgraded to a supergroup chat"
    : reply.error_code >= 500
    ? "Internal Server Error: restart"
    : "Bad Request: injected fault"

/** An error reply as a Bot API error; an HTML page or a drop as the response itself. (Delays are handled before.) */
export const faultAnswer = (reply: Exclude<FaultReply, { delay_ms: number }>): ApiError | WireResponse => {
  if ("html" in reply) return { _tag: "Html", status: reply.html, body: htmlErrorPage(reply.html) }
  if ("drop" in reply) return { _tag: "Drop" }
  return {
    ...apiError(reply.error_code, reply.description ?? defaultDescription(reply)),
    ...(reply.retry_after !== undefined ? { retryAfter: reply.retry_after } : {}),
    ...(reply.migrate_to_chat_id !== undefined ? { migrateToChatId: reply.migrate_to_chat_id } : {})
  }
}

/** The journal's `fault` of a reply: `error 429`, `html 502`, `drop`. */
export const faultName = (reply: Exclude<FaultReply, { delay_ms: number }>): string =>
  "html" in reply ? `html ${reply.html}` : "drop" in reply ? "drop" : `error ${reply.error_code}`
