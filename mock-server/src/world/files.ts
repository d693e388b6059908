/**
 * The world's files: what bots and people uploaded (or a URL stood for), kept in memory and bounded, with the
 * identifiers Telegram gives them (telegram-wire-messages.md §M4): a `file_id` per bot (a file_id works only for the
 * bot that received it) in TDLib's shape — URL-safe base64 without padding of zero-run-encoded bytes that start with
 * the file type, so photos read `AgAC…` and documents `BQAC…` as real ones do, and never hold a `.` — and one
 * `file_unique_id` per content, the same for every bot.
 */
import { nodeCrypto } from "../internal/lazyBuiltin.js"

/** TDLib's file types, as the Bot API exposes files (their codes start a file_id; their folders name a file_path). */
export const FILE_TYPES = {
  thumbnail: { code: 0, folder: "thumbnails", name: "Thumbnail", extension: "jpg" },
  profile_photo: { code: 1, folder: "profile_photos", name: "ProfilePhoto", extension: "jpg" },
  photo: { code: 2, folder: "photos", name: "Photo", extension: "jpg" },
  voice: { code: 3, folder: "voice", name: "VoiceNote", extension: "oga" },
  video: { code: 4, folder: "videos", name: "Video", extension: "mp4" },
  document: { code: 5, folder: "documents", name: "Document", extension: "" },
  sticker: { code: 8, folder: "stickers", name: "Sticker", extension: "webp" },
  audio: { code: 9, folder: "music", name: "Audio", extension: "mp3" },
  animation: { code: 10, folder: "animations", name: "Animation", extension: "mp4" },
  video_note: { code: 13, folder: "video_notes", name: "VideoNote", extension: "mp4" },
  story: { code: 21, folder: "stories", name: "Story", extension: "mp4" }
} as const

/** A kind of file. */
export type FileType = keyof typeof FILE_TYPES

/** True for the document-like kinds, which TDLib lets stand for one another (a photo is not one of them). */
export const isDocumentLike = (type: FileType): boolean =>
  type !== "photo" && type !== "thumbnail" && type !== "profile_photo" && type !== "story"

/** One file: its bytes, what the uploader said of it, and the path getFile gave it (per bot). */
export interface FileRecord {
  /** Its number in this world (also the last part of its file_ids). */
  readonly number: number
  readonly type: FileType
  readonly uniqueId: string
  /** The content; a URL's stand-in is fabricated (the mock never fetches). */
  readonly bytes: Uint8Array
  /** The filename the uploader gave ("" when none). */
  readonly fileName: string
  /** The MIME type the uploader gave or the mock read from the bytes ("" when unknown). */
  readonly mimeType: string
  /** Set when the file stands for a URL it was sent as. */
  readonly url: string | undefined
  /** Where getFile put it for each bot (relative to that bot's folder). */
  readonly paths: Map<number, string>
}

/** A file_id's owner and file. */
interface IdEntry {
  readonly botId: number
  readonly file: FileRecord
}

/** TDLib's zero-run encoding: each run of zero bytes becomes a zero and the run's length. */
const zeroEncode = (bytes: Uint8Array): Uint8Array => {
  const out: Array<number> = []
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) {
      out.push(bytes[i]!)
      continue
    }
    let run = 1
    while (i + run < bytes.length && bytes[i + run] === 0 && run < 250) run++
    out.push(0, run)
    i += run - 1
  }
  return Uint8Array.from(out)
}

const base64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString("base64url")

/** The bytes a file_id is made of: type (with TDLib's file-reference flag), dc, bot, number, version byte, 0x04. */
const idBytes = (type: FileType, botId: number, number: number): Uint8Array => {
  const buffer = Buffer.alloc(4 + 4 + 8 + 8 + 2)
  buffer.writeUInt32LE(FILE_TYPES[type].code | (1 << 25), 0)
  buffer.writeUInt32LE(2, 4)
  buffer.writeBigUInt64LE(BigInt(botId), 8)
  buffer.writeBigUInt64LE(BigInt(number), 16)
  buffer[24] = 53
  buffer[25] = 4
  return buffer
}

/** A world's files and their ids, bounded by count and bytes (the oldest are forgotten first). */
export class FileStore {
  private readonly byNumber = new Map<number, FileRecord>()
  private readonly byUnique = new Map<string, FileRecord>()
  private readonly ids = new Map<string, IdEntry>()
  private readonly idOf = new Map<string, string>()
  /** Each file's ids, to forget them with it. */
  private readonly idsOfFile = new Map<number, Array<string>>()
  private nextNumber = 1
  private readonly nextPath = new Map<number, number>()
  private bytes = 0

  constructor(private readonly maxFiles: number, private readonly maxBytes: number) {}

  /** Stores a file (the same content of the same type is the same file); the record. */
  add(input: {
    readonly type: FileType
    readonly bytes: Uint8Array
    readonly fileName: string
    readonly mimeType: string
    readonly url?: string | undefined
    /** A world file's own file_unique_id (else one is made from the content). */
    readonly uniqueId?: string | undefined
  }): FileRecord {
    const digest = nodeCrypto().createHash("sha256").update(input.bytes).update(input.url ?? "").digest()
    const uniqueId = input.uniqueId ?? base64url(
      zeroEncode(Uint8Array.from([isDocumentLike(input.type) ? 1 : 2, 0, ...digest.subarray(0, 9)]))
    )
    const known = this.byUnique.get(uniqueId)
    if (known !== undefined && known.type === input.type) return known
    const file: FileRecord = {
      number: this.nextNumber++,
      type: input.type,
      uniqueId,
      bytes: input.bytes,
      fileName: input.fileName,
      mimeType: input.mimeType,
      url: input.url,
      paths: new Map()
    }
    this.byNumber.set(file.number, file)
    this.byUnique.set(uniqueId, file)
    this.bytes += file.bytes.length
    this.forgetOldest()
    return file
  }

  /** The file_id a bot knows a file by (made on first use). */
  idFor(file: FileRecord, botId: number): string {
    const key = `${botId}:${file.number}`
    let id = this.idOf.get(key)
    if (id === undefined) {
      id = base64url(zeroEncode(idBytes(file.type, botId, file.number)))
      this.remember(id, botId, file)
    }
    return id
  }

  private remember(id: string, botId: number, file: FileRecord): void {
    this.idOf.set(`${botId}:${file.number}`, id)
    this.ids.set(id, { botId, file })
    const list = this.idsOfFile.get(file.number)
    if (list === undefined) this.idsOfFile.set(file.number, [id])
    else list.push(id)
  }

  /** Registers a file_id given in a world file for a bot. */
  restoreId(id: string, botId: number, file: FileRecord): void {
    this.remember(id, botId, file)
  }

  /** The file a file_id names and whose it is, while the file is kept. */
  lookup(id: string): IdEntry | undefined {
    return this.ids.get(id)
  }

  /** The file getFile gave this path to for this bot. */
  byPath(botId: number, path: string): FileRecord | undefined {
    for (const file of this.byNumber.values()) if (file.paths.get(botId) === path) return file
    return undefined
  }

  /** The path getFile gives a file for a bot: `<type folder>/file_<n>.<ext>`, a counter per bot. */
  pathFor(file: FileRecord, botId: number): string {
    let path = file.paths.get(botId)
    if (path === undefined) {
      const n = this.nextPath.get(botId) ?? 0
      this.nextPath.set(botId, n + 1)
      const type = FILE_TYPES[file.type]
      const extension = type.extension !== "" ? type.extension : extensionOf(file.fileName)
      path = `${type.folder}/file_${n}${extension === "" ? "" : `.${extension}`}`
      file.paths.set(botId, path)
    }
    return path
  }

  /** Every file kept, oldest first, with the ids bots know it by. */
  entries(): Array<{ readonly file: FileRecord; readonly ids: Array<{ botId: number; id: string }> }> {
    return [...this.byNumber.values()].map((file) => ({
      file,
      ids: (this.idsOfFile.get(file.number) ?? []).map((id) => ({ botId: this.ids.get(id)!.botId, id }))
    }))
  }

  get size(): number {
    return this.byNumber.size
  }

  get totalBytes(): number {
    return this.bytes
  }

  /** A mark to {@link rollback} to: the files stored after it are forgotten then. */
  checkpoint(): number {
    return this.nextNumber
  }

  /**
   * Forgets the files stored since `mark` (a send that stored its files, then was refused, stores nothing). A file
   * the cap dropped meanwhile stays dropped.
   */
  rollback(mark: number): void {
    // Most refusals stored nothing: no walk over the files then (flood refusals come in bursts).
    if (this.nextNumber === mark) return
    for (const file of [...this.byNumber.values()]) if (file.number >= mark) this.forget(file)
  }

  private forgetOldest(): void {
    while (this.byNumber.size > 1 && (this.byNumber.size > this.maxFiles || this.bytes > this.maxBytes)) {
      this.forget(this.byNumber.values().next().value!)
    }
  }

  private forget(file: FileRecord): void {
    this.byNumber.delete(file.number)
    if (this.byUnique.get(file.uniqueId) === file) this.byUnique.delete(file.uniqueId)
    this.bytes -= file.bytes.length
    for (const id of this.idsOfFile.get(file.number) ?? []) {
      this.idOf.delete(`${this.ids.get(id)!.botId}:${file.number}`)
      this.ids.delete(id)
    }
    this.idsOfFile.delete(file.number)
  }
}

/** The extension of a filename, lower-cased, if it has a short one. */
const extensionOf = (fileName: string): string => {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)
  return match === null ? "" : match[1]!.toLowerCase()
}
