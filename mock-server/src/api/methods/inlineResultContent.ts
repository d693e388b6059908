/**
 * TDLib's side of one inline query result (InlineQueriesManager get_input_bot_inline_result and get_inline_message,
 * telegram-wire-chats.md §18.3): the type's own checks (a contact's names, a document's or video's MIME type for a
 * URL, a sticker's file id), the keyboard (an inline one only), the message (a text trimmed, a location or venue
 * checked, a caption), then the file a file id names; the result is what a pick sends (its content and keyboard).
 */
import { badRequest, characters, finishFormatted } from "../../input/formatted.js"
import type { InlineContentInput } from "../../input/inline/messageContent.js"
import type { InlineResultInput } from "../../input/inline/result.js"
import { validPoint } from "../../input/location.js"
import { finishKeyboard, type InputButton } from "../../input/replyMarkup.js"
import type { FormattedText } from "../../input/text.js"
import type { Content } from "../../world/content.js"
import type { FileType } from "../../world/files.js"
import { gameOf } from "../../world/games.js"
import type { InlineMessageBody } from "../../world/inline.js"
import { liveEnd } from "../../world/places.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { resolveInputFile } from "../files/resolve.js"
import {
  animationContent,
  audioContent,
  documentContent,
  photoContent,
  type Sender,
  stickerContent,
  videoContent,
  voiceContent
} from "../send/mediaContent.js"
import type { Call } from "../table/method.js"
import { liveRefusal } from "./places.js"

const isUrl = (media: string): boolean => media.includes(".")
const remote = (value: string) => ({ kind: "remote" as const, value })

/** The file type each media result's file is resolved as. */
const FILE_TYPE_OF: Readonly<Record<string, FileType>> = {
  photo: "photo",
  gif: "animation",
  mpeg4_gif: "animation",
  video: "video",
  audio: "audio",
  voice: "voice",
  document: "document",
  sticker: "sticker"
}

/** The type's checks that come before its message (contact names, MIME types, a sticker's id). */
const typeProblem = (input: InlineResultInput): ApiError | undefined => {
  switch (input.type) {
    case "contact":
      if (input.phoneNumber.trim() === "") {
        return badRequest(`Field "phone_number" must contain a valid phone number`)
      }
      return input.firstName.trim() === "" ? badRequest(`Field "first_name" must be non-empty`) : undefined
    case "document":
      return isUrl(input.media) && !/^application\/(pdf|zip)/.test(input.mimeType)
        ? badRequest("Unallowed document MIME type")
        : undefined
    case "sticker":
      return isUrl(input.media) ? badRequest("Wrong sticker_file_id specified") : undefined
    case "video":
      return isUrl(input.media) && !/^(video\/mp4|text\/html)/.test(input.mimeType)
        ? badRequest("Unallowed video MIME type")
        : undefined
    default:
      return undefined
  }
}

/** get_inline_reply_markup: an inline keyboard only; its buttons checked as a send's. */
const resultKeyboard = (input: InlineResultInput): InlineMessageBody["keyboard"] | ApiError => {
  const markup = input.markup
  if (markup === undefined) return undefined
  if (markup.kind !== "inline") return badRequest("Inline keyboard expected")
  const keyboard = finishKeyboard(markup.rows, false)
  if ("refusal" in keyboard) return apiError(400, keyboard.refusal)
  const rows = keyboard.filter((row) => row.length > 0)
  return rows.length === 0 ? undefined : rows
}

/** A message the result names (not its own media), as TDLib checks it. */
const declaredContent = (call: Call, content: InlineContentInput): Content | ApiError => {
  switch (content.kind) {
    case "text": {
      const preview = content.linkPreview
      const allowEmpty = preview !== undefined && !preview.isDisabled && preview.url !== ""
      const text = finishFormatted(content.text, allowEmpty)
      return isApiError(text) ? text : { kind: "text", ...text, linkPreview: preview }
    }
    case "location": {
      const point = validPoint(content.point)
      if (point === undefined) return badRequest("Wrong location specified")
      const refusal = liveRefusal(content.livePeriod, content.heading, content.proximityAlertRadius)
      if (refusal !== undefined) return refusal
      const live = content.livePeriod !== 0
      return {
        kind: "location",
        ...point,
        livePeriod: content.livePeriod,
        liveUntil: liveEnd(Math.floor(call.world.clock.now() / 1000), content.livePeriod),
        heading: live ? content.heading : 0,
        proximityAlertRadius: live ? content.proximityAlertRadius : 0
      }
    }
    case "venue": {
      const point = validPoint(content.venue.point)
      if (point === undefined) return badRequest("Wrong venue location specified")
      const { title, address, provider, venueId, venueType } = content.venue
      return { kind: "venue", ...point, title, address, provider, venueId, venueType }
    }
    case "contact":
      return { ...content, userId: 0 }
    case "invoice":
      return badRequest("the mock does not send invoices through inline mode")
  }
}

/** The result's own media with its caption (a file id resolved as its kind; a URL stood in for). */
const ownMedia = (call: Call, input: InlineResultInput, caption: FormattedText): Content | ApiError => {
  const sender: Sender = { world: call.world, botId: call.botId }
  const shown = { caption, showCaptionAboveMedia: input.showCaptionAboveMedia, hasSpoiler: false }
  switch (input.type) {
    case "photo":
      return photoContent(sender, remote(input.media), shown)
    case "gif":
    case "mpeg4_gif": {
      const { duration, width, height } = input
      return animationContent(sender, remote(input.media), { ...shown, duration, width, height, thumbnail: undefined })
    }
    case "video": {
      const { duration, width, height, startTimestamp } = input
      const rest = { duration, width, height, startTimestamp, cover: undefined, supportsStreaming: false }
      return videoContent(sender, remote(input.media), { ...shown, ...rest, thumbnail: undefined })
    }
    case "audio": {
      const { duration, title, performer } = input
      return audioContent(sender, remote(input.media), { caption, thumbnail: undefined, duration, title, performer })
    }
    case "voice":
      return voiceContent(sender, remote(input.media), caption, input.duration)
    case "document":
      return documentContent(sender, remote(input.media), caption, undefined)
    case "sticker":
      return stickerContent(sender, remote(input.media), "")
    default:
      return badRequest("Sent message content must be explicitly specified")
  }
}

/** A game result: a game the bot offers, its keyboard's first button launching it (a Play button when none). */
const gameBody = (call: Call, shortName: string, keyboard: InlineMessageBody["keyboard"]) => {
  const game = /^[A-Za-z0-9_]{1,64}$/.test(shortName) ? gameOf(call.world, call.botId, shortName) : undefined
  if (game === undefined) return apiError(400, "Bad Request: GAME_SHORTNAME_INVALID")
  if (keyboard !== undefined && !keyboard[0]?.[0]?.json.includes(`"callback_game":`)) {
    return apiError(400, "Bad Request: REPLY_MARKUP_GAME_EMPTY")
  }
  const play: InputButton = { text: `Play ${game.title}`, style: "", action: "callback_game", value: "{}" }
  const shown = keyboard ?? finishKeyboard([[play]], false)
  if ("refusal" in shown) return apiError(400, shown.refusal)
  return { content: { kind: "game" as const, game, scores: new Map() }, keyboard: shown }
}

/** What a result sends, and the length Telegram refuses it for (checked after every result's TDLib checks). */
export interface ResultBody {
  readonly body: InlineMessageBody
  readonly tooLong: "MESSAGE_TOO_LONG" | "MEDIA_CAPTION_TOO_LONG" | undefined
}

const MAX_TEXT = 4096
const MAX_CAPTION = 1024

/** A media result's file id, resolved as its kind even when the result sends another message (TDLib does). */
const fileIdProblem = (call: Call, input: InlineResultInput): ApiError | undefined => {
  if (!("media" in input) || isUrl(input.media)) return undefined
  const file = resolveInputFile(call.world, call.botId, remote(input.media), FILE_TYPE_OF[input.type]!)
  return isApiError(file) ? file : undefined
}

/** What picking this result sends, or TDLib's refusal (its text lower-cased at the start by the rewrite). */
export const resultBody = (call: Call, input: InlineResultInput): ResultBody | ApiError => {
  const problem = typeProblem(input)
  if (problem !== undefined) return problem
  const keyboard = resultKeyboard(input)
  if (isApiError(keyboard)) return keyboard
  if (input.type === "game") {
    const body = gameBody(call, input.shortName, keyboard)
    return isApiError(body) ? body : { body, tooLong: undefined }
  }
  if (input.content !== undefined) {
    const content = declaredContent(call, input.content)
    if (isApiError(content)) return content
    const fileProblem = fileIdProblem(call, input)
    if (fileProblem !== undefined) return fileProblem
    const long = content.kind === "text" && characters(content.text) > MAX_TEXT
    return { body: { content, keyboard }, tooLong: long ? "MESSAGE_TOO_LONG" : undefined }
  }
  const caption = finishFormatted(input.caption, true)
  if (isApiError(caption)) return caption
  const long = characters(caption.text) > MAX_CAPTION
  const content = ownMedia(call, input, long ? { text: "", entities: [] } : caption)
  return isApiError(content)
    ? content
    : { body: { content, keyboard }, tooLong: long ? "MEDIA_CAPTION_TOO_LONG" : undefined }
}
