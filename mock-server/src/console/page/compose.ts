/**
 * The person's message box: write to the bot (or in the group, or its forum topic, the person chose), as a reply to a
 * message or as an edit of their own; the bot's commands as their app lists them (`GET /__mock/bots/{id}/commands`),
 * a tap putting one in the box.
 */
import { control } from "./client.js"
import { byId, fill, h } from "./dom.js"
import { nameOf, place, state } from "./state.js"
import { act } from "./ui.js"

/** What the next message does besides being sent: reply to a message, or replace the text of the person's own. */
export interface Composing {
  readonly mode: "reply" | "edit"
  readonly message_id: number
}

let composing: Composing | undefined

const input = () => byId<HTMLInputElement>("send-text")

/** Makes the next message a reply or an edit (`preview`: the message's text, shown above the box). */
export const compose = (target: Composing, preview: string, text?: string): void => {
  composing = target
  byId("composing-text").textContent = `${target.mode === "reply" ? "Replying to" : "Editing"} “${preview}”`
  byId("composing").hidden = false
  if (text !== undefined) input().value = text
  input().focus()
}

/** Back to a plain message. */
export const stopComposing = (): void => {
  composing = undefined
  byId("composing").hidden = true
}

/** The reply the next message (of any kind) makes, as the people routes take it. */
export const replyPart = (): { readonly reply_to_message_id?: number } =>
  composing?.mode === "reply" ? { reply_to_message_id: composing.message_id } : {}

/** Where the message goes, where it replies, and its topic. */
const destination = () => ({
  ...place(),
  ...replyPart(),
  ...(state.chat !== undefined && state.topic !== undefined ? { message_thread_id: state.topic } : {})
})

const where = (): string => state.chat !== undefined ? "the group" : nameOf(state.bot)

const send = (person: number, text: string): void => {
  const editing = composing?.mode === "edit" ? composing : undefined
  void act(
    () =>
      editing !== undefined
        ? control("POST", `users/${person}/edit`, { message_id: editing.message_id, text, ...place() })
        : control("POST", `users/${person}/send`, { text, ...destination() }),
    () => {
      input().value = ""
      stopComposing()
      return editing !== undefined ? `${nameOf(person)} edited their message` : `${nameOf(person)} wrote to ${where()}`
    }
  )
}

interface Command {
  readonly command: string
  readonly description: string
}

/** Reads the commands the person's app shows for the bot, in the chat written in. */
export const loadCommands = async (): Promise<void> => {
  const { bot, chat, person } = state
  const list = byId("commands")
  if (bot === undefined || person === undefined) {
    fill(list)
    return
  }
  const query = `user_id=${person}${chat !== undefined ? `&chat_id=${chat}` : ""}`
  const commands = await control<ReadonlyArray<Command>>("GET", `bots/${bot}/commands?${query}`).catch(() => [])
  if (bot !== state.bot || person !== state.person || chat !== state.chat) return
  fill(
    list,
    ...(commands.length === 0 ? [] : [h("span", { class: "note" }, "Commands: ")]),
    ...commands.map((c) =>
      h("button", {
        type: "button",
        class: "inline",
        title: c.description,
        "data-key": `command:${c.command}`,
        onclick: () => {
          input().value = `/${c.command}`
          input().focus()
        }
      }, `/${c.command}`)
    )
  )
}

/** Wires the message box. */
export const setUpCompose = (): void => {
  byId("send-form").addEventListener("submit", (event) => {
    event.preventDefault()
    const person = state.person
    const text = input().value
    if (person !== undefined && text.trim() !== "") send(person, text)
  })
  byId("composing-cancel").addEventListener("click", stopComposing)
}
