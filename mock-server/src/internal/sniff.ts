/**
 * What the mock reads from a file's first bytes instead of transcoding it (a deliberate difference: Telegram reads
 * the media itself): the MIME type, and a picture's width and height for PNG, JPEG, GIF and WebP.
 */

const starts = (bytes: Uint8Array, ...prefix: ReadonlyArray<number>): boolean =>
  prefix.every((byte, i) => bytes[i] === byte)

/** The MIME type the bytes show, else the one the upload named, else one from the filename's extension (or ""). */
export const sniffMimeType = (bytes: Uint8Array, declared: string, fileName: string): string => {
  if (starts(bytes, 0x89, 0x50, 0x4e, 0x47)) return "image/png"
  if (starts(bytes, 0xff, 0xd8, 0xff)) return "image/jpeg"
  if (starts(bytes, 0x47, 0x49, 0x46, 0x38)) return "image/gif"
  if (starts(bytes, 0x52, 0x49, 0x46, 0x46) && starts(bytes.subarray(8), 0x57, 0x45, 0x42, 0x50)) return "image/webp"
  if (starts(bytes, 0x25, 0x50, 0x44, 0x46)) return "application/pdf"
  if (starts(bytes, 0x4f, 0x67, 0x67, 0x53)) return "audio/ogg"
  if (starts(bytes, 0x50, 0x4b, 0x03, 0x04)) return "application/zip"
  if (starts(bytes.subarray(4), 0x66, 0x74, 0x79, 0x70)) return "video/mp4"
  const type = declared.split(";")[0]!.trim().toLowerCase()
  if (/^[a-z]+\/[a-z0-9.+-]+$/.test(type) && type !== "application/octet-stream") return type
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  return extension === undefined ? "" : EXTENSIONS[extension] ?? ""
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  pdf: "application/pdf",
  zip: "application/zip",
  mp3: "audio/mpeg",
  ogg: "audio/ogg",
  oga: "audio/ogg",
  m4a: "audio/mp4",
  mp4: "video/mp4",
  webm: "video/webm",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp"
}

/** A picture's width and height from its header (PNG, JPEG, GIF, WebP), or undefined. */
export const pictureSize = (bytes: Uint8Array): { readonly width: number; readonly height: number } | undefined => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (starts(bytes, 0x89, 0x50, 0x4e, 0x47) && bytes.length >= 24) {
    return { width: view.getUint32(16), height: view.getUint32(20) }
  }
  if (starts(bytes, 0x47, 0x49, 0x46, 0x38) && bytes.length >= 10) {
    return { width: view.getUint16(6, true), height: view.getUint16(8, true) }
  }
  if (starts(bytes, 0xff, 0xd8)) {
    let i = 2
    while (i + 9 < bytes.length && bytes[i] === 0xff) {
      const marker = bytes[i + 1]!
      const length = view.getUint16(i + 2)
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: view.getUint16(i + 7), height: view.getUint16(i + 5) }
      }
      i += 2 + length
    }
    return undefined
  }
  if (starts(bytes, 0x52, 0x49, 0x46, 0x46) && bytes.length >= 30 && starts(bytes.subarray(12), 0x56, 0x50, 0x38)) {
    const chunk = bytes[15]
    if (chunk === 0x20) return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff }
    if (chunk === 0x4c) {
      const bits = view.getUint32(21, true)
      return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 }
    }
    if (chunk === 0x58) {
      const w = 1 + (bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16))
      const h = 1 + (bytes[27]! | (bytes[28]! << 8) | (bytes[29]! << 16))
      return { width: w, height: h }
    }
  }
  return undefined
}
