/**
 * A forwarded message's keys, in the real server's order (Client.cpp JsonMessage, JsonMessageOrigin): `forward_origin`,
 * then the legacy copies (`forward_from`, `forward_from_chat`, `forward_from_message_id`, `forward_signature`,
 * `forward_sender_name`) and `forward_date`.
 */
import type { ForwardOrigin } from "../world/forwards.js"
import type { ChatRecord, World } from "../world/World.js"
import { chatShortJson } from "./chat.js"
import { userJson } from "./user.js"

const json = JSON.stringify

/** A chat by id as messages show it (one the world forgot reads as a bare private chat). */
const chatJson = (world: World, chatId: number): string => {
  const chat: ChatRecord | undefined = world.chats.get(chatId)
  return chat === undefined ? `{"id":${chatId},"type":"private"}` : chatShortJson(world, chat)
}

const signature = (value: string, name: string): string => (value === "" ? "" : `,"${name}":${json(value)}`)

/** The MessageOrigin object. */
export const originJson = (world: World, origin: ForwardOrigin): string => {
  switch (origin.kind) {
    case "user":
      return `{"type":"user","sender_user":${userJson(world, origin.userId)},"date":${origin.date}}`
    case "chat":
      return `{"type":"chat","sender_chat":${chatJson(world, origin.chatId)}${
        signature(origin.signature, "author_signature")
      },"date":${origin.date}}`
    case "hidden_user":
      return `{"type":"hidden_user"${
        origin.name === "" ? "" : `,"sender_user_name":${json(origin.name)}`
      },"date":${origin.date}}`
    case "channel":
      return `{"type":"channel","chat":${chatJson(world, origin.chatId)},"message_id":${origin.messageId}${
        signature(origin.signature, "author_signature")
      },"date":${origin.date}}`
  }
}

/** `forward_origin` and the legacy keys, each starting with a comma. */
export const forwardJson = (world: World, origin: ForwardOrigin): string => {
  let out = `,"forward_origin":${originJson(world, origin)}`
  switch (origin.kind) {
    case "user":
      out += `,"forward_from":${userJson(world, origin.userId)}`
      break
    case "chat":
      out += `,"forward_from_chat":${chatJson(world, origin.chatId)}${signature(origin.signature, "forward_signature")}`
      break
    case "hidden_user":
      out += origin.name === "" ? "" : `,"forward_sender_name":${json(origin.name)}`
      break
    case "channel":
      out += `,"forward_from_chat":${chatJson(world, origin.chatId)},"forward_from_message_id":${origin.messageId}${
        signature(origin.signature, "forward_signature")
      }`
      break
  }
  return out + `,"forward_date":${origin.date}`
}
