/**
 * What a message holds: its content as a union on `kind` (text, service messages; media, polls and the rest as the
 * method families add them), and the parts contents share (entities, link preview options, keyboard buttons).
 */
import type { ChatService } from "./chatServices.js"
import type { ChecklistContent } from "./checklists.js"
import type { FileRecord } from "./files.js"
import type { GameContent } from "./games.js"
import type { MediaContent } from "./media.js"
import type { InvoiceContent, PaymentService } from "./payments.js"
import type { PlaceContent } from "./places.js"
import type { PollContent } from "./polls.js"

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
  | {
    readonly kind: "pinned_message"
    readonly chatId: number
    readonly botId: number | undefined
    readonly messageId: number
  }
  | ChatService
  | PaymentService

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
export type Caption = Formatted

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
export type Content =
  | TextContent
  | ServiceContent
  | DocumentContent
  | MediaContent
  | PlaceContent
  | PollContent
  | ChecklistContent
  | GameContent
  | InvoiceContent

/** A text with its entities: a caption, a poll's question, a checklist's task. */
export interface Formatted {
  readonly text: string
  readonly entities: ReadonlyArray<Entity>
}

/**
 * The convention a kind with a caption slot follows (Telegram's: animation, audio, document, paid media, photo, video,
 * voice): it keeps the caption as `caption` (empty text: none), and, where the media can show it above, the flag as
 * `showCaptionAboveMedia`. captionOf and withCaption then work for it with no change here.
 */
export interface Captioned {
  readonly caption: Formatted
  readonly showCaptionAboveMedia?: boolean
}

/** The caption of a content with a caption slot; undefined for the kinds without one (text, polls, services, …). */
export const captionOf = (content: Content): Formatted | undefined =>
  "caption" in content ? (content as Captioned).caption : undefined

/**
 * The content with its caption replaced (copyMessage's `caption`, editMessageCaption); `showAbove` is kept only where
 * the kind can show a caption above its media. A kind without a caption slot is returned as it is.
 */
export const withCaption = (content: Content, caption: Formatted, showAbove?: boolean): Content => {
  if (!("caption" in content)) return content
  const above = showAbove !== undefined && "showCaptionAboveMedia" in content
    ? { showCaptionAboveMedia: showAbove }
    : {}
  return Object.assign({}, content, { caption }, above)
}

/** The text of a content that has one (a text message's text, a caption), for command and mention rules. */
export const textOf = (content: Content): string =>
  content.kind === "text" ? content.text : (captionOf(content)?.text ?? "")
