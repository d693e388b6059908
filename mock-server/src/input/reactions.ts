/**
 * setMessageReaction's `reaction` (Client.cpp get_reaction_types, get_reaction_type): a JSON array of ReactionType,
 * missing or empty for none; each failure is the real text (`can't parse ReactionType: …`). Paid reactions are not
 * accepted from bots.
 */
import type { ApiError } from "../internal/apiError.js"
import { field, FieldError, type JsonValue, parseJson, stringField } from "../internal/JsonValue.js"
import type { ReactionType } from "../world/reactions.js"
import { badRequest } from "./formatted.js"

/**
 * TDLib's get_required_long_field, keeping the value as decimal text (a custom emoji id does not fit a double): a
 * JSON number or a string holding a canonical 64-bit integer.
 */
const longField = (object: Extract<JsonValue, { kind: "object" }>, name: string): string | FieldError => {
  const value = field(object, name)
  if (value === undefined) return new FieldError(`Can't find field "${name}"`)
  const text = value.kind === "string" ? value.value : value.kind === "number" ? value.text : undefined
  if (text === undefined) return new FieldError(`Field "${name}" must be a Number`)
  const big = /^(0|-?[1-9][0-9]{0,18})$/.test(text) ? BigInt(text) : undefined
  return big === undefined || big >= 2n ** 63n || big < -(2n ** 63n)
    ? new FieldError(`Field "${name}" must be a valid Number`)
    : big.toString()
}

const readReaction = (value: JsonValue): ReactionType | string => {
  if (value.kind !== "object") return "expected an Object"
  const type = stringField(value, "type", true)
  if (type instanceof FieldError) return type.message
  if (type === "emoji") {
    const emoji = stringField(value, "emoji", true)
    return emoji instanceof FieldError ? emoji.message : { kind: "emoji", emoji }
  }
  if (type === "custom_emoji") {
    const id = longField(value, "custom_emoji_id")
    return id instanceof FieldError ? id.message : { kind: "custom_emoji", customEmojiId: id }
  }
  return "invalid reaction type specified"
}

/** The reactions a `reaction` parameter names. */
export const readReactions = (param: string | undefined): ReadonlyArray<ReactionType> | ApiError => {
  if (param === undefined || param === "") return []
  const json = parseJson(param)
  if (json === undefined) return badRequest("Can't parse reaction types JSON object")
  if (json.kind !== "array") return badRequest("Expected an Array of ReactionType")
  const reactions: Array<ReactionType> = []
  for (const item of json.items) {
    const reaction = readReaction(item)
    if (typeof reaction === "string") return badRequest(`Can't parse ReactionType: ${reaction}`)
    reactions.push(reaction)
  }
  return reactions
}
