/**
 * What the person at the keyboard does with a message of the conversation, through the control API's people routes:
 * press a button, open an invite link (join, or ask to), vote, react, reply, edit their text, forward a group's
 * message to the bot.
 */
import { control } from "./client.js"
import { compose } from "./compose.js"
import type { Message } from "./messageView.js"
import { chatName, nameOf, place, state } from "./state.js"
import { act } from "./ui.js"

/** Joins (or asks to join) through a link, as the person. */
export const openLink = (url: string): void => {
  const person = state.person
  if (person === undefined) return
  void act(
    () => control<{ status: string; chat_id: number }>("POST", `users/${person}/join`, { invite_link: url }),
    (outcome) =>
      outcome.status === "member"
        ? `${nameOf(person)} joined ${chatName(outcome.chat_id)}`
        : `${nameOf(person)} asked to join ${chatName(outcome.chat_id)}`
  )
}

/** Presses an inline button (the bot's answer, if it gives one, is shown by answers.ts). */
export const press = (message: Message, data: string): void => {
  const person = state.person
  if (person === undefined) return
  void act(
    () => control("POST", `users/${person}/press`, { message_id: message.message_id, data, ...place() }),
    () => `${nameOf(person)} pressed “${data}”`
  )
}

/** Votes for options of a poll (`[]` takes the vote back). */
export const vote = (message: Message, optionIds: ReadonlyArray<number>): void => {
  const person = state.person
  if (person === undefined) return
  void act(
    () =>
      control("POST", `users/${person}/vote`, { message_id: message.message_id, option_ids: optionIds, ...place() }),
    () => optionIds.length === 0 ? `${nameOf(person)} took their vote back` : `${nameOf(person)} voted`
  )
}

/** Sets the person's reactions on a message (`[]` removes them). */
export const react = (message: Message, emoji: ReadonlyArray<string>): void => {
  const person = state.person
  if (person === undefined) return
  void act(
    () =>
      control("POST", `users/${person}/react`, {
        message_id: message.message_id,
        reaction: emoji.map((e) => ({ type: "emoji", emoji: e })),
        ...place()
      }),
    () =>
      emoji.length === 0 ? `${nameOf(person)} removed their reaction` : `${nameOf(person)} reacted ${emoji.join(" ")}`
  )
}

const preview = (message: Message): string => {
  const text: string = message["text"] ?? message["caption"] ?? "a message"
  return text.length > 60 ? `${text.slice(0, 60)}…` : text
}

/** The next message replies to this one. */
export const replyTo = (message: Message): void =>
  compose({ mode: "reply", message_id: message.message_id }, preview(message))

/** The message box takes the person's text to edit; sending it edits the message. */
export const editMessage = (message: Message): void =>
  compose({ mode: "edit", message_id: message.message_id }, preview(message), message["text"])

/** Forwards a message of the group the person is in to their private chat with the bot. */
export const forwardToBot = (message: Message): void => {
  const person = state.person
  const from = state.chat
  if (person === undefined || from === undefined) return
  void act(
    () =>
      control("POST", `users/${person}/forward`, {
        from_chat_id: from,
        message_id: message.message_id,
        ...(state.bot !== undefined ? { bot_id: state.bot } : {})
      }),
    () => `${nameOf(person)} forwarded a message to ${nameOf(state.bot)}`
  )
}
