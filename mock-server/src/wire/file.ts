/**
 * File JSON, keys in the real server's order (Client.cpp json_store_file, JsonFile, JsonPhotoSize, JsonThumbnail,
 * JsonDocument): the file keys (file_id, file_unique_id, file_size when non-zero, file_path for getFile), a thumbnail
 * stored twice (`thumbnail` and the legacy `thumb`), a PhotoSize (file keys first), a Document (its keys first).
 */
import type { PhotoSizeRecord, ThumbnailRecord } from "../world/content.js"
import type { FileRecord } from "../world/files.js"
import type { World } from "../world/World.js"

const json = JSON.stringify

/** `"file_id":…,"file_unique_id":…[,"file_size":…]` for the bot `viewerBotId` (its own file_id). */
export const fileKeys = (world: World, file: FileRecord, viewerBotId: number): string =>
  `"file_id":${json(world.files.idFor(file, viewerBotId))},"file_unique_id":${json(file.uniqueId)}` +
  (file.bytes.length > 0 ? `,"file_size":${file.bytes.length}` : "")

/** A File as getFile answers it, with its path under the bot's folder. */
export const fileJson = (world: World, file: FileRecord, viewerBotId: number): string =>
  `{${fileKeys(world, file, viewerBotId)},"file_path":${json(world.files.pathFor(file, viewerBotId))}}`

/** A PhotoSize: the file keys, then width and height. */
export const photoSizeJson = (world: World, size: PhotoSizeRecord, viewerBotId: number): string =>
  `{${fileKeys(world, size.file, viewerBotId)},"width":${size.width},"height":${size.height}}`

/** A photo: its sizes, smallest first. */
export const photoJson = (world: World, sizes: ReadonlyArray<PhotoSizeRecord>, viewerBotId: number): string =>
  `[${sizes.map((size) => photoSizeJson(world, size, viewerBotId)).join(",")}]`

/** `,"thumbnail":…,"thumb":…` when there is a thumbnail (both keys, as the real server writes them). */
export const thumbnailKeys = (world: World, thumbnail: ThumbnailRecord | undefined, viewerBotId: number): string => {
  if (thumbnail === undefined) return ""
  const size = photoSizeJson(world, thumbnail, viewerBotId)
  return `,"thumbnail":${size},"thumb":${size}`
}

/** `"file_name":…,"mime_type":…` where set (a leading comma on each). */
export const nameAndType = (fileName: string, mimeType: string): string =>
  (fileName !== "" ? `,"file_name":${json(fileName)}` : "") + (mimeType !== "" ? `,"mime_type":${json(mimeType)}` : "")

/** A Document. */
export const documentJson = (
  world: World,
  file: FileRecord,
  thumbnail: ThumbnailRecord | undefined,
  viewerBotId: number
): string => {
  const own = nameAndType(file.fileName, file.mimeType) + thumbnailKeys(world, thumbnail, viewerBotId)
  return `{${own.slice(1)}${own === "" ? "" : ","}${fileKeys(world, file, viewerBotId)}}`
}
