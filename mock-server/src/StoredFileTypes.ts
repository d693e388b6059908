/** The files a world file may hold (WorldSnapshot `files`): their kinds, content and the file_ids bots know them by. */

/** A kind of file, as the Bot API sends it (photo, document, voice, video, sticker, …). */
export type StoredFileType =
  | "thumbnail"
  | "profile_photo"
  | "photo"
  | "voice"
  | "video"
  | "document"
  | "sticker"
  | "audio"
  | "animation"
  | "video_note"
  | "story"

/**
 * A file the world keeps, with the file_ids bots know it by: a world file may hold files so that the file_ids a bot
 * was given (or has written in its code) keep working. Its content is base64; a snapshot holds the newest files of at
 * most 64 KiB each, 512 KiB in all (so that it stays a body `PUT /__mock/world` takes), and leaves the others out.
 */
export interface StoredFile {
  readonly type: StoredFileType
  /** The bytes, base64. */
  readonly content_base64: string
  readonly file_name?: string | undefined
  readonly mime_type?: string | undefined
  /** The URL it stands for, when a bot sent it as one (its content is the URL's text). */
  readonly url?: string | undefined
  /** Its file_unique_id; made from the content when left out. */
  readonly file_unique_id?: string | undefined
  /** The file_id each bot knows it by (any TDLib-shaped id: base64url ending in the byte 0x04). */
  readonly file_ids?: ReadonlyArray<{ readonly bot_id: number; readonly file_id: string }> | undefined
}
