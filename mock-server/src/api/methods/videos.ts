/**
 * sendVideo, sendAnimation and sendVideoNote (telegram-wire-messages.md §M5.4, §M5.5, §M5.7): the file, its
 * thumbnail, its duration and size (as the request says; a GIF's header gives an animation's size), a video's cover
 * and start timestamp, the caption and its flags; then the shared send path.
 */
import { caption, inputFile, thumbnail } from "../send/media.js"
import { animationContent, videoContent, videoNoteContent } from "../send/mediaContent.js"
import { duration, length, optionalInputFile } from "../send/mediaParams.js"
import { sendParams } from "../send/params.js"
import { sendContent } from "../send/sendContent.js"
import { restrictedRefusal } from "../sendAccess.js"
import { method, methods } from "../table/method.js"
import { bool } from "../table/params.js"

/** sendVideo, sendAnimation, sendVideoNote. */
export const videoMethods = methods({
  sendVideo: method({
    family: "media",
    summary: "a video with its size, duration, cover, start timestamp, thumbnail, caption and spoiler",
    params: {
      video: inputFile("video"),
      thumbnail,
      duration,
      width: length,
      height: length,
      cover: optionalInputFile,
      start_timestamp: duration,
      supports_streaming: bool,
      caption,
      show_caption_above_media: bool,
      has_spoiler: bool,
      ...sendParams
    },
    run: (p, call) =>
      sendContent(call, p, {
        content: () =>
          videoContent(call, p.video, {
            ...p,
            startTimestamp: p.start_timestamp,
            supportsStreaming: p.supports_streaming,
            showCaptionAboveMedia: p.show_caption_above_media,
            hasSpoiler: p.has_spoiler
          }),
        permission: (chat, botId) => restrictedRefusal(chat, botId, "can_send_videos", "videos")
      })
  }),

  sendAnimation: method({
    family: "media",
    summary: "an animation (GIF or silent MP4), shown as `animation` and as `document`",
    params: {
      animation: inputFile("animation"),
      thumbnail,
      duration,
      width: length,
      height: length,
      caption,
      show_caption_above_media: bool,
      has_spoiler: bool,
      ...sendParams
    },
    run: (p, call) =>
      sendContent(call, p, {
        content: () =>
          animationContent(call, p.animation, {
            ...p,
            showCaptionAboveMedia: p.show_caption_above_media,
            hasSpoiler: p.has_spoiler
          }),
        permission: (chat, botId) => restrictedRefusal(chat, botId, "can_send_other_messages", "animations")
      })
  }),

  sendVideoNote: method({
    family: "media",
    summary: "a round video note with its duration and length (at most 640) and thumbnail",
    params: { video_note: inputFile("video note"), thumbnail, duration, length, ...sendParams },
    run: (p, call) =>
      sendContent(call, p, {
        content: () => videoNoteContent(call, p.video_note, p),
        permission: (chat, botId) => restrictedRefusal(chat, botId, "can_send_video_notes", "video notes")
      })
  })
})
