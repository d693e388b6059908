/**
 * The world's files in the world-file format, both ways (WorldSnapshot `files`): a snapshot holds the newest files of
 * at most 64 KiB each and 512 KiB in all, base64 with their names and the file_ids bots know them by, so that it stays
 * a body `PUT /__mock/world` takes (1 MiB); larger and older files are traffic, left out like messages. A world file's
 * files are stored again with their ids, so a file_id a bot was given keeps working.
 */
import type { StoredFile } from "../WorldSnapshot.js"
import type { World } from "./World.js"

/** The largest file a snapshot holds, and the most bytes of files it holds in all. */
export const SNAPSHOT_FILE_BYTES = 64 * 1024
export const SNAPSHOT_FILES_BYTES = 512 * 1024

/** The files a snapshot holds, oldest first; undefined when there are none. */
export const filesData = (world: World): Array<StoredFile> | undefined => {
  const kept: Array<StoredFile> = []
  let total = 0
  for (const { file, ids } of world.files.entries().reverse()) {
    if (file.bytes.length > SNAPSHOT_FILE_BYTES || total + file.bytes.length > SNAPSHOT_FILES_BYTES) continue
    total += file.bytes.length
    kept.push({
      type: file.type,
      content_base64: Buffer.from(file.bytes).toString("base64"),
      ...(file.fileName !== "" ? { file_name: file.fileName } : {}),
      ...(file.mimeType !== "" ? { mime_type: file.mimeType } : {}),
      ...(file.url !== undefined ? { url: file.url } : {}),
      file_unique_id: file.uniqueId,
      file_ids: ids.map(({ botId, id }) => ({ bot_id: botId, file_id: id }))
    })
  }
  return kept.length === 0 ? undefined : kept.reverse()
}

/** Stores a world file's files (the caps still bound them) and the ids bots know them by. */
export const restoreFiles = (world: World, files: ReadonlyArray<StoredFile>): void => {
  for (const stored of files) {
    const file = world.files.add({
      type: stored.type,
      bytes: new Uint8Array(Buffer.from(stored.content_base64, "base64")),
      fileName: stored.file_name ?? "",
      mimeType: stored.mime_type ?? "",
      url: stored.url,
      uniqueId: stored.file_unique_id
    })
    for (const { bot_id, file_id } of stored.file_ids ?? []) world.files.restoreId(file_id, bot_id, file)
  }
}
