/** CallbackQuery JSON, keys in the real server's order (Client.cpp JsonCallbackQuery). */
import type { MessageRecord } from "../world/messages.js"
import type { World } from "../world/World.js"
import { messageJson } from "./message.js"
import { userJson } from "./user.js"

/** A CallbackQuery on a message the bot sent. */
export const callbackQueryJson = (
  world: World,
  query: { readonly id: string; readonly userId: number; readonly chatInstance: string; readonly data: string },
  message: MessageRecord,
  reply: MessageRecord | undefined,
  viewer: number
): string =>
  `{"id":${JSON.stringify(query.id)},"from":${userJson(world, query.userId)},"message":${
    messageJson(world, message, viewer, reply)
  },"chat_instance":${JSON.stringify(query.chatInstance)},"data":${JSON.stringify(query.data)}}`
