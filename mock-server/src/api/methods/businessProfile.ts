/**
 * A business account's profile photos and gift settings (Client.cpp process_set_business_account_profile_photo_query,
 * process_remove_business_account_profile_photo_query, process_set_business_account_gift_settings_query,
 * get_input_chat_photo, get_accepted_gift_types): the photo is an InputProfilePhoto uploaded as a file, the settings
 * an AcceptedGiftTypes object; the rights they need are Telegram's (BOT_ACCESS_FORBIDDEN).
 */
import { readInputFile } from "../../input/inputFile.js"
import { boolField, field, parseJson } from "../../internal/JsonValue.js"
import { stringField } from "../../internal/JsonValue.js"
import type { AcceptedGiftTypes } from "../../world/business.js"
import { connectionParam, connectionRefusal } from "../business.js"
import { isApiError } from "../envelope.js"
import { resolveInputFile } from "../files/resolve.js"
import { commit, method, methods } from "../table/method.js"
import { bool, custom, raw } from "../table/params.js"
import { tdlibError } from "../tdlibError.js"

/** The `photo` parameter: `{type: "static", photo}` or `{type: "animated", animation, main_frame_timestamp?}`. */
const profilePhoto = custom("InputProfilePhoto", (input) => {
  const value = raw(input) ?? ""
  if (value === "") return tdlibError("Photo isn't specified")
  const json = parseJson(value)
  if (json === undefined) return tdlibError("Can't parse photo JSON object")
  if (json.kind !== "object") return tdlibError("Object expected as profile photo")
  const type = stringField(json, "type", true)
  if (typeof type !== "string") return tdlibError(type.message)
  if (type !== "static" && type !== "animated") return tdlibError("Invalid profile photo type specified")
  const name = type === "static" ? "photo" : "animation"
  const file = stringField(json, name, true)
  if (typeof file !== "string") return tdlibError(file.message)
  if (type === "animated") {
    const timestamp = field(json, "main_frame_timestamp")
    if (timestamp !== undefined && timestamp.kind !== "number") {
      return tdlibError(`Field "main_frame_timestamp" must be of type Number`)
    }
  }
  const ref = readInputFile(input.call.params, "", file, true)
  return ref === undefined ? tdlibError("Photo must be uploaded as a file") : { type, ref }
}, { required: true, note: "uploaded as a file (attach://)" })

/** The `accepted_gift_types` parameter (`gifts_from_channels` true when left out). */
const acceptedGiftTypes = custom("AcceptedGiftTypes", (input) => {
  const value = raw(input) ?? ""
  if (value === "") return tdlibError("Accepted gift types aren't specified")
  const json = parseJson(value)
  if (json === undefined) return tdlibError("Can't parse accepted gift types JSON object")
  if (json.kind !== "object") return tdlibError("Object expected as accepted gift types")
  const out: Record<string, boolean> = {}
  for (const name of ["unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription"]) {
    const flag = boolField(json, name, true)
    if (typeof flag !== "boolean") return tdlibError(flag.message)
    out[name] = flag
  }
  const channels = field(json, "gifts_from_channels") === undefined ? true : boolField(json, "gifts_from_channels")
  if (typeof channels !== "boolean") return tdlibError(channels.message)
  return { ...out, gifts_from_channels: channels } as unknown as AcceptedGiftTypes
}, { required: true })

/** setBusinessAccountProfilePhoto, removeBusinessAccountProfilePhoto, setBusinessAccountGiftSettings. */
export const businessProfileMethods = methods({
  setBusinessAccountProfilePhoto: method({
    family: "business",
    summary: "the account's profile photo, or its public one (`is_public`); needs can_edit_profile_photo",
    params: {
      business_connection_id: custom("String", (input) => raw(input) ?? ""),
      photo: profilePhoto,
      is_public: bool
    },
    run: (p, call) => {
      const connection = connectionParam.read({ name: "business_connection_id", call, earlier: {} })
      if (isApiError(connection)) return connection
      const refusal = connectionRefusal(connection, "can_edit_profile_photo")
      if (refusal !== undefined) return refusal
      return commit(undefined, () => {
        const file = resolveInputFile(
          call.world,
          call.botId,
          p.photo.ref,
          p.photo.type === "static" ? "photo" : "animation"
        )
        if (isApiError(file)) return file
        if (p.is_public) connection.photos.public = file
        else connection.photos.main = file
        return "true"
      })
    }
  }),
  removeBusinessAccountProfilePhoto: method({
    family: "business",
    summary: "removes the account's profile photo, or its public one; needs can_edit_profile_photo",
    params: { business_connection_id: connectionParam, is_public: bool },
    run: (p) => {
      const connection = p.business_connection_id
      const refusal = connectionRefusal(connection, "can_edit_profile_photo")
      if (refusal !== undefined) return refusal
      return commit(undefined, () => {
        if (p.is_public) connection.photos.public = undefined
        else connection.photos.main = undefined
        return "true"
      })
    }
  }),
  setBusinessAccountGiftSettings: method({
    family: "business",
    summary: "which gifts the account accepts and whether it shows the gift button; needs can_change_gift_settings",
    params: {
      business_connection_id: custom("String", (input) => raw(input) ?? ""),
      show_gift_button: bool,
      accepted_gift_types: acceptedGiftTypes
    },
    run: (p, call) => {
      const connection = connectionParam.read({ name: "business_connection_id", call, earlier: {} })
      if (isApiError(connection)) return connection
      const refusal = connectionRefusal(connection, "can_change_gift_settings")
      if (refusal !== undefined) return refusal
      return commit(undefined, () => {
        connection.giftSettings = { showGiftButton: p.show_gift_button, accepted: p.accepted_gift_types }
        return "true"
      })
    }
  })
})
