/**
 * `mock.accounts`: what people do to a bot's accounts outside the Bot API, as typed methods (the control API's accounts
 * routes call them too): connect a business account to a bot, write to a business account (or as its owner), read a
 * business chat, create a managed bot. Each validates its input (MockInputError, one line per wrong field) and tells
 * the mock's watchers of the action.
 */
import type { BusinessConnection, Message, User } from "@grammyjs/types"
import {
  type BusinessConnectInput,
  type BusinessMessageInput,
  decodeBusinessConnect,
  decodeBusinessMessage,
  decodeManagedBot,
  type ManagedBotInput
} from "../decode/accounts.js"
import type { MockActionEvent } from "../MockEvents.js"
import { orThrow } from "../MockOptions.js"
import * as Accounts from "../people/accounts.js"
import type { World } from "../world/World.js"

/** The accounts' operations (what `mock.accounts` offers and the control routes use). */
export interface AccountOperations {
  connectBusiness(id: string, input: BusinessConnectInput): BusinessConnection
  writeToBusiness(id: string, input: BusinessMessageInput): Message
  businessMessages(id: string, chatId: number): Array<Message>
  createManagedBot(input: ManagedBotInput): User
}

/** The accounts' operations on the mock's current world. */
export class AccountControls implements AccountOperations {
  constructor(private readonly world: () => World) {}

  /**
   * A person connects their business account (`user_id`) to a bot (`bot_id`, default the world's first), or changes
   * the connection (`is_enabled`, `rights`): the bot gets `business_connection`. Returns the BusinessConnection.
   */
  connectBusiness(id: string, input: BusinessConnectInput): BusinessConnection {
    const body = orThrow(decodeBusinessConnect(input))
    return this.acted(() => Accounts.connectBusiness(this.world(), id, body), (connection) => ({
      action: "connect_business",
      user_id: connection.user.id,
      result: connection.is_enabled ? "enabled" : "disabled"
    }))
  }

  /** A person writes to a business account (or its owner writes to `chat_id`): `business_message`. The Message. */
  writeToBusiness(id: string, input: BusinessMessageInput): Message {
    const body = orThrow(decodeBusinessMessage(input))
    return this.acted(() => Accounts.writeToBusiness(this.world(), id, body), (message) => ({
      action: "write_to_business",
      user_id: body.user_id,
      chat_id: message.chat.id,
      text: body.text.slice(0, 200)
    }))
  }

  /** A business account's chat with a person, as Message objects, oldest first. */
  businessMessages(id: string, chatId: number): Array<Message> {
    return Accounts.businessMessages(this.world(), id, chatId)
  }

  /** A person (`user_id`) creates a bot (`bot`) that a bot of the world manages: `managed_bot`. The new bot. */
  createManagedBot(input: ManagedBotInput): User {
    const body = orThrow(decodeManagedBot(input))
    return this.acted(() => Accounts.createManagedBot(this.world(), body), (bot) => ({
      action: "create_managed_bot",
      user_id: body.user_id,
      result: String(bot.id)
    }))
  }

  private acted<A>(run: () => A, describe: (result: A) => Omit<MockActionEvent, "kind" | "at" | "seq">): A {
    const world = this.world()
    return world.env.observers.act(run, describe, () => world.clock.now())
  }
}
