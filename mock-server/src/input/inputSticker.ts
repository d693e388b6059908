/**
 * How the real server reads stickers for sticker sets (Client.cpp get_input_sticker, get_input_stickers,
 * get_legacy_input_sticker, get_sticker_emojis, get_mask_position, get_sticker_format): an InputSticker JSON object
 * (its file, format, emoji list, mask position, keywords), the legacy `png_sticker` / `tgs_sticker` / `webm_sticker`
 * form, and the emoji list and mask position parameters. Errors are TDLib's texts with their capitals (the caller
 * adds the prefix and lower-cases the first letter as the server does).
 */
import { type JsonValue, parseJson, stringField } from "../internal/JsonValue.js"
import type { Params } from "../internal/Params.js"
import type { MaskPosition, StickerFormat } from "../WorldSnapshotTail.js"
import { type InputFileRef, readInputFile } from "./inputFile.js"

/** A refusal: the text the server answers, before its first letter is lower-cased. */
export interface StickerRefusal {
  readonly refusal: string
}

/** A sticker as a request gives it. */
export interface InputStickerSpec {
  readonly ref: InputFileRef
  /** undefined: `auto` (TDLib guesses it from the set). */
  readonly format: StickerFormat | undefined
  readonly emojis: ReadonlyArray<string>
  readonly mask: MaskPosition | undefined
  readonly keywords: ReadonlyArray<string>
}

const fail = (refusal: string): StickerRefusal => ({ refusal })
const isRefusal = (value: unknown): value is StickerRefusal =>
  typeof value === "object" && value !== null && "refusal" in value

/** `static`, `animated`, `video`, or `auto` (undefined); anything else is refused. */
export const readStickerFormat = (text: string): StickerFormat | undefined | StickerRefusal =>
  text === "static" || text === "animated" || text === "video"
    ? text
    : text === "auto"
    ? undefined
    : fail("Invalid sticker format specified")

// TDLib's is_emoji knows Unicode's emoji; a fully qualified emoji, or one pictograph with an optional selector.
// Made on first use: V8 expands \p{RGI_Emoji} when the expression is built (~12 ms) and compiles it on its first test
// (~15 ms), which every start of the mock paid at load time for a check only sticker calls make.
let rgiEmoji: RegExp | undefined
const PICTOGRAPH = /^\p{Extended_Pictographic}\uFE0F?$/u

/** True for one emoji, as TDLib's is_emoji decides (approximated with Unicode's emoji properties). */
export const isEmoji = (text: string): boolean =>
  (rgiEmoji ??= new RegExp("^\\p{RGI_Emoji}$", "v")).test(text) || PICTOGRAPH.test(text)

/** An emoji list (get_sticker_emojis): 1-20 strings, each an emoji. */
export const readEmojiList = (value: JsonValue): ReadonlyArray<string> | StickerRefusal => {
  if (value.kind !== "array") return fail("expected an Array of string")
  if (value.items.length === 0) return fail("emoji list must be non-empty")
  if (value.items.length > 20) return fail("too many emoji specified")
  const out: Array<string> = []
  for (const item of value.items) {
    if (item.kind !== "string") return fail("emoji must be a string")
    if (!isEmoji(item.value)) return fail("expected a Unicode emoji")
    out.push(item.value)
  }
  return out
}

/** The `emoji_list` parameter (setStickerEmojiList). */
export const readEmojiListParam = (text: string): ReadonlyArray<string> | StickerRefusal => {
  const json = parseJson(text)
  if (json === undefined) return fail("Can't parse emoji list JSON array")
  const list = readEmojiList(json)
  return isRefusal(list) ? fail(`Can't parse emoji list: ${list.refusal}`) : list
}

const POINTS = ["forehead", "eyes", "mouth", "chin"] as const

/** A double field: a JSON number. */
const doubleField = (fields: ReadonlyArray<readonly [string, JsonValue]>, name: string): number | StickerRefusal => {
  const value = fields.find(([key]) => key === name)?.[1]
  if (value === undefined) return fail(`Can't find field "${name}"`)
  if (value.kind !== "number") return fail(`Field "${name}" must be of type Number`)
  return Number(value.text)
}

/** A MaskPosition object (null: none). */
export const readMaskPosition = (value: JsonValue | undefined): MaskPosition | undefined | StickerRefusal => {
  if (value === undefined || value.kind === "null") return undefined
  if (value.kind !== "object") return fail("MaskPosition must be an Object")
  const point = stringField(value, "point", true)
  if (typeof point !== "string") return fail(point.message)
  const name = point.trim().toLowerCase()
  const known = POINTS.find((candidate) => candidate === name)
  if (known === undefined) return fail("Wrong point specified in MaskPosition")
  const shifts: Array<number> = []
  for (const field of ["x_shift", "y_shift", "scale"]) {
    const number = doubleField(value.fields, field)
    if (isRefusal(number)) return number
    shifts.push(number)
  }
  return { point: known, x_shift: shifts[0]!, y_shift: shifts[1]!, scale: shifts[2]! }
}

/** The `mask_position` parameter: empty is none. */
export const readMaskPositionParam = (text: string | undefined): MaskPosition | undefined | StickerRefusal => {
  if (text === undefined || text === "") return undefined
  const json = parseJson(text)
  if (json === undefined) return fail("Can't parse mask position JSON object")
  const mask = readMaskPosition(json)
  return isRefusal(mask) ? fail(`Can't parse mask position: ${mask.refusal}`) : mask
}

/** An array of keyword strings. */
const readKeywords = (value: JsonValue): ReadonlyArray<string> | StickerRefusal => {
  if (value.kind !== "array") return fail(`Field "keywords" must be of type Array`)
  const out: Array<string> = []
  for (const item of value.items) {
    if (item.kind !== "string") return fail("keyword must be a string")
    out.push(item.value)
  }
  return out
}

/** One InputSticker object; `defaultFormat` "" makes `format` required, "auto" lets TDLib guess. */
export const readInputSticker = (
  params: Params,
  value: JsonValue,
  defaultFormat: string
): InputStickerSpec | StickerRefusal => {
  if (value.kind !== "object") return fail("InputSticker must be an Object")
  const sticker = stringField(value, "sticker")
  if (typeof sticker !== "string") return fail(sticker.message)
  const ref = readInputFile(params, "", sticker)
  if (ref === undefined) return fail("sticker not found")
  let formatText = stringField(value, "format", defaultFormat === "")
  if (typeof formatText !== "string") return fail(formatText.message)
  if (formatText === "") formatText = defaultFormat
  const format = readStickerFormat(formatText)
  if (isRefusal(format)) return format
  const emojiList = value.fields.find(([key]) => key === "emoji_list")?.[1]
  if (emojiList === undefined) return fail(`Can't find field "emoji_list"`)
  if (emojiList.kind !== "array") return fail(`Field "emoji_list" must be of type Array`)
  const emojis = readEmojiList(emojiList)
  if (isRefusal(emojis)) return emojis
  const mask = readMaskPosition(value.fields.find(([key]) => key === "mask_position")?.[1])
  if (isRefusal(mask)) return mask
  const keywordsValue = value.fields.find(([key]) => key === "keywords")?.[1]
  const keywords = keywordsValue === undefined ? [] : readKeywords(keywordsValue)
  if (isRefusal(keywords)) return keywords
  return { ref, format, emojis, mask, keywords }
}

/** The legacy one-sticker form: `png_sticker` (any file), `tgs_sticker` or `webm_sticker` (uploads), `emojis`. */
export const readLegacySticker = (params: Params): InputStickerSpec | StickerRefusal => {
  const emojis = params.get("emojis") ?? ""
  const png = readInputFile(params, "png_sticker")
  if (png !== undefined) {
    const mask = readMaskPositionParam(params.get("mask_position"))
    if (isRefusal(mask)) return mask
    return { ref: png, format: "static", emojis: emojis === "" ? [] : [emojis], mask, keywords: [] }
  }
  for (const [name, format, what] of [["tgs_sticker", "animated", "animated"], ["webm_sticker", "video", "video"]]) {
    const ref = readInputFile(params, name!, undefined, true)
    if (ref !== undefined) {
      return {
        ref,
        format: format as StickerFormat,
        emojis: emojis === "" ? [] : [emojis],
        mask: undefined,
        keywords: []
      }
    }
    if ((params.get(name!) ?? "") !== "") return fail(`Bad Request: ${what} sticker must be uploaded as an InputFile`)
  }
  return fail("Bad Request: there is no sticker file in the request")
}

/** The `sticker` parameter of addStickerToSet and replaceStickerInSet (JSON), else the legacy form. */
export const readStickerParam = (params: Params): InputStickerSpec | StickerRefusal => {
  if (params.get("sticker") === undefined && params.file("sticker") === undefined) return readLegacySticker(params)
  const json = parseJson(params.get("sticker") ?? "")
  if (json === undefined) return fail("Can't parse sticker JSON object")
  const sticker = readInputSticker(params, json, "auto")
  return isRefusal(sticker) ? fail(`Can't parse sticker: ${sticker.refusal}`) : sticker
}

/** The `stickers` parameter of createNewStickerSet (at most 50), else the legacy one-sticker form. */
export const readStickersParam = (params: Params): ReadonlyArray<InputStickerSpec> | StickerRefusal => {
  const text = params.get("stickers")
  if (text === undefined) {
    const legacy = readLegacySticker(params)
    return isRefusal(legacy) ? legacy : [legacy]
  }
  const json = parseJson(text)
  if (json === undefined) return fail("Can't parse stickers JSON object")
  if (json.kind !== "array") return fail("Expected an Array of InputSticker")
  if (json.items.length > 50) return fail("Too many stickers specified")
  const out: Array<InputStickerSpec> = []
  for (const item of json.items) {
    const sticker = readInputSticker(params, item, params.get("sticker_format") ?? "")
    if (isRefusal(sticker)) return fail(`Can't parse InputSticker: ${sticker.refusal}`)
    out.push(sticker)
  }
  return out
}

export { isRefusal as isStickerRefusal }
