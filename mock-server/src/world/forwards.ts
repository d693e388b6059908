/**
 * Where a forwarded message came from (the Bot API's MessageOrigin), and the markup a message may carry besides an
 * inline keyboard. A forward of a forward keeps the first origin, as Telegram does.
 */
import type { MessageRecord } from "./messages.js"
import type { World } from "./World.js"

/** A forward's origin; `date` is when the original was sent. */
export type ForwardOrigin =
  | { readonly kind: "user"; readonly userId: number; readonly date: number }
  | { readonly kind: "hidden_user"; readonly name: string; readonly date: number }
  | { readonly kind: "chat"; readonly chatId: number; readonly signature: string; readonly date: number }
  | {
    readonly kind: "channel"
    readonly chatId: number
    readonly messageId: number
    readonly signature: string
    readonly date: number
  }

/** A markup other than an inline keyboard that a message was sent with (the Message never shows it). */
export type ReplyKeyboardKind = "keyboard" | "remove" | "force_reply"

/** The origin a forward of `message` carries: its own origin if it is a forward, else its sender. */
export const originOf = (world: World, message: MessageRecord): ForwardOrigin => {
  if (message.forwardOrigin !== undefined) return message.forwardOrigin
  const date = message.date
  if (message.senderChatId !== undefined) {
    return world.chats.get(message.senderChatId)?.type === "channel"
      ? { kind: "channel", chatId: message.senderChatId, messageId: message.id, signature: "", date }
      : { kind: "chat", chatId: message.senderChatId, signature: "", date }
  }
  return { kind: "user", userId: message.fromId ?? message.authorId, date }
}

/** The inline keyboard a forward (or a copy sent without a new keyboard, caption or reply) keeps: URL buttons only. */
export const keptKeyboard = (message: MessageRecord): MessageRecord["keyboard"] =>
  message.keyboard !== undefined && message.keyboard.every((row) => row.every((button) => button.url !== undefined))
    ? message.keyboard
    : undefined
