/**
 * Control routes for inline mode: a bot's BotFather settings; a person's inline query (and its answer, long-polled
 * on the mock's clock), pick, Mini App, prepared message and guest mention; the reads of each. JSON in and out; a
 * refused input is a 400 with one line per wrong field, and changes nothing; an id the mock does not keep is a 404.
 */
import {
  decodeBotSettings,
  decodeChooseInline,
  decodeGuestMessage,
  decodeInlineQuery,
  decodeSendPrepared,
  decodeWebApp
} from "../decode/inline.js"
import { ControlRefusal, optional, pending, required, route } from "./common.js"
import { idParam } from "./ids.js"
import { waitSeconds } from "./query.js"

/** The value, or a 404 naming what is not kept. */
const kept = <A>(value: A | undefined, what: string, id: string): A => {
  if (value === undefined) {
    throw new ControlRefusal(404, `control API: no ${what} ${JSON.stringify(id.slice(0, 40))} is kept`)
  }
  return value
}

/** `/__mock/bots/:bot_id/settings`, the people's inline routes, and the reads by id. */
export const inlineRoutes = [
  route({
    method: "GET",
    path: "/__mock/bots/:bot_id/settings",
    summary: "a bot's BotFather settings: `supports_inline_queries`, `inline_feedback`, `supports_guest_queries`",
    handle: ({ mock, params }) => mock.botSettings(idParam("bot_id", params["bot_id"]))
  }),
  route({
    method: "PUT",
    path: "/__mock/bots/:bot_id/settings",
    summary:
      "switches a bot's inline mode, inline feedback or guest mode (`{supports_inline_queries?, inline_feedback?, supports_guest_queries?}`); getMe shows them",
    body: required(decodeBotSettings),
    handle: ({ body, mock, params }) => mock.setBotSettings(idParam("bot_id", params["bot_id"]), body)
  }),
  route({
    method: "POST",
    path: "/__mock/users/:user_id/inline_query",
    summary:
      "a person types an inline query (`{query, offset?, bot_id?, chat_id?, chat_type?, location?}`): `inline_query` (none when answered from the cache); the query",
    body: required(decodeInlineQuery),
    handle: ({ body, mock, params }) => mock.sendInlineQuery(idParam("user_id", params["user_id"]), body)
  }),
  route({
    method: "GET",
    path: "/__mock/inline_queries/:inline_query_id",
    summary:
      "an inline query and the bot's answer (`answered`, `answer.results` as sent, `button`, `next_offset`); `?wait=<s>` long-polls for the answer",
    handle: ({ mock, params, query }) => {
      const id = params["inline_query_id"] ?? ""
      const first = kept(mock.inlineQuery(id), "inline query", id)
      const answered = () => {
        const now = mock.inlineQuery(id)
        return now?.answered === true ? now : undefined
      }
      return pending(answered, waitSeconds(query), () => mock.inlineQuery(id) ?? first)
    }
  }),
  route({
    method: "POST",
    path: "/__mock/users/:user_id/choose_inline_result",
    summary:
      "a person picks a result (`{inline_query_id, result_id}`): sent from them via the bot to the query's chat, `chosen_inline_result` with feedback on; the Message and its `inline_message_id`",
    body: required(decodeChooseInline),
    handle: ({ body, mock, params }) => mock.chooseInlineResult(idParam("user_id", params["user_id"]), body)
  }),
  route({
    method: "GET",
    path: "/__mock/inline_messages/:inline_message_id",
    summary:
      "a message sent through inline mode, by its inline_message_id (its bot, chat and the Message as it is now)",
    handle: ({ mock, params }) => {
      const id = params["inline_message_id"] ?? ""
      return kept(mock.inlineMessage(id), "inline message", id)
    }
  }),
  route({
    method: "POST",
    path: "/__mock/users/:user_id/web_app",
    summary:
      "a person opens a bot's Mini App (`{bot_id?, chat_id?}`: their chat with the bot, or a group or channel); its `web_app_query_id`",
    body: optional(decodeWebApp),
    handle: ({ body, mock, params }) => mock.openWebApp(idParam("user_id", params["user_id"]), body ?? {})
  }),
  route({
    method: "GET",
    path: "/__mock/web_app_queries/:web_app_query_id",
    summary: "a Mini App query and the bot's answer (answerWebAppQuery: the result and the message it sent)",
    handle: ({ mock, params }) => {
      const id = params["web_app_query_id"] ?? ""
      return kept(mock.webAppQuery(id), "Mini App query", id)
    }
  }),
  route({
    method: "GET",
    path: "/__mock/users/:user_id/prepared_messages",
    summary: "the messages bots prepared for a person (savePreparedInlineMessage) that have not expired",
    handle: ({ mock, params }) => mock.preparedMessages(idParam("user_id", params["user_id"]))
  }),
  route({
    method: "POST",
    path: "/__mock/users/:user_id/send_prepared",
    summary:
      "a person sends a prepared message from the Mini App (`{id, chat_id?, bot_id?}`) to a chat of a type it allows; the Message",
    body: required(decodeSendPrepared),
    handle: ({ body, mock, params }) => mock.sendPreparedMessage(idParam("user_id", params["user_id"]), body)
  }),
  route({
    method: "GET",
    path: "/__mock/users/:user_id/prepared_buttons",
    summary: "the keyboard buttons bots prepared for a person's Mini App (savePreparedKeyboardButton)",
    handle: ({ mock, params }) => mock.preparedButtons(idParam("user_id", params["user_id"]))
  }),
  route({
    method: "POST",
    path: "/__mock/users/:user_id/guest_message",
    summary:
      "a person mentions guest bots in a group (`{text, chat_id}`): each bot with guest mode on that is not in it gets `guest_message`; the Message and the guest query ids",
    body: required(decodeGuestMessage),
    handle: ({ body, mock, params }) => mock.sendGuestMessage(idParam("user_id", params["user_id"]), body)
  }),
  route({
    method: "GET",
    path: "/__mock/guest_queries/:guest_query_id",
    summary: "a guest query and the bot's answer (answerGuestQuery: the message it posted and its inline_message_id)",
    handle: ({ mock, params }) => {
      const id = params["guest_query_id"] ?? ""
      return kept(mock.guestQuery(id), "guest query", id)
    }
  })
]
