/**
 * The parts of sendMessage and editMessageText the Bot API reads before it looks at the chat (telegram-wire-bots.md
 * §11, Client.cpp get_input_message_text, get_link_preview_options, get_reply_parameters), in the real order:
 * link_preview_options, then the text (parse_mode, entities), then reply_parameters.
 */
import { type ApiError, apiError } from "../internal/apiError.js"
import { boolField, FieldError, intField, parseJson, stringField } from "../internal/JsonValue.js"
import { type Params, toBool, toLenientInt } from "../internal/Params.js"
import type { LinkPreviewRecord } from "../world/messages.js"
import { type FormattedText, formattedText } from "./text.js"

/** What the text parameters gave. */
export interface MessageInput {
  readonly text: FormattedText
  readonly linkPreview: LinkPreviewRecord | undefined
}

/** reply_parameters (or the legacy reply_to_message_id): 0 for no reply. */
export interface ReplyInput {
  readonly messageId: number
  readonly allowWithoutReply: boolean
  /** Set when the reply is to a message of another chat (not supported by the mock: "message to be replied not found"). */
  readonly chatId: string
}

const bad = (message: string): ApiError =>
  apiError(400, `Bad Request: ${/^.[A-Z_]/.test(message) ? message : message[0]!.toLowerCase() + message.slice(1)}`)

const readLinkPreview = (params: Params): LinkPreviewRecord | undefined | ApiError => {
  const raw = params.get("link_preview_options")
  if (raw === undefined || raw === "") {
    return toBool(params.get("disable_web_page_preview"))
      ? { isDisabled: true, url: "", preferSmallMedia: false, preferLargeMedia: false, showAboveText: false }
      : undefined
  }
  const json = parseJson(raw)
  if (json === undefined) return bad("Can't parse link preview options JSON object")
  if (json.kind !== "object") return bad("Object expected as link preview options")
  const isDisabled = boolField(json, "is_disabled")
  const url = stringField(json, "url")
  const preferSmallMedia = boolField(json, "prefer_small_media")
  const preferLargeMedia = boolField(json, "prefer_large_media")
  const showAboveText = boolField(json, "show_above_text")
  for (const value of [isDisabled, url, preferSmallMedia, preferLargeMedia, showAboveText]) {
    if (value instanceof FieldError) return bad(value.message)
  }
  return {
    isDisabled: isDisabled as boolean,
    url: url as string,
    preferSmallMedia: preferSmallMedia as boolean,
    preferLargeMedia: preferLargeMedia as boolean,
    showAboveText: showAboveText as boolean
  }
}

/** link_preview_options, then text, parse_mode and entities. */
export const readMessageInput = (params: Params): MessageInput | ApiError => {
  const linkPreview = readLinkPreview(params)
  if (linkPreview !== undefined && "_tag" in linkPreview) return linkPreview
  const raw = params.get("text") ?? ""
  if (raw === "") return apiError(400, "Bad Request: message text is empty")
  const text = formattedText(raw, params.get("parse_mode") ?? "", params.get("entities"))
  if ("refusal" in text) return apiError(400, text.refusal)
  return { text, linkPreview }
}

/** reply_parameters, or the legacy reply_to_message_id and allow_sending_without_reply. */
export const readReply = (params: Params): ReplyInput | ApiError => {
  const raw = params.get("reply_parameters")
  if (raw === undefined) {
    return {
      messageId: Math.max(0, toLenientInt(params.get("reply_to_message_id"))),
      allowWithoutReply: toBool(params.get("allow_sending_without_reply")),
      chatId: ""
    }
  }
  const none = { messageId: 0, allowWithoutReply: false, chatId: "" }
  if (raw === "") return none
  const json = parseJson(raw)
  if (json === undefined) return bad("Can't parse reply parameters JSON object")
  if (json.kind !== "object") return bad("Object expected as reply parameters")
  if (json.fields.length === 0) return none
  const chatId = stringField(json, "chat_id")
  if (chatId instanceof FieldError) return bad(chatId.message)
  const messageId = intField(json, "message_id", true)
  if (messageId instanceof FieldError) return bad(messageId.message)
  const allow = boolField(json, "allow_sending_without_reply")
  if (allow instanceof FieldError) return bad(allow.message)
  return { messageId: Math.max(0, messageId), allowWithoutReply: allow, chatId }
}
