/**
 * Acting as a person: pick one of the world's people and a bot, read their conversation (the bot's replies with their
 * buttons), write to the bot, press a button, open an invite link from a reply (join, or ask to), leave a chat, block
 * the bot, add a person. Everything goes through the control API's people routes.
 */
import { control } from "./client.js"
import { byId, clockTime, fill, h, safeHref, setOptions } from "./dom.js"
import { bots, chatName, chatOf, isIn, liveGroups, memberOf, nameOf, people, state } from "./state.js"
import { act, integer, text } from "./ui.js"

/** A Message as the control API gives it (only what the page reads). */
interface Message {
  readonly message_id: number
  readonly date: number
  readonly from?: { readonly id: number; readonly first_name?: string; readonly is_bot?: boolean }
  readonly text?: string
  readonly reply_markup?: {
    readonly inline_keyboard?: ReadonlyArray<
      ReadonlyArray<{ readonly text?: string; readonly url?: string; readonly callback_data?: string }>
    >
  }
}

let loaded: ReadonlyArray<Message> = []
/** Which conversation `loaded` is (person|bot), so a redraw keeps the scroll position of the same one. */
let loadedKey = ""

const INVITE = /^https:\/\/t\.me\/(\+|joinchat\/)[A-Za-z0-9_-]+$/

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

const press = (message: Message, data: string): void => {
  const person = state.person
  if (person === undefined) return
  void act(
    () =>
      control("POST", `users/${person}/press`, {
        message_id: message.message_id,
        data,
        ...(state.bot !== undefined ? { bot_id: state.bot } : {})
      }),
    () => `${nameOf(person)} pressed “${data}”`
  )
}

const keyboard = (message: Message): HTMLElement | null => {
  const rows = message.reply_markup?.inline_keyboard
  if (rows === undefined || rows.length === 0) return null
  return h(
    "div",
    { class: "keyboard" },
    ...rows.map((row) =>
      h(
        "div",
        { class: "keyboard-row" },
        ...row.map((button) => {
          const label = button.text ?? "?"
          if (button.callback_data !== undefined) {
            const data = button.callback_data
            return h("button", {
              type: "button",
              class: "inline",
              "data-key": `press:${message.message_id}:${data}`,
              onclick: () => press(message, data)
            }, label)
          }
          if (button.url !== undefined) {
            const url = button.url
            const href = safeHref(url)
            const known = state.world?.invite_links.find((link) => link.invite_link === url)
            return h(
              "span",
              { class: "url-button" },
              href !== undefined
                ? h("a", { href, target: "_blank", rel: "noopener noreferrer", class: "inline" }, `${label} ↗`)
                : h("span", { class: "inline" }, label),
              h("code", { class: "url" }, url),
              INVITE.test(url) || known !== undefined
                ? h(
                  "button",
                  {
                    type: "button",
                    class: "join",
                    "data-key": `join:${message.message_id}:${url}`,
                    title: `Open ${url} as ${nameOf(state.person)}`,
                    onclick: () => openLink(url)
                  },
                  known?.creates_join_request === true ? "Ask to join" : "Join"
                )
                : null
            )
          }
          return h("span", { class: "inline" }, label)
        })
      )
    )
  )
}

const messageItem = (message: Message): HTMLElement => {
  const mine = message.from?.id === state.person
  return h(
    "li",
    { class: mine ? "mine" : "theirs", "data-message": message.message_id },
    h(
      "p",
      { class: "meta" },
      h("span", { class: "who" }, message.from !== undefined ? nameOf(message.from.id) : "?"),
      " ",
      h("time", {}, clockTime(message.date * 1000))
    ),
    message.text !== undefined ? h("p", { class: "text" }, message.text) : h("p", { class: "text note" }, "(no text)"),
    keyboard(message)
  )
}

/** Draws the conversation read last. */
const renderConversation = (): void => {
  const list = byId("conversation")
  const key = `${state.person}|${state.bot}`
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.["key"]
  fill(
    list,
    ...(loaded.length === 0
      ? [h("li", { class: "note" }, `${nameOf(state.person)} has not written to ${nameOf(state.bot)} yet.`)]
      : loaded.map(messageItem))
  )
  if (atBottom || key !== loadedKey) list.scrollTop = list.scrollHeight
  loadedKey = key
  if (focused !== undefined) {
    Array.from(list.querySelectorAll<HTMLElement>("[data-key]")).find((element) => element.dataset["key"] === focused)
      ?.focus()
  }
}

/** Reads the person's conversation with the bot again. */
export const loadConversation = async (): Promise<void> => {
  const person = state.person
  const bot = state.bot
  if (person === undefined || bot === undefined) {
    loaded = []
    renderConversation()
    return
  }
  // A person who never wrote to any bot has no private chat yet: nothing to read.
  const messages = chatOf(person) === undefined
    ? []
    : await control<ReadonlyArray<Message>>("GET", `chats/${person}/messages?bot_id=${bot}`).catch(() => [])
  if (person === state.person && bot === state.bot) {
    loaded = messages
    renderConversation()
  }
}

/** Refreshes the selects (people, bots, the chats the person may leave) from the world. */
export const renderPerson = (): void => {
  const personSelect = byId<HTMLSelectElement>("person-select")
  const botSelect = byId<HTMLSelectElement>("bot-select")
  setOptions(personSelect, people().map((user) => [String(user.id), `${nameOf(user.id)} (${user.id})`]))
  setOptions(botSelect, bots().map((bot) => [String(bot.id), `${nameOf(bot.id)} (${bot.id})`]))
  state.person = integer(personSelect)
  state.bot = integer(botSelect)
  const person = state.person
  const chats = person === undefined ? [] : liveGroups().filter((chat) => isIn(memberOf(chat, person)))
  setOptions(
    byId<HTMLSelectElement>("leave-select"),
    chats.length === 0 ? [["", "in no group"]] : chats.map((chat) => [String(chat.id), chatName(chat.id)])
  )
  byId<HTMLButtonElement>("leave-button").disabled = chats.length === 0
  byId("person-name").textContent = person === undefined ? "nobody" : nameOf(person)
}

/** Wires the person panel's controls; `changed` runs when the person or the bot changes. */
export const setUpPerson = (changed: () => void): void => {
  const personSelect = byId<HTMLSelectElement>("person-select")
  const botSelect = byId<HTMLSelectElement>("bot-select")
  const onChange = () => {
    state.person = integer(personSelect)
    state.bot = integer(botSelect)
    changed()
  }
  personSelect.addEventListener("change", onChange)
  botSelect.addEventListener("change", onChange)

  const input = byId<HTMLInputElement>("send-text")
  byId("send-form").addEventListener("submit", (event) => {
    event.preventDefault()
    const person = state.person
    const message = input.value
    if (person === undefined || message.trim() === "") return
    void act(
      () =>
        control("POST", `users/${person}/send`, {
          text: message,
          ...(state.bot !== undefined ? { bot_id: state.bot } : {})
        }),
      () => {
        input.value = ""
        return `${nameOf(person)} wrote to ${nameOf(state.bot)}`
      }
    )
  })

  byId("leave-button").addEventListener("click", () => {
    const person = state.person
    const chatId = integer(byId<HTMLSelectElement>("leave-select"))
    if (person === undefined || chatId === undefined) return
    void act(
      () => control("POST", `users/${person}/leave`, { chat_id: chatId }),
      () => `${nameOf(person)} left ${chatName(chatId)}`
    )
  })

  byId("block-button").addEventListener("click", () => {
    const person = state.person
    if (person === undefined) return
    void act(
      () => control("POST", `users/${person}/block`, state.bot !== undefined ? { bot_id: state.bot } : {}),
      () => `${nameOf(person)} blocked ${nameOf(state.bot)} (writing to it again restarts it)`
    )
  })

  byId("add-person-form").addEventListener("submit", (event) => {
    event.preventDefault()
    const id = integer(byId<HTMLInputElement>("add-id"))
    const firstName = text(byId<HTMLInputElement>("add-first-name"))
    const username = text(byId<HTMLInputElement>("add-username"))
    void act(
      () =>
        control<{ id: number; first_name: string }>("POST", "users", {
          id: id ?? Math.max(1000, ...people().map((user) => user.id)) + 1,
          first_name: firstName ?? "",
          ...(username !== undefined ? { username } : {})
        }),
      (user) => {
        ;(byId("add-person-form") as HTMLFormElement).reset()
        personSelect.dataset["pick"] = String(user.id)
        return `added ${user.first_name} (${user.id})`
      }
    )
  })
}

/** After a person was added: select them once the world shows them. */
export const pickAdded = (): void => {
  const personSelect = byId<HTMLSelectElement>("person-select")
  const wanted = personSelect.dataset["pick"]
  if (wanted === undefined) return
  if (Array.from(personSelect.options).some((option) => option.value === wanted)) {
    personSelect.value = wanted
    delete personSelect.dataset["pick"]
    state.person = Number(wanted)
  }
}
