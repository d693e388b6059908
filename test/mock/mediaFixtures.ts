/** Small files the media suites upload (headers the mock reads, bytes it must give back), and a multipart helper. */
import { DEFAULT_BOT_TOKEN } from "telegram-bot-api-mock"
import { expect } from "vitest"
import type { Transport } from "./conformance.js"
import type { Envelope } from "./wireClient.js"

/** A PNG's first bytes with the given size in its IHDR chunk (what the mock reads), then some pixels' worth. */
export const png = (width: number, height: number): Uint8Array => {
  const bytes = Buffer.alloc(64)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0)
  bytes.writeUInt32BE(13, 8)
  bytes.write("IHDR", 12, "latin1")
  bytes.writeUInt32BE(width, 16)
  bytes.writeUInt32BE(height, 20)
  for (let i = 24; i < 64; i++) bytes[i] = (i * 37) % 256
  return new Uint8Array(bytes)
}

/** A GIF's first bytes with the given size (little-endian in its logical screen descriptor). */
export const gif = (width: number, height: number): Uint8Array => {
  const bytes = Buffer.alloc(32)
  bytes.write("GIF89a", 0, "latin1")
  bytes.writeUInt16LE(width, 6)
  bytes.writeUInt16LE(height, 8)
  return new Uint8Array(bytes)
}

/** Every byte value twice: a binary file text decoding would damage. */
export const BINARY = new Uint8Array(512).map((_, i) => i % 256)

/** A gzip-headed file (what an animated TGS sticker is) and a WebM-headed one (a video sticker). */
export const TGS = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4])
export const WEBM = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3, 4])

/** A multipart request to a Bot API method (a `[Blob, filename]` field is a file part). */
export const multipart = async (
  t: Transport,
  method: string,
  fields: Record<string, string | [Blob, string]>,
  token = DEFAULT_BOT_TOKEN
): Promise<Envelope> => {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) form.append(key, value[0], value[1])
    else form.append(key, value)
  }
  const response = await t.request(`/bot${token}/${method}`, { method: "POST", body: form })
  const body = (await response.json()) as Envelope
  expect(response.status).toBe(body.ok ? 200 : body.error_code)
  return body
}

/** A file part. */
export const part = (bytes: Uint8Array, name: string, type = ""): [Blob, string] => [
  new Blob([new Uint8Array(bytes)], { type }),
  name
]

/** The bytes of a downloaded file (`/file/bot<token>/<file_path>`). */
export const download = async (t: Transport, path: string, token = DEFAULT_BOT_TOKEN): Promise<Buffer> => {
  const response = await t.request(`/file/bot${token}/${path}`)
  expect(response.status).toBe(200)
  return Buffer.from(await response.arrayBuffer())
}
