/**
 * The decoders of the accounts routes' bodies (and of the same `mock.accounts` methods): a business connection made or
 * changed, a message written to (or by) a business account, a managed bot created. Each names every wrong field on a
 * line of its own, like the world file.
 */
import { boolean, type Decoded, decoder, optional, stringBetween, struct, type StructOf } from "./decoder.js"
import { userId, username } from "./world.js"
import { businessRightsDecoder } from "./worldTail.js"

/** `PUT /__mock/business_connections/:id`. */
const businessConnectFields = {
  user_id: userId,
  bot_id: optional(userId),
  is_enabled: optional(boolean),
  rights: optional(businessRightsDecoder)
}

/** `POST /__mock/business_connections/:id/messages`. */
const businessMessageFields = {
  user_id: userId,
  text: stringBetween(1, 4096),
  chat_id: optional(userId)
}

/** `POST /__mock/managed_bots`. */
const managedBotFields = {
  user_id: userId,
  bot: struct({ id: userId, first_name: stringBetween(1, 64), username }),
  manager_bot_id: optional(userId)
}

export type BusinessConnectInput = StructOf<typeof businessConnectFields>
export type BusinessMessageInput = StructOf<typeof businessMessageFields>
export type ManagedBotInput = StructOf<typeof managedBotFields>

export const decodeBusinessConnect: (input: unknown) => Decoded<BusinessConnectInput> = decoder(
  struct(businessConnectFields),
  "business connection"
)
export const decodeBusinessMessage: (input: unknown) => Decoded<BusinessMessageInput> = decoder(
  struct(businessMessageFields),
  "business message"
)
export const decodeManagedBot: (input: unknown) => Decoded<ManagedBotInput> = decoder(
  struct(managedBotFields),
  "managed bot"
)
