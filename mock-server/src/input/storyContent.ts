/**
 * How the real server reads a story (Client.cpp get_input_story_content, get_input_story_areas,
 * get_input_story_area, get_input_story_area_type): the InputStoryContent object (a photo or a video, uploaded as a
 * file) and the areas' JSON with their positions and types. Refusals are the server's texts with their capitals.
 */
import { field, type JsonValue, parseJson, stringField } from "../internal/JsonValue.js"
import type { Params } from "../internal/Params.js"
import { type InputFileRef, readInputFile } from "./inputFile.js"

type Refusal = { readonly refusal: string }
const fail = (refusal: string): Refusal => ({ refusal })

/** A story's content as the request gives it. */
export interface StoryContentInput {
  readonly type: "photo" | "video"
  readonly ref: InputFileRef
}

/** The `content` parameter. */
export const readStoryContent = (params: Params, text: string | undefined): StoryContentInput | Refusal => {
  if (text === undefined || text === "") return fail("Story content isn't specified")
  const json = parseJson(text)
  if (json === undefined) return fail("Can't parse story content JSON object")
  if (json.kind !== "object") return fail("Object expected as story content")
  const type = stringField(json, "type", true)
  if (typeof type !== "string") return fail(type.message)
  if (type !== "photo" && type !== "video") return fail("Invalid story content type specified")
  const file = stringField(json, type, true)
  if (typeof file !== "string") return fail(file.message)
  if (type === "video") {
    for (const name of ["duration", "cover_frame_timestamp"]) {
      const value = field(json, name)
      if (value !== undefined && value.kind !== "number") return fail(`Field "${name}" must be of type Number`)
    }
    const animation = field(json, "is_animation")
    if (animation !== undefined && animation.kind !== "boolean") {
      return fail(`Field "is_animation" must be of type Boolean`)
    }
  }
  const ref = readInputFile(params, "", file, true)
  return ref === undefined ? fail(`Story ${type} must be uploaded as a file`) : { type, ref }
}

const REQUIRED_DOUBLES: Readonly<Record<string, ReadonlyArray<string>>> = {
  position: [
    "x_percentage",
    "y_percentage",
    "width_percentage",
    "height_percentage",
    "rotation_angle",
    "corner_radius_percentage"
  ],
  location: ["latitude", "longitude"],
  weather: ["temperature"]
}

const doubles = (object: Extract<JsonValue, { kind: "object" }>, names: ReadonlyArray<string>): Refusal | undefined => {
  for (const name of names) {
    const value = field(object, name)
    if (value === undefined) return fail(`Can't find field "${name}"`)
    if (value.kind !== "number") return fail(`Field "${name}" must be of type Number`)
  }
  return undefined
}

/** One StoryAreaType object's own fields. */
const areaTypeRefusal = (type: Extract<JsonValue, { kind: "object" }>): Refusal | undefined => {
  const name = stringField(type, "type", true)
  if (typeof name !== "string") return fail(name.message)
  const needs: Readonly<Record<string, ReadonlyArray<[string, JsonValue["kind"]]>>> = {
    location: [],
    suggested_reaction: [["reaction_type", "object"]],
    link: [["url", "string"]],
    weather: [["emoji", "string"], ["background_color", "number"]],
    unique_gift: [["name", "string"]]
  }
  const fields = needs[name]
  if (fields === undefined) return fail("invalid story area type specified")
  const missing = doubles(type, REQUIRED_DOUBLES[name] ?? [])
  if (missing !== undefined) return missing
  for (const [key, kind] of fields) {
    const value = field(type, key)
    if (value === undefined) return fail(`Can't find field "${key}"`)
    if (value.kind !== kind && !(kind === "string" && value.kind === "number")) {
      return fail(
        `Field "${key}" must be of type ${kind === "object" ? "Object" : kind === "number" ? "Number" : "String"}`
      )
    }
  }
  return undefined
}

/** The `areas` parameter: absent is none; each area a position and a type. */
export const storyAreasRefusal = (text: string | undefined): Refusal | undefined => {
  if (text === undefined || text === "") return undefined
  const json = parseJson(text)
  if (json === undefined) return fail("Can't parse story areas JSON object")
  if (json.kind !== "array") return fail("Expected an Array of InputStoryArea")
  for (const area of json.items) {
    const refusal = areaRefusal(area)
    if (refusal !== undefined) return fail(`Can't parse InputStoryArea: ${refusal.refusal}`)
  }
  return undefined
}

const areaRefusal = (area: JsonValue): Refusal | undefined => {
  if (area.kind !== "object") return fail("expected an Object")
  const position = field(area, "position")
  if (position === undefined) return fail(`Can't find field "position"`)
  if (position.kind !== "object") return fail(`Field "position" must be of type Object`)
  const bad = doubles(position, REQUIRED_DOUBLES["position"]!)
  if (bad !== undefined) return bad
  const type = field(area, "type")
  if (type === undefined) return fail(`Can't find field "type"`)
  if (type.kind !== "object") return fail(`Field "type" must be of type Object`)
  return areaTypeRefusal(type)
}
