/** Content-Encoding as the real server takes it: gzip and deflate are read, anything else is 415. */
import type * as Zlib from "node:zlib"
import { MAX_BODY_BYTES } from "../Wire.js"
import { lazyBuiltin } from "./lazyBuiltin.js"

/** Loaded by the first compressed body, not by every start. */
const zlib = lazyBuiltin<typeof Zlib>("node:zlib")

/** The decoded body, or the bare status the real server answers. */
export const decodeContentEncoding = (
  encoding: string | undefined,
  body: Uint8Array
): Uint8Array | { readonly status: 400 | 413 | 415 } => {
  const value = encoding?.trim().toLowerCase() ?? ""
  if (value === "" || value === "identity") return body
  if (value !== "gzip" && value !== "x-gzip" && value !== "deflate") return { status: 415 }
  const options = { maxOutputLength: MAX_BODY_BYTES + 1 }
  try {
    const out = value === "deflate" ? inflateWithOrWithoutHeader(body, options) : zlib().gunzipSync(body, options)
    return out.length > MAX_BODY_BYTES ? { status: 413 } : out
  } catch (error) {
    return (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? { status: 413 } : { status: 400 }
  }
}

// "deflate" is meant to be zlib-wrapped, but many clients send raw deflate.
const inflateWithOrWithoutHeader = (body: Uint8Array, options: { maxOutputLength: number }): Uint8Array => {
  try {
    return zlib().inflateSync(body, options)
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw error
    return zlib().inflateRawSync(body, options)
  }
}
