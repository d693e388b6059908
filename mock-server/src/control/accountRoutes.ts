/**
 * Control routes for a bot's accounts: a business connection made or changed, a message to (or from) a business
 * account, a business chat read back, a managed bot created. JSON in and out; a refused input is a 400 with one line
 * per wrong field, and changes nothing.
 */
import { decodeBusinessConnect, decodeBusinessMessage, decodeManagedBot } from "../decode/accounts.js"
import { required, route } from "./common.js"
import { idParam } from "./ids.js"

/** `/__mock/business_connections/…`, `/__mock/managed_bots`. */
export const accountRoutes = [
  route({
    method: "PUT",
    path: "/__mock/business_connections/:id",
    summary:
      "a person connects their business account to a bot, or changes the connection (`{user_id, bot_id?, is_enabled?, rights?}`): `business_connection`; the BusinessConnection",
    body: required(decodeBusinessConnect),
    handle: ({ body, mock, params }) => mock.accounts.connectBusiness(params["id"]!, body)
  }),
  route({
    method: "POST",
    path: "/__mock/business_connections/:id/messages",
    summary:
      "a person writes to a business account, or its owner to `chat_id` (`{user_id, text, chat_id?}`): `business_message`; the Message",
    body: required(decodeBusinessMessage),
    handle: ({ body, mock, params }) => mock.accounts.writeToBusiness(params["id"]!, body)
  }),
  route({
    method: "GET",
    path: "/__mock/business_connections/:id/chats/:chat_id/messages",
    summary: "a business account's chat with a person as Message objects, oldest first (the bot's sends included)",
    handle: ({ mock, params }) => mock.accounts.businessMessages(params["id"]!, idParam("chat_id", params["chat_id"]))
  }),
  route({
    method: "POST",
    path: "/__mock/managed_bots",
    summary:
      "a person creates a bot that a bot manages (`{user_id, bot: {id, first_name, username}, manager_bot_id?}`): `managed_bot`; the new bot's User",
    body: required(decodeManagedBot),
    handle: ({ body, mock }) => mock.accounts.createManagedBot(body)
  })
]
