/**
 * sendMediaGroup (telegram-wire-messages.md §M5.9; Client.cpp process_send_media_group_query, TDLib
 * send_message_group): reply_parameters, then `media` (every InputMedia read, reply_markup never), then the chat;
 * TDLib: `there are no messages to send`, each item's content and permission in turn, then the album's rules (at
 * most 10, one show_caption_above_media, audio and documents only among their own); Telegram: a file it refuses
 * fails the call as `failed to send message #n with the error message "…"`. The messages share a media_group_id
 * when there are several, and are answered as an array.
 */
import { type InputMediaItem, readInputMedia } from "../../input/inputMedia.js"
import { parseJson } from "../../internal/JsonValue.js"
import { messageJson } from "../../wire/message.js"
import { conversation } from "../../world/chats.js"
import type { Content } from "../../world/content.js"
import { nextMediaGroupId } from "../../world/mediaState.js"
import { addMessage } from "../../world/messages.js"
import type { ChatRecord } from "../../world/World.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { contentRightRefusal } from "../send/contentRight.js"
import { inputMediaContent } from "../send/mediaContent.js"
import { replyParameters, sendChatId } from "../send/params.js"
import { logFor, replyTarget } from "../send/sendContent.js"
import { privateRefusal, sendRightsRefusal } from "../sendAccess.js"
import { type Call, commit, method, methods } from "../table/method.js"
import { badRequest, bool, custom, int64Text, raw, threadId } from "../table/params.js"

/** `media`: a JSON array of InputMedia, each read as the Bot API reads it (files by `attach://`). */
const albumMedia = custom<ReadonlyArray<InputMediaItem>>("Array of InputMedia", (input) => {
  const text = raw(input) ?? ""
  if (text === "") return badRequest(`parameter "media" is required`)
  const json = parseJson(text)
  if (json === undefined) return badRequest("can't parse media JSON object")
  if (json.kind !== "array") return badRequest("expected an Array of InputMedia")
  const items: Array<InputMediaItem> = []
  for (const value of json.items) {
    const item = readInputMedia(input.call.params, value, true)
    if (typeof item === "string") return badRequest(`can't parse InputMedia: ${item}`)
    items.push(item)
  }
  return items
}, { required: true, note: "2-10 photos, videos and live photos, or audio only, or documents only" })

/** TDLib's check_message_group_message_contents, after every item's content. */
const albumRefusal = (items: ReadonlyArray<InputMediaItem>): ApiError | undefined => {
  if (items.length > 10) return apiError(400, "Bad Request: too many messages to send as an album")
  if (items.some((item) => item.showCaptionAboveMedia !== items[0]!.showCaptionAboveMedia)) {
    return apiError(400, "Bad Request: parameter show_caption_above_media must be the same for all messages")
  }
  // A live photo is a photo; audio and documents may only be grouped with their own kind.
  const kinds = new Set(items.map((item) => item.type === "live_photo" ? "photo" : item.type))
  const alone = kinds.size > 1 ? items.find((item) => item.type === "audio" || item.type === "document") : undefined
  return alone === undefined
    ? undefined
    : apiError(400, `Bad Request: ${alone.type} can't be mixed with other media types`)
}

/** Telegram's MEDIA_EMPTY (a file it can't use), which fails a multi-send with the item's number. */
const MEDIA_EMPTY = "Bad Request: wrong file identifier/HTTP URL specified"

/** The contents of the items in turn (each checked as TDLib checks it, its permission too), or the first refusal. */
const albumContents = (call: Call, chat: ChatRecord, items: ReadonlyArray<InputMediaItem>) => {
  const contents: Array<Content> = []
  let telegramRefusal: ApiError | undefined
  for (const [i, item] of items.entries()) {
    const content = inputMediaContent(call, item)
    if (isApiError(content) && content.description === MEDIA_EMPTY) {
      // Telegram refuses it once TDLib has sent the album: the first such item is the one named.
      telegramRefusal ??= apiError(
        400,
        `Bad Request: failed to send message #${
          i + 1
        } with the error message "Wrong file identifier/HTTP URL specified"`
      )
      continue
    }
    if (isApiError(content)) return content
    const refusal = contentRightRefusal(chat, call.botId, content)
    if (refusal !== undefined) return refusal
    contents.push(content)
  }
  return { contents, telegramRefusal }
}

/** sendMediaGroup. */
export const albumMethods = methods({
  sendMediaGroup: method({
    family: "media",
    summary: "an album of 2-10 photos, videos and live photos (or audio, or documents) sharing a media_group_id",
    params: {
      reply_parameters: replyParameters,
      media: albumMedia,
      chat_id: sendChatId,
      message_thread_id: threadId,
      disable_notification: bool,
      protect_content: bool,
      allow_paid_broadcast: bool,
      message_effect_id: int64Text
    },
    run: (p, call) => {
      const { botId, world } = call
      const chat = p.chat_id
      const replyTo = replyTarget(chat, botId, p.reply_parameters)
      if (isApiError(replyTo)) return replyTo
      if (p.media.length === 0) return apiError(400, "Bad Request: there are no messages to send")
      const rights = sendRightsRefusal(chat, botId, Math.floor(call.world.clock.now() / 1000))
      if (rights !== undefined) return rights
      const built = albumContents(call, chat, p.media)
      if (isApiError(built)) return built
      const refusal = albumRefusal(p.media) ?? privateRefusal(world, chat, botId) ??
        built.telegramRefusal
      if (refusal !== undefined) return refusal
      return commit(chat, () => {
        const log = logFor(chat, botId) ?? conversation(world, chat.id, botId)!.log
        const group = built.contents.length > 1 ? nextMediaGroupId(world.media) : undefined
        const channel = chat.type === "channel"
        const sent = built.contents.map((content) =>
          addMessage(world, chat, chat.type === "private" ? botId : undefined, log, {
            date: Math.floor(world.clock.now() / 1000),
            fromId: channel ? undefined : botId,
            authorId: botId,
            senderChatId: channel ? chat.id : undefined,
            content,
            keyboard: undefined,
            protect: p.protect_content,
            replyToId: replyTo?.id,
            mediaGroupId: group
          })
        )
        return `[${sent.map((message) => messageJson(world, message, botId, replyTo)).join(",")}]`
      })
    }
  })
})
