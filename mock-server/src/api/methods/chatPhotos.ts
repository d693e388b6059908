/**
 * Photos of chats and of the bot (telegram-wire-chats.md §16.7, Client.cpp get_input_chat_photo): setChatPhoto and
 * deleteChatPhoto (an upload only; the rights to change info; a `new_chat_photo` or `delete_chat_photo` message the bot
 * gets too; getChat's `photo`), setMyProfilePhoto and removeMyProfilePhoto (getUserProfilePhotos lists the bot's).
 * The mock does not resize: a chat photo's small and big files are the upload itself.
 */
import { postService } from "../../events/chatService.js"
import { readInputFile } from "../../input/inputFile.js"
import { field, FieldError, parseJson, stringField } from "../../internal/JsonValue.js"
import type { Params } from "../../internal/Params.js"
import { pictureSize } from "../../internal/sniff.js"
import { botProfile } from "../../world/botProfile.js"
import type { PhotoSizeRecord } from "../../world/content.js"
import type { FileType } from "../../world/files.js"
import type { World } from "../../world/World.js"
import { holds } from "../adminRights.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { resolveInputFile } from "../files/resolve.js"
import { commit, method, methods } from "../table/method.js"
import { chat, custom } from "../table/params.js"

const bad = (text: string): ApiError => apiError(400, `Bad Request: ${text}`)

/** An upload TDLib takes as a picture: its checks, then Telegram's (a file that is no picture can't be processed). */
const picture = (
  world: World,
  botId: number,
  ref: Parameters<typeof resolveInputFile>[2],
  type: FileType
): PhotoSizeRecord | ApiError => {
  const file = resolveInputFile(world, botId, ref, type)
  if (isApiError(file)) return file
  if (type === "animation") return { file, width: 640, height: 640 }
  const size = pictureSize(file.bytes)
  return size === undefined ? bad("IMAGE_PROCESS_FAILED") : { file, ...size }
}

/** InputProfilePhoto: `{type: "static", photo: "attach://…"}` or `{type: "animated", animation: "attach://…"}`. */
const readProfilePhoto = (params: Params): { ref: ReturnType<typeof readInputFile>; type: FileType } | ApiError => {
  const text = params.get("photo") ?? ""
  if (text === "") return bad("photo isn't specified")
  const json = parseJson(text)
  if (json === undefined) return bad("can't parse photo JSON object")
  if (json.kind !== "object") return bad("object expected as profile photo")
  const lower = (error: FieldError) => bad(error.message.charAt(0).toLowerCase() + error.message.slice(1))
  const type = stringField(json, "type", true)
  if (type instanceof FieldError) return lower(type)
  if (type !== "static" && type !== "animated") return bad("invalid profile photo type specified")
  const key = type === "static" ? "photo" : "animation"
  const value = stringField(json, key, true)
  if (value instanceof FieldError) return lower(value)
  if (type === "animated") {
    const timestamp = field(json, "main_frame_timestamp")
    if (timestamp !== undefined && timestamp.kind !== "number") {
      return bad(`field "main_frame_timestamp" must be of type Number`)
    }
    if (timestamp !== undefined && (Number(timestamp.text) < 0 || Number(timestamp.text) > 10)) {
      return bad("wrong main frame timestamp specified")
    }
  }
  const ref = value.startsWith("attach://") ? readInputFile(params, "", value) : undefined
  return ref === undefined
    ? bad("photo must be uploaded as a file")
    : { ref, type: type === "static" ? "photo" : "animation" }
}

/** The photo methods. */
export const chatPhotoMethods = methods({
  setChatPhoto: method({
    family: "administration",
    summary: "sets the chat's photo (an upload); a new_chat_photo message follows; getChat shows `photo`",
    params: {
      photo: custom("InputFile", (input) => {
        const ref = readInputFile(input.call.params, "photo")
        if (ref?.kind === "upload") return ref
        return input.call.params.get("photo") === undefined || input.call.params.get("photo") === ""
          ? bad("there is no photo in the request")
          : bad("photo must be uploaded as an InputFile")
      }, { required: true, note: "upload only" }),
      chat_id: chat("write")
    },
    run: (p, call) => {
      const chat = p.chat_id
      if (chat.type === "private") return bad("can't change private chat photo")
      if (!holds(chat, call.botId, "can_change_info")) return bad("not enough rights to change chat photo")
      const photo = picture(call.world, call.botId, p.photo, "photo")
      if (isApiError(photo)) return photo
      return commit(chat, () => {
        chat.profile.photo = photo
        postService(call.world, chat, call.botId, { kind: "new_chat_photo", photo })
        return "true"
      })
    }
  }),

  deleteChatPhoto: method({
    family: "administration",
    summary: "deletes the chat's photo (`CHAT_NOT_MODIFIED` when it has none); a delete_chat_photo message follows",
    params: { chat_id: chat("write") },
    run: ({ chat_id: chat }, call) => {
      if (chat.type === "private") return bad("can't change private chat photo")
      if (!holds(chat, call.botId, "can_change_info")) return bad("not enough rights to change chat photo")
      if (chat.profile.photo === undefined) return bad("CHAT_NOT_MODIFIED")
      return commit(chat, () => {
        chat.profile.photo = undefined
        postService(call.world, chat, call.botId, { kind: "delete_chat_photo" })
        return "true"
      })
    }
  }),

  setMyProfilePhoto: method({
    family: "profile",
    summary: "sets the bot's profile photo (InputProfilePhoto, uploaded); getUserProfilePhotos lists it first",
    params: {
      photo: custom("InputProfilePhoto", (input) => readProfilePhoto(input.call.params), {
        required: true,
        note: "JSON with an attach:// upload"
      })
    },
    run: ({ photo: input }, call) => {
      if (input.ref === undefined) return bad("photo must be uploaded as a file")
      const photo = picture(call.world, call.botId, input.ref, input.type)
      if (isApiError(photo)) return photo
      return commit(undefined, () => {
        botProfile(call.world, call.botId).photos.unshift(photo)
        return "true"
      })
    }
  }),

  removeMyProfilePhoto: method({
    family: "profile",
    summary: "removes the bot's current profile photo",
    params: {},
    run: (_, call) =>
      commit(undefined, () => {
        call.world.botProfiles.get(call.botId)?.photos.shift()
        return "true"
      })
  })
})
