/**
 * Control routes of the media methods: a person sends a file (JSON with base64, or a multipart form with the file
 * as a part), a location or venue, a contact, a dice; a test queues dice values and reads the chat actions bots sent.
 * A refused input is a 400 with one line per wrong field, and changes nothing.
 */
import {
  decodeDiceQueue,
  decodeSendContact,
  decodeSendDice,
  decodeSendFile,
  decodeSendLocation,
  FILE_FORM_NUMBERS
} from "../decode/peopleMedia.js"
import { jsonOrForm, optional, required, route } from "./common.js"
import { idParam } from "./ids.js"

const userOf = (params: Readonly<Record<string, string>>): number => idParam("user_id", params["user_id"])

/** `POST /__mock/users/:user_id/{send_file,send_location,send_contact,send_dice}`, `/__mock/dice`, chat actions. */
export const mediaRoutes = [
  route({
    method: "POST",
    path: "/__mock/users/:user_id/send_file",
    summary:
      "a person sends a file (`{kind, file, file_name?, mime_type?, caption?, chat_id?, bot_id?, …}`: `file` in base64, or a multipart form with the file as the part `file`); the Message",
    body: jsonOrForm(decodeSendFile, { numbers: FILE_FORM_NUMBERS }),
    handle: ({ body, mock, params }) => mock.sendFile(userOf(params), body)
  }),
  route({
    method: "POST",
    path: "/__mock/users/:user_id/send_location",
    summary:
      "a person shares a location (`{latitude, longitude, horizontal_accuracy?, live_period?, heading?, proximity_alert_radius?, …}`), or a venue with `title` and `address`; the Message",
    body: required(decodeSendLocation),
    handle: ({ body, mock, params }) => mock.sendLocation(userOf(params), body)
  }),
  route({
    method: "POST",
    path: "/__mock/users/:user_id/send_contact",
    summary: "a person shares a contact (`{phone_number, first_name, last_name?, vcard?, user_id?, …}`); the Message",
    body: required(decodeSendContact),
    handle: ({ body, mock, params }) => mock.sendContact(userOf(params), body)
  }),
  route({
    method: "POST",
    path: "/__mock/users/:user_id/send_dice",
    summary: "a person throws a dice (`{emoji?, value?, …}`: the value named, else the world's); the Message",
    body: optional(decodeSendDice),
    handle: ({ body, mock, params }) => mock.sendDice(userOf(params), body ?? {})
  }),
  route({
    method: "POST",
    path: "/__mock/dice",
    summary: "queues the values the next dice show (`{values: [6, 1]}`), bots' and people's, in order",
    body: required(decodeDiceQueue),
    handle: ({ body, mock }) => mock.queueDice(body)
  }),
  route({
    method: "GET",
    path: "/__mock/chat_actions",
    summary: "the chat actions and message drafts bots sent (sendChatAction, sendMessageDraft), oldest first",
    handle: ({ mock }) => mock.chatActions()
  })
]
