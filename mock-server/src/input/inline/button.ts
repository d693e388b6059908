/**
 * The button above an inline query's results (telegram-wire-chats.md §18.2): the Bot API's reading of `button`
 * (Client.cpp get_inline_query_results_button; the legacy `switch_pm_text` + `switch_pm_parameter` without it), then
 * TDLib's checks (InlineQueriesManager answer_inline_query: the start parameter; the Web App URL).
 */
import { linkUserId } from "../../internal/HttpUrl.js"
import { FieldError } from "../../internal/JsonValue.js"
import type { Params } from "../../internal/Params.js"
import { tdJsonDecode, TdJsonError } from "../../internal/TdJson.js"
import { checkWebAppUrl } from "../../internal/webAppUrl.js"
import type { InlineButtonRecord } from "../../world/inline.js"
import { Fields, readFields } from "./fields.js"

/** A refusal's text (without `Bad Request: `), as the real server words it before the rewrite. */
export interface ButtonRefusal {
  readonly error: string
}

/** The Bot API's reading: the button, none, or the refusal. */
export const readResultsButton = (params: Params): InlineButtonRecord | undefined | ButtonRefusal => {
  const raw = params.get("button") ?? ""
  if (raw === "") {
    const text = params.get("switch_pm_text") ?? ""
    return text === "" ? undefined : { text, startParameter: params.get("switch_pm_parameter") ?? "" }
  }
  const value = tdJsonDecode(raw)
  if (value instanceof TdJsonError) return { error: "Can't parse inline query results button JSON object" }
  const button = readFields((): InlineButtonRecord => {
    if (value.kind !== "object") throw new FieldError("InlineQueryResultsButton must be an Object")
    const fields = new Fields(value)
    const text = fields.string("text", true)
    if (fields.has("start_parameter")) return { text, startParameter: fields.string("start_parameter", true) }
    if (fields.has("web_app")) {
      return { text, webAppUrl: new Fields(fields.typed("web_app", "object", true)!).string("url", true) }
    }
    throw new FieldError("InlineQueryResultsButton must have exactly one optional field")
  })
  return button instanceof FieldError
    ? { error: `Can't parse inline query results button: ${button.message}` }
    : button
}

/** TDLib's checks of the button: the refusal's text, or undefined. */
export const buttonProblem = (button: InlineButtonRecord): string | undefined => {
  if (button.startParameter !== undefined) {
    const parameter = button.startParameter
    if (parameter === "") return "Can't use empty start_parameter"
    if (Buffer.byteLength(parameter) > 64) return "Too long start_parameter specified"
    if (!/^[A-Za-z0-9_-]*$/.test(parameter)) return "Unallowed characters in start_parameter are used"
    return undefined
  }
  const url = button.webAppUrl ?? ""
  if (linkUserId(url) !== undefined) return "Link to a user can't be used in the Web App button"
  const checked = checkWebAppUrl(url)
  return typeof checked === "string" ? undefined : `Inline query button Web App ${checked.error}`
}
