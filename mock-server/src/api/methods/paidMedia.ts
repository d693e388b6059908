/**
 * sendPaidMedia (telegram-wire-messages.md §M5.16): star_count (0-10^9), `media` (a JSON array of InputPaidMedia),
 * the caption, payload and show_caption_above_media, then the shared send path; TDLib: the caption, the price
 * (`invalid media price specified` outside 1-1000000), each item's files, then their number (1-10). The sending bot
 * sees the media itself; Telegram's lower price cap (25000) is not applied.
 */
import { type PaidMediaInput, readInputPaidMedia } from "../../input/inputPaidMedia.js"
import type { FormattedText } from "../../input/text.js"
import { parseJson } from "../../internal/JsonValue.js"
import type { PaidItem, PaidMediaContent } from "../../world/media.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { caption, finishedCaption } from "../send/media.js"
import { photoOf, type Sender, videoContent } from "../send/mediaContent.js"
import { sendParams } from "../send/params.js"
import { sendContent } from "../send/sendContent.js"
import { method, methods } from "../table/method.js"
import { badRequest, bool, custom, int, raw, text } from "../table/params.js"

/** `media`: a JSON array of InputPaidMedia. */
const paidMedia = custom<ReadonlyArray<PaidMediaInput>>("Array of InputPaidMedia", (input) => {
  const value = raw(input) ?? ""
  if (value === "") return badRequest(`parameter "media" is required`)
  const json = parseJson(value)
  if (json === undefined) return badRequest("can't parse paid media JSON object")
  if (json.kind !== "array") return badRequest("expected an Array of InputPaidMedia")
  const items: Array<PaidMediaInput> = []
  for (const item of json.items) {
    const read = readInputPaidMedia(input.call.params, item)
    if (typeof read === "string") return badRequest(`can't parse InputPaidMedia: ${read}`)
    items.push(read)
  }
  return items
}, { required: true, note: "1-10 photos, live photos and videos" })

/** One item's files, as TDLib resolves them (MessageExtendedMedia). */
const paidItem = (sender: Sender, input: PaidMediaInput): PaidItem | ApiError => {
  if (input.type === "video") {
    const video = videoContent(sender, input.media, {
      ...input,
      caption: { text: "", entities: [] },
      showCaptionAboveMedia: false,
      hasSpoiler: false
    })
    if (isApiError(video)) return video
    const { kind: _kind, caption: _caption, showCaptionAboveMedia: _above, hasSpoiler: _spoiler, ...rest } = video
    return { kind: "video", video: rest }
  }
  const sizes = photoOf(sender, input.photo)
  if (isApiError(sizes) || input.live === undefined) {
    return isApiError(sizes)
      ? sizes
      : { kind: "photo", sizes, live: undefined }
  }
  const live = videoContent(sender, input.live, {
    caption: { text: "", entities: [] },
    showCaptionAboveMedia: false,
    hasSpoiler: false,
    thumbnail: undefined,
    cover: undefined,
    startTimestamp: 0,
    supportsStreaming: false,
    duration: 0,
    width: sizes[0]!.width,
    height: sizes[0]!.height
  })
  if (isApiError(live)) return live
  return { kind: "photo", sizes, live: { file: live.file, duration: 0, width: live.width, height: live.height } }
}

/** The paid media content, in TDLib's order. */
const paidMediaContent = (
  sender: Sender,
  p: {
    readonly star_count: number
    readonly media: ReadonlyArray<PaidMediaInput>
    readonly caption: FormattedText
    readonly payload: string
    readonly show_caption_above_media: boolean
  }
): PaidMediaContent | ApiError => {
  const text = finishedCaption(p.caption)
  if (isApiError(text)) return text
  if (p.star_count <= 0 || p.star_count > 1_000_000) return apiError(400, "Bad Request: invalid media price specified")
  const items: Array<PaidItem> = []
  for (const input of p.media) {
    const item = paidItem(sender, input)
    if (isApiError(item)) return item
    items.push(item)
  }
  if (items.length === 0 || items.length > 10) {
    return apiError(400, "Bad Request: invalid number of paid media specified")
  }
  return {
    kind: "paid_media",
    starCount: p.star_count,
    items,
    payload: p.payload,
    caption: text,
    showCaptionAboveMedia: p.show_caption_above_media
  }
}

/** sendPaidMedia. */
export const paidMediaMethods = methods({
  sendPaidMedia: method({
    family: "media",
    summary: "paid media (1-10 photos, live photos and videos) for a price in Stars, with a caption and a payload",
    params: {
      star_count: int({ min: 0, max: 1_000_000_000 }),
      media: paidMedia,
      caption,
      payload: text,
      show_caption_above_media: bool,
      ...sendParams
    },
    run: (p, call) => sendContent(call, p, { content: () => paidMediaContent(call, p) })
  })
})
