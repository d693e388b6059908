/**
 * Media JSON, keys in the real server's order (Client.cpp JsonAudio, JsonVideo, JsonAnimation, JsonVoiceNote,
 * JsonVideoNote, JsonSticker, JsonLivePhoto, JsonPaidMedia, JsonPaidMediaInfo): each object's own keys, then its
 * thumbnail (twice: `thumbnail`, `thumb`), then the file keys; a PhotoSize the other way round.
 */
import type { PhotoSizeRecord } from "../world/content.js"
import type { LiveVideoRecord, PaidItem, StickerContent, VideoContent } from "../world/media.js"
import type { AnimationContent, AudioContent, VideoNoteContent, VoiceContent } from "../world/media.js"
import type { World } from "../world/World.js"
import { fileKeys, nameAndType, photoJson, thumbnailKeys } from "./file.js"

const json = JSON.stringify

/** An Audio. */
export const audioJson = (world: World, audio: Omit<AudioContent, "kind" | "caption">, viewer: number): string =>
  `{"duration":${audio.duration}${nameAndType(audio.file.fileName, audio.file.mimeType)}` +
  (audio.title !== "" ? `,"title":${json(audio.title)}` : "") +
  (audio.performer !== "" ? `,"performer":${json(audio.performer)}` : "") +
  `${thumbnailKeys(world, audio.thumbnail, viewer)},${fileKeys(world, audio.file, viewer)}}`

/** A Video (its cover as a photo's sizes; start_timestamp only when set). */
export const videoJson = (
  world: World,
  video: Omit<VideoContent, "kind" | "caption" | "showCaptionAboveMedia" | "hasSpoiler">,
  viewer: number
): string =>
  `{"duration":${video.duration},"width":${video.width},"height":${video.height}` +
  nameAndType(video.file.fileName, video.file.mimeType) +
  (video.cover !== undefined ? `,"cover":${photoJson(world, video.cover, viewer)}` : "") +
  (video.startTimestamp > 0 ? `,"start_timestamp":${video.startTimestamp}` : "") +
  `${thumbnailKeys(world, video.thumbnail, viewer)},${fileKeys(world, video.file, viewer)}}`

/** An Animation; `asDocument` is the copy under `document` (without duration, width and height). */
export const animationJson = (
  world: World,
  animation: AnimationContent,
  asDocument: boolean,
  viewer: number
): string => {
  let own = nameAndType(animation.file.fileName, animation.file.mimeType)
  if (!asDocument) own += `,"duration":${animation.duration},"width":${animation.width},"height":${animation.height}`
  own += thumbnailKeys(world, animation.thumbnail, viewer)
  return `{${own.slice(1)}${own === "" ? "" : ","}${fileKeys(world, animation.file, viewer)}}`
}

/** A Voice. */
export const voiceJson = (world: World, voice: VoiceContent, viewer: number): string =>
  `{"duration":${voice.duration}${voice.file.mimeType !== "" ? `,"mime_type":${json(voice.file.mimeType)}` : ""},${
    fileKeys(world, voice.file, viewer)
  }}`

/** A VideoNote. */
export const videoNoteJson = (world: World, note: VideoNoteContent, viewer: number): string =>
  `{"duration":${note.duration},"length":${note.length}${thumbnailKeys(world, note.thumbnail, viewer)},${
    fileKeys(world, note.file, viewer)
  }}`

/** A Sticker: a regular one, outside any set. */
export const stickerJson = (world: World, sticker: StickerContent, viewer: number): string =>
  `{"width":${sticker.width},"height":${sticker.height}` +
  (sticker.emoji !== "" ? `,"emoji":${json(sticker.emoji)}` : "") +
  `,"is_animated":${sticker.format === "animated"},"is_video":${sticker.format === "video"},"type":"regular"` +
  `${thumbnailKeys(world, sticker.thumbnail, viewer)},${fileKeys(world, sticker.file, viewer)}}`

/** A LivePhoto: the still's sizes, then the video's duration, size, MIME type and file keys. */
export const livePhotoJson = (
  world: World,
  sizes: ReadonlyArray<PhotoSizeRecord>,
  live: LiveVideoRecord,
  viewer: number
): string =>
  `{"photo":${
    photoJson(world, sizes, viewer)
  },"duration":${live.duration},"width":${live.width},"height":${live.height}` +
  (live.file.mimeType !== "" ? `,"mime_type":${json(live.file.mimeType)}` : "") +
  `,${fileKeys(world, live.file, viewer)}}`

/** One PaidMedia item, as the sending bot sees it (the media itself, not a preview). */
const paidItemJson = (world: World, item: PaidItem, viewer: number): string => {
  if (item.kind === "video") return `{"type":"video","video":${videoJson(world, item.video, viewer)}}`
  return item.live !== undefined
    ? `{"type":"live_photo","live_photo":${livePhotoJson(world, item.sizes, item.live, viewer)}}`
    : `{"type":"photo","photo":${photoJson(world, item.sizes, viewer)}}`
}

/** A PaidMediaInfo. */
export const paidMediaInfoJson = (
  world: World,
  starCount: number,
  items: ReadonlyArray<PaidItem>,
  viewer: number
): string => `{"star_count":${starCount},"paid_media":[${items.map((i) => paidItemJson(world, i, viewer)).join(",")}]}`
