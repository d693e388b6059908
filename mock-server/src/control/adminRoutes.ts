/**
 * Control routes of administration and the bots' profiles: a supergroup made a forum, a topic an administrator
 * creates, a person letting a bot set their emoji status; what a bot set about itself and the commands a person's app
 * shows (what the console's person panel lists).
 */
import { decodeEmojiStatusAccess, decodeForum, decodeTopic } from "../decode/adminControl.js"
import { optional, required, route } from "./common.js"
import { idParam } from "./ids.js"

/** `PUT …/forum`, `POST …/topics`, `POST /__mock/users/:user_id/emoji_status_access`, `GET /__mock/bots/:bot_id/…`. */
export const adminRoutes = [
  route({
    method: "PUT",
    path: "/__mock/chats/:chat_id/forum",
    summary: "switches a supergroup's forum topics on or off (`{is_forum}`); the chat as in a world file",
    body: required(decodeForum),
    handle: ({ body, mock, params }) => mock.setForum(idParam("chat_id", params["chat_id"]), body)
  }),
  route({
    method: "POST",
    path: "/__mock/chats/:chat_id/topics",
    summary:
      "an administrator creates a forum topic (`{name, icon_color?, icon_custom_emoji_id?, by?}`); the ForumTopic",
    body: required(decodeTopic),
    handle: ({ body, mock, params }) => mock.createTopic(idParam("chat_id", params["chat_id"]), body)
  }),
  route({
    method: "POST",
    path: "/__mock/users/:user_id/emoji_status_access",
    summary: "a person lets a bot set their emoji status (`{bot_id?, allowed?}`), as a Mini App would ask",
    body: optional(decodeEmojiStatusAccess),
    handle: ({ body, mock, params }) => mock.allowEmojiStatus(idParam("user_id", params["user_id"]), body ?? {})
  }),
  route({
    method: "GET",
    path: "/__mock/bots/:bot_id/profile",
    summary: "what a bot set about itself: commands per scope and language, names, descriptions, menu buttons, rights",
    handle: ({ mock, params }) => mock.botProfile(idParam("bot_id", params["bot_id"]))
  }),
  route({
    method: "GET",
    path: "/__mock/bots/:bot_id/commands",
    summary: "the commands a person's app shows (`?user_id=…&chat_id=…&language_code=…`; chat: their private chat)",
    handle: ({ mock, params, query }) =>
      mock.botCommands(idParam("bot_id", params["bot_id"]), {
        user_id: idParam("user_id", query.get("user_id") ?? ""),
        ...(query.has("chat_id") ? { chat_id: idParam("chat_id", query.get("chat_id")) } : {}),
        ...(query.has("language_code") ? { language_code: query.get("language_code")! } : {})
      })
  })
]
