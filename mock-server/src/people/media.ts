/**
 * What people send besides text (the facade and the control API take typed, decoded input): a file of any kind
 * (stored as an upload: the bot can getFile and download it byte for byte), a location (live on the mock's clock) or
 * a venue, a contact, a dice (a value the person names, else the world's). Metadata is what the person says, or the
 * file's header (a photo's size). A refusal names the field and changes nothing.
 */
import type { Message } from "@grammyjs/types"
import { fileBytes, type SendContactInput, type SendDiceInput, type SendFileInput } from "../decode/peopleMedia.js"
import type { SendLocationInput } from "../decode/peopleMedia.js"
import { finishCaption } from "../input/text.js"
import { sniffMimeType } from "../internal/sniff.js"
import type { MockActionEvent } from "../MockEvents.js"
import { MockInputError } from "../MockInputError.js"
import { asMessage } from "../wire/typed.js"
import type { Caption, Content } from "../world/content.js"
import { DEFAULT_DICE, DICE_MAX, throwDice } from "../world/dice.js"
import type { FileRecord } from "../world/files.js"
import { pictureOrDefault, stickerShape } from "../world/pictures.js"
import { liveEnd } from "../world/places.js"
import type { World } from "../world/World.js"
import { lines, person } from "./operations.js"
import { type PersonRight, postAsPerson } from "./post.js"

/** The right each kind of file needs of a restricted member, and its words. */
const FILE_RIGHTS: Readonly<Record<SendFileInput["kind"], PersonRight>> = {
  photo: { right: "can_send_photos", what: "photos" },
  document: { right: "can_send_documents", what: "documents" },
  voice: { right: "can_send_voice_notes", what: "voice notes" },
  audio: { right: "can_send_audios", what: "music" },
  video: { right: "can_send_videos", what: "videos" },
  animation: { right: "can_send_other_messages", what: "animations" },
  video_note: { right: "can_send_video_notes", what: "video notes" },
  sticker: { right: "can_send_other_messages", what: "stickers" }
}

const place = (
  body: {
    readonly chat_id?: number | undefined
    readonly bot_id?: number | undefined
    readonly reply_to_message_id?: number | undefined
  }
) => ({
  chatId: body.chat_id,
  botId: body.bot_id,
  replyToMessageId: body.reply_to_message_id
})

/** The person's caption: trimmed, entities found as Telegram finds them, at most 1024 characters. */
const captionOf = (text: string | undefined): Caption => {
  const finished = finishCaption({ text: text ?? "", entities: [] })
  if ("refusal" in finished) throw new MockInputError([`caption: ${finished.refusal.replace("Bad Request: ", "")}`])
  return finished
}

/** The content a person's file makes. */
const fileContent = (file: FileRecord, body: SendFileInput, caption: Caption): Content => {
  const duration = body.duration ?? 0
  switch (body.kind) {
    case "photo":
      return {
        kind: "photo",
        sizes: [{ file, ...pictureOrDefault(file) }],
        live: undefined,
        caption,
        showCaptionAboveMedia: false,
        hasSpoiler: false
      }
    case "document":
      return { kind: "document", file, thumbnail: undefined, caption }
    case "voice":
      return { kind: "voice", file, duration, caption }
    case "audio":
      return {
        kind: "audio",
        file,
        thumbnail: undefined,
        duration,
        title: body.title ?? "",
        performer: body.performer ?? "",
        caption
      }
    case "video":
    case "animation": {
      const size = body.kind === "animation" && body.width === undefined ? pictureOrDefault(file) : undefined
      const media = {
        file,
        thumbnail: undefined,
        duration,
        width: body.width ?? size?.width ?? 0,
        height: body.height ?? size?.height ?? 0,
        caption,
        showCaptionAboveMedia: false,
        hasSpoiler: false
      }
      return body.kind === "animation"
        ? { kind: "animation", ...media }
        : { kind: "video", ...media, cover: undefined, startTimestamp: 0, supportsStreaming: false }
    }
    case "video_note":
      return { kind: "video_note", file, thumbnail: undefined, duration, length: body.length ?? 0 }
    case "sticker":
      return { kind: "sticker", file, thumbnail: undefined, emoji: body.emoji ?? "", ...stickerShape(file) }
  }
}

/** A person sends a file (uploaded in the request); the Message. */
export const sendFile = (world: World, userId: number, body: SendFileInput): Message => {
  person(world, userId)
  const bytes = fileBytes(body.file)
  const problems: Array<string> = []
  if (bytes.length === 0) problems.push("file: must be non-empty")
  if (bytes.length > world.caps.uploadBytes) {
    problems.push(`file: ${bytes.length} bytes is over the upload cap (caps.uploadBytes: ${world.caps.uploadBytes})`)
  }
  if (problems.length > 0) throw new MockInputError(problems)
  const caption = captionOf(body.caption)
  const fileName = body.file_name ?? ""
  const text = lines(() =>
    postAsPerson(world, userId, place(body), FILE_RIGHTS[body.kind], () => {
      const file = world.files.add({
        type: body.kind,
        bytes,
        fileName,
        mimeType: sniffMimeType(bytes, body.mime_type ?? "", fileName)
      })
      return fileContent(file, body, caption)
    })
  )
  return asMessage(text)
}

/** A person shares a location (live with `live_period`), or a venue with `title` and `address`; the Message. */
export const sendLocation = (world: World, userId: number, body: SendLocationInput): Message => {
  person(world, userId)
  const venue = body.title !== undefined || body.address !== undefined
  if (venue && (body.title === undefined || body.address === undefined)) {
    throw new MockInputError([
      `${body.title === undefined ? "title" : "address"}: a venue needs a title and an address`
    ])
  }
  const point = { latitude: body.latitude, longitude: body.longitude, accuracy: body.horizontal_accuracy ?? 0 }
  const livePeriod = venue ? 0 : body.live_period ?? 0
  const right = {
    right: "can_send_messages",
    what: venue ? "venues" : livePeriod !== 0 ? "live locations" : "locations"
  }
  const text = lines(() =>
    postAsPerson(world, userId, place(body), right, (): Content =>
      venue
        ? {
          kind: "venue",
          ...point,
          title: body.title!,
          address: body.address!,
          provider: "",
          venueId: "",
          venueType: ""
        }
        : {
          kind: "location",
          ...point,
          livePeriod,
          liveUntil: liveEnd(Math.floor(world.clock.now() / 1000), livePeriod),
          heading: livePeriod !== 0 ? body.heading ?? 0 : 0,
          proximityAlertRadius: livePeriod !== 0 ? body.proximity_alert_radius ?? 0 : 0
        })
  )
  return asMessage(text)
}

/** A person shares a contact (of a user of the world with `user_id`); the Message. */
export const sendContact = (world: World, userId: number, body: SendContactInput): Message => {
  person(world, userId)
  if (body.user_id !== undefined && !world.users.has(body.user_id)) {
    throw new MockInputError([`user_id: unknown user ${body.user_id}`])
  }
  const text = lines(() =>
    postAsPerson(world, userId, place(body), { right: "can_send_messages", what: "contacts" }, () => ({
      kind: "contact",
      phoneNumber: body.phone_number,
      firstName: body.first_name,
      lastName: body.last_name ?? "",
      vcard: body.vcard ?? "",
      userId: body.user_id ?? 0
    }))
  )
  return asMessage(text)
}

/** A person throws a dice: the value named, else the world's (a queued one, else its sequence); the Message. */
export const sendDice = (world: World, userId: number, body: SendDiceInput): Message => {
  person(world, userId)
  const emoji = body.emoji ?? DEFAULT_DICE
  const max = DICE_MAX[emoji]!
  if (body.value !== undefined && body.value > max) {
    throw new MockInputError([`value: ${emoji} shows 1 to ${max}, not ${body.value}`])
  }
  const text = lines(() =>
    postAsPerson(world, userId, place(body), { right: "can_send_other_messages", what: "dice" }, () => ({
      kind: "dice",
      emoji,
      value: body.value ?? throwDice(world.media, emoji)
    }))
  )
  return asMessage(text)
}

/** The console's line for a person's message that is not a text. */
export const sentEvent = (action: string, message: Message): Omit<MockActionEvent, "kind" | "at" | "seq"> => ({
  action,
  user_id: message.from?.id ?? 0,
  chat_id: message.chat.id
})
