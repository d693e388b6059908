/**
 * A message's content keys for media and places, in the order JsonMessage writes them (Client.cpp): the media
 * object (an animation twice, as `animation` and `document`; a live photo before its `photo`; a venue after a
 * top-level `location`); the caption keys and `has_media_spoiler` follow (wire/message.ts).
 */
import type { MediaContent } from "../world/media.js"
import { isLive, type PlaceContent } from "../world/places.js"
import type { World } from "../world/World.js"
import { photoJson } from "./file.js"
import {
  animationJson,
  audioJson,
  livePhotoJson,
  paidMediaInfoJson,
  stickerJson,
  videoJson,
  videoNoteJson,
  voiceJson
} from "./media.js"
import { contactJson, diceJson, locationJson, venueJson } from "./places.js"

/**
 * The keys of a media or place content, for the bot `viewer` (its own file_ids); the caption keys and
 * `has_media_spoiler` that follow are wire/message.ts's.
 */
export const mediaContentJson = (world: World, content: MediaContent | PlaceContent, viewer: number): string => {
  switch (content.kind) {
    case "photo": {
      const live = content.live === undefined
        ? ""
        : `,"live_photo":${livePhotoJson(world, content.sizes, content.live, viewer)}`
      return `${live},"photo":${photoJson(world, content.sizes, viewer)}`
    }
    case "audio":
      return `,"audio":${audioJson(world, content, viewer)}`
    case "video":
      return `,"video":${videoJson(world, content, viewer)}`
    case "animation":
      return `,"animation":${animationJson(world, content, false, viewer)}` +
        `,"document":${animationJson(world, content, true, viewer)}`
    case "voice":
      return `,"voice":${voiceJson(world, content, viewer)}`
    case "video_note":
      return `,"video_note":${videoNoteJson(world, content, viewer)}`
    case "sticker":
      return `,"sticker":${stickerJson(world, content, viewer)}`
    case "paid_media":
      return `,"paid_media":${paidMediaInfoJson(world, content.starCount, content.items, viewer)}`
    case "contact":
      return `,"contact":${contactJson(content)}`
    case "dice":
      return `,"dice":${diceJson(content)}`
    case "location": {
      const live = isLive(content, Math.floor(world.clock.now() / 1000)) ? content : undefined
      return `,"location":${locationJson(content, live)}`
    }
    case "venue":
      return `,"location":${locationJson(content)},"venue":${venueJson(content)}`
  }
}
