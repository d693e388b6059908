/**
 * What a message holds: its content as a union on `kind` (text, service messages; media, polls and the rest as the
 * method families add them), and the parts contents share (entities, link preview options, keyboard buttons).
 */
import type { FileRecord } from "./files.js"

/** A message entity (offsets and lengths in UTF-16 units), as the Bot API's MessageEntity. */
export interface Entity {
  readonly type: string
  readonly offset: number
  readonly length: number
  readonly url?: string
  readonly language?: string
  readonly userId?: number
  readonly customEmojiId?: string
}

/** One inline keyboard button: its JSON as the Bot API renders it, and what a press or a test needs of it. */
export interface ButtonRecord {
  readonly json: string
  readonly text: string
  readonly callbackData?: string
  readonly url?: string
}

/** The link preview options a message keeps (only set ones). */
export interface LinkPreviewRecord {
  readonly isDisabled: boolean
  readonly url: string
  readonly preferSmallMedia: boolean
  readonly preferLargeMedia: boolean
  readonly showAboveText: boolean
}

/** What a service message says. */
export type Service =
  | { readonly kind: "new_chat_members"; readonly userIds: ReadonlyArray<number> }
  | { readonly kind: "left_chat_member"; readonly userId: number }
  | { readonly kind: "migrate_to_chat_id"; readonly chatId: number }
  | { readonly kind: "migrate_from_chat_id"; readonly chatId: number }

/** A text message: its text, entities and link preview options. */
export interface TextContent {
  readonly kind: "text"
  readonly text: string
  readonly entities: ReadonlyArray<Entity>
  readonly linkPreview: LinkPreviewRecord | undefined
}

/** A service message (a join, a leave, an upgrade, …). */
export interface ServiceContent {
  readonly kind: "service"
  readonly service: Service
}

/** A caption (empty text: none) with its entities. */
export interface Caption {
  readonly text: string
  readonly entities: ReadonlyArray<Entity>
}

/** One size of a picture: its file and dimensions. */
export interface PhotoSizeRecord {
  readonly file: FileRecord
  readonly width: number
  readonly height: number
}

/** A thumbnail of a document, video, audio, animation, video note or sticker. */
export type ThumbnailRecord = PhotoSizeRecord

/** A document (any file sent as one). */
export interface DocumentContent {
  readonly kind: "document"
  readonly file: FileRecord
  readonly thumbnail: ThumbnailRecord | undefined
  readonly caption: Caption
}

/** What a message holds. Each kind renders in wire/message.ts (and its content files). */
export type Content = TextContent | ServiceContent | DocumentContent

/** The caption of a content that can have one, or undefined when it has no caption slot. */
export const captionOf = (content: Content): Caption | undefined => {
  switch (content.kind) {
    case "document":
      return content.caption
    default:
      return undefined
  }
}

/** The text of a content that has one (a text message's text, a caption), for command and mention rules. */
export const textOf = (content: Content): string =>
  content.kind === "text" ? content.text : captionOf(content)?.text ?? ""
