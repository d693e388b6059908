/**
 * setPassportDataErrors' `errors` as the real server reads them (Client.cpp get_passport_element_errors,
 * get_passport_element_error, get_passport_element_error_source, get_passport_element_hash): a JSON array of
 * PassportElementError objects, each with a known type, a message and a source with its base64 hashes. Refusals are
 * the server's texts with their capitals; the data hashes are kept to check their size (Telegram's rule).
 */
import { field, type JsonValue, parseJson, stringField } from "../internal/JsonValue.js"

type Refusal = { readonly refusal: string }
const fail = (refusal: string): Refusal => ({ refusal })

const TYPES = new Set([
  "personal_details",
  "passport",
  "driver_license",
  "identity_card",
  "internal_passport",
  "address",
  "utility_bill",
  "bank_statement",
  "rental_agreement",
  "passport_registration",
  "temporary_registration",
  "phone_number",
  "email"
])
const FILE_SOURCES = new Set(["file", "selfie", "translation_file", "front_side", "reverse_side"])

/** td::is_base64: padded standard base64. */
const isBase64 = (text: string): boolean =>
  text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text) && !/=[^=]/.test(text)

/** A hash field, base64; its decoded size. */
const hash = (object: Extract<JsonValue, { kind: "object" }>, name: string): number | Refusal => {
  const value = stringField(object, name, true)
  if (typeof value !== "string") return fail(value.message)
  return isBase64(value) ? Buffer.from(value, "base64").length : fail("hash isn't a valid base64-encoded string")
}

/** One error's source (`unspecified` when absent); the size of its data hash, when it has one. */
const source = (object: Extract<JsonValue, { kind: "object" }>): { dataHashBytes: number | undefined } | Refusal => {
  const name = stringField(object, "source")
  if (typeof name !== "string") return fail(name.message)
  if (name === "" || name === "unspecified") {
    const size = hash(object, "element_hash")
    return typeof size === "number" ? { dataHashBytes: undefined } : size
  }
  if (name === "data") {
    const size = hash(object, "data_hash")
    if (typeof size !== "number") return size
    const fieldName = stringField(object, "field_name", true)
    return typeof fieldName === "string" ? { dataHashBytes: size } : fail(fieldName.message)
  }
  if (FILE_SOURCES.has(name)) {
    const size = hash(object, "file_hash")
    return typeof size === "number" ? { dataHashBytes: undefined } : size
  }
  if (name === "files" || name === "translation_files") {
    const hashes = field(object, "file_hashes")
    if (hashes === undefined) return fail(`Can't find field "file_hashes"`)
    if (hashes.kind !== "array") return fail(`Field "file_hashes" must be of type Array`)
    for (const item of hashes.items) {
      if (item.kind !== "string") return fail("hash must be a string")
      if (!isBase64(item.value)) return fail("hash isn't a valid base64-encoded string")
    }
    return { dataHashBytes: undefined }
  }
  return fail("wrong source specified")
}

/** The errors; each data hash's size (a SHA-256 hash has 32 bytes), for Telegram's check. */
export const readPassportErrors = (text: string): ReadonlyArray<{ dataHashBytes: number | undefined }> | Refusal => {
  const json = parseJson(text)
  if (json === undefined) return fail("Can't parse errors JSON object")
  if (json.kind !== "array") return fail("Expected an Array of PassportElementError")
  const out: Array<{ dataHashBytes: number | undefined }> = []
  for (const item of json.items) {
    const read = readError(item)
    if ("refusal" in read) return fail(`Can't parse PassportElementError: ${read.refusal}`)
    out.push(read)
  }
  return out
}

const readError = (item: JsonValue): { dataHashBytes: number | undefined } | Refusal => {
  if (item.kind !== "object") return fail("expected an Object")
  const type = stringField(item, "type", true)
  if (typeof type !== "string") return fail(type.message)
  if (!TYPES.has(type)) return fail("wrong Telegram Passport element type specified")
  const message = stringField(item, "message", true)
  if (typeof message !== "string") return fail(message.message)
  return source(item)
}
