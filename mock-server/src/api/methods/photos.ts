/**
 * sendPhoto, sendLivePhoto and sendSticker (telegram-wire-messages.md §M5.1, §M5.17, §M5.8): the file (a file_id,
 * a URL or an upload), the caption and its flags, then the shared send path. A photo's sizes come from its header;
 * an upload that is no picture is Telegram's `IMAGE_PROCESS_FAILED` (api/files/pictures.ts).
 */
import type { ChatRecord } from "../../world/World.js"
import { caption, inputFile } from "../send/media.js"
import { photoContent, stickerContent } from "../send/mediaContent.js"
import { sendParams } from "../send/params.js"
import { sendContent } from "../send/sendContent.js"
import { restrictedRefusal } from "../sendAccess.js"
import { method, methods } from "../table/method.js"
import { bool, text } from "../table/params.js"

const photosRight = (chat: ChatRecord, botId: number) => restrictedRefusal(chat, botId, "can_send_photos", "photos")

/** sendPhoto, sendLivePhoto, sendSticker. */
export const photoMethods = methods({
  sendPhoto: method({
    family: "media",
    summary: "a photo (its sizes from the picture's header) with a caption, above the media or not, and a spoiler",
    params: { photo: inputFile("photo"), caption, show_caption_above_media: bool, has_spoiler: bool, ...sendParams },
    run: (p, call) =>
      sendContent(call, p, {
        content: () =>
          photoContent(call, p.photo, {
            caption: p.caption,
            showCaptionAboveMedia: p.show_caption_above_media,
            hasSpoiler: p.has_spoiler
          }),
        permission: photosRight
      })
  }),

  sendLivePhoto: method({
    family: "media",
    summary: "a live photo: its video (`live_photo`) and its still (`photo`), shown as `live_photo` and `photo`",
    params: {
      live_photo: inputFile("live photo"),
      photo: inputFile("photo"),
      caption,
      show_caption_above_media: bool,
      has_spoiler: bool,
      ...sendParams
    },
    run: (p, call) =>
      sendContent(call, p, {
        content: () =>
          photoContent(call, p.photo, {
            caption: p.caption,
            showCaptionAboveMedia: p.show_caption_above_media,
            hasSpoiler: p.has_spoiler
          }, p.live_photo),
        permission: photosRight
      })
  }),

  sendSticker: method({
    family: "media",
    summary: "a sticker (static, animated TGS or video WebM, read from the file) with its emoji",
    params: { sticker: inputFile("sticker"), emoji: text, ...sendParams },
    run: (p, call) =>
      sendContent(call, p, {
        content: () => stickerContent(call, p.sticker, p.emoji),
        permission: (chat, botId) => restrictedRefusal(chat, botId, "can_send_other_messages", "stickers")
      })
  })
})
