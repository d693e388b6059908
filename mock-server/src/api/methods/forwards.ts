/**
 * forwardMessage, forwardMessages, copyMessage, copyMessages (telegram-wire-messages.md §M6.1-M6.3): the Bot API's
 * reading in its order (the source message is checked, with read access, before the send parameters of a single
 * message; after the target chat for several), then TDLib's rules: what may be carried (skipped quietly among
 * several, refused alone), message ids strictly increasing, effects on one message only; then Telegram's refusals of
 * a private chat. A forward shows `forward_origin`; a copy answers only its `message_id`.
 */
import { formattedParams } from "../../input/formatted.js"
import { keptReplyKeyboard } from "../../input/markupKind.js"
import { finishKeyboard } from "../../input/replyMarkup.js"
import { toLenientInt } from "../../internal/Params.js"
import { messageJson } from "../../wire/message.js"
import type { MessageRecord } from "../../world/messages.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { sendParams, type SendValues } from "../send/params.js"
import { replyTarget } from "../send/sendContent.js"
import { privateRefusal, sendChat, sendRightsRefusal } from "../sendAccess.js"
import { type Call, commit, method, methods, type ParamInput, type Verdict } from "../table/method.js"
import { bool, custom, int, int64Text, messageIds, raw, requiredText, text, threadId } from "../table/params.js"
import {
  cantCarry,
  carriedContent,
  type Carry,
  keptKeyboard,
  type NewCaption,
  type Source,
  sourceChat,
  sourceMessage,
  storeCarried
} from "./forwarding.js"

/** The source message of a single forward or copy: `from_chat_id` (read before) with read access, then the message. */
const sourceMessageParam = (what: string) =>
  custom<{ source: Source; message: MessageRecord }>("Integer", (input: ParamInput) => {
    const source = sourceChat(input.call.world, input.earlier["from_chat_id"] as string, input.call.botId)
    if (isApiError(source)) return source
    const message = sourceMessage(source, Math.max(0, toLenientInt(raw(input))))
    return message === undefined ? apiError(400, `Bad Request: ${what} not found`) : { source, message }
  }, { required: true, note: "read after the other parameters of the source" })

/** copyMessage's `caption`: present (even empty) replaces the caption, with parse_mode and caption_entities. */
const captionParam = custom<NewCaption | undefined>("String", (input) => {
  if (raw(input) === undefined) return undefined
  const caption = formattedParams(input.call.params, "caption", "parse_mode", "caption_entities")
  if (isApiError(caption)) return caption
  return { caption, showAbove: false }
}, { note: "0-1024 characters; present, even empty, it replaces the caption" })

/** One forward or copy, after the source: the send's checks in TDLib's order, then the message stored. */
const carryOne = (
  call: Call,
  p: SendValues,
  message: MessageRecord,
  carry: Carry,
  caption: NewCaption | undefined
): Verdict => {
  const { botId, world } = call
  const chat = p.chat_id
  const replyTo = replyTarget(chat, botId, p.reply_parameters)
  if (isApiError(replyTo)) return replyTo
  let keyboard: MessageRecord["keyboard"]
  if (p.reply_markup !== undefined) {
    const finished = finishKeyboard(p.reply_markup, chat.type === "channel")
    if ("refusal" in finished) return apiError(400, finished.refusal)
    keyboard = finished
  }
  const rights = sendRightsRefusal(chat, botId, Math.floor(world.clock.now() / 1000))
  if (rights !== undefined) return rights
  const content = carriedContent(world, message, chat, botId, carry, caption)
  if (content === undefined) return cantCarry(carry)
  const refusal = privateRefusal(world, chat, botId)
  if (refusal !== undefined) return refusal
  const copy = carry === "copy"
  const plainCopy = copy && p.reply_markup === undefined && replyTo === undefined &&
    (caption === undefined || caption.caption.text === "")
  return commit(chat, () => {
    const record = storeCarried(world, chat, botId, {
      source: message,
      content,
      carry,
      keyboard: copy && !plainCopy ? keyboard : keptKeyboard(message),
      replyKeyboard: copy ? keptReplyKeyboard(call.params.get("reply_markup")) : undefined,
      replyTo: copy ? replyTo : undefined
    }, p.protect_content)
    return copy ? `{"message_id":${record.id}}` : messageJson(world, record, botId, undefined)
  })
}

/** The parameters forwardMessages and copyMessages share, in the real order. */
const multiParams = {
  chat_id: text,
  message_thread_id: threadId,
  from_chat_id: requiredText,
  message_ids: messageIds(100),
  disable_notification: bool,
  protect_content: bool,
  message_effect_id: int64Text
}

/** What carryMany reads of forwardMessages' and copyMessages' parameters. */
interface ManyValues {
  readonly chat_id: string
  readonly from_chat_id: string
  readonly message_ids: ReadonlyArray<number>
  readonly protect_content: boolean
  readonly message_effect_id: string
}

/** Several forwards or copies: the target, the source, TDLib's checks; the ones that may go, sent in order. */
const carryMany = (call: Call, p: ManyValues, carry: Carry, caption: NewCaption | undefined): Verdict => {
  const { botId, world } = call
  const chat = sendChat(world, p.chat_id, botId)
  if (isApiError(chat)) return chat
  const source = sourceChat(world, p.from_chat_id, botId)
  if (isApiError(source)) return source
  const found = p.message_ids.flatMap((id) => sourceMessage(source, id) ?? [])
  if (found.length === 0) return apiError(400, "Bad Request: there are no messages to forward")
  const rights = sendRightsRefusal(chat, botId, Math.floor(world.clock.now() / 1000))
  if (rights !== undefined) return rights
  if (p.message_effect_id !== "0" && found.length > 1) {
    return apiError(400, "Bad Request: can't use message effects in the method")
  }
  for (let i = 1; i < found.length; i++) {
    if (found[i]!.id <= found[i - 1]!.id) {
      return apiError(400, "Bad Request: message identifiers must be in a strictly increasing order")
    }
  }
  const items = found.flatMap((message) => {
    const content = carriedContent(world, message, chat, botId, carry, caption)
    return content === undefined ? [] : [{ message, content }]
  })
  if (items.length === 0) return apiError(400, "Bad Request: messages can't be forwarded")
  const refusal: ApiError | undefined = privateRefusal(world, chat, botId)
  if (refusal !== undefined) return refusal
  return commit(chat, () => {
    const ids = items.map(({ content, message }) =>
      storeCarried(world, chat, botId, {
        source: message,
        content,
        carry,
        keyboard: keptKeyboard(message),
        replyTo: undefined
      }, p.protect_content).id
    )
    return `[${ids.map((id) => `{"message_id":${id}}`).join(",")}]`
  })
}

const EMPTY_CAPTION: NewCaption = { caption: { text: "", entities: [] }, showAbove: false }

/** forwardMessage, forwardMessages, copyMessage, copyMessages. */
export const forwardMethods = methods({
  forwardMessage: method({
    family: "messages",
    summary: "forwards a message the bot can read: the Message with `forward_origin` and the legacy forward_* keys",
    params: {
      from_chat_id: requiredText,
      video_start_timestamp: int({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      message_id: sourceMessageParam("message to forward"),
      ...sendParams
    },
    run: (p, call) => carryOne(call, p, p.message_id.message, "forward", undefined)
  }),

  copyMessage: method({
    family: "messages",
    summary: "copies a message without its origin (a new poll for a poll, a caption replaced); answers its message_id",
    params: {
      from_chat_id: requiredText,
      caption: captionParam,
      video_start_timestamp: int({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      show_caption_above_media: bool,
      message_id: sourceMessageParam("message to copy"),
      ...sendParams
    },
    run: (p, call) =>
      carryOne(
        call,
        p,
        p.message_id.message,
        "copy",
        p.caption === undefined ? undefined : { ...p.caption, showAbove: p.show_caption_above_media }
      )
  }),

  forwardMessages: method({
    family: "messages",
    summary: "forwards 1-100 messages in order; the ones that can't be forwarded are skipped",
    params: multiParams,
    run: (p, call) => carryMany(call, p, "forward", undefined)
  }),

  copyMessages: method({
    family: "messages",
    summary: "copies 1-100 messages in order (remove_caption drops captions); answers their message_ids",
    params: { ...multiParams, remove_caption: bool },
    run: (p, call) => carryMany(call, p, "copy", p.remove_caption ? EMPTY_CAPTION : undefined)
  })
})
