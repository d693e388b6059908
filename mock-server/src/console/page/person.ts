/**
 * Acting as a person: pick one of the world's people, a bot, and where to write (their private chat with the bot, or
 * a group they are in and its forum topic); read the conversation (messages/messageView.ts), leave a chat, block the
 * bot, add a person. Everything goes through the control API's people routes.
 */
import { control } from "./client.js"
import { loadCommands } from "./compose.js"
import { byId, fill, h, setOptions } from "./dom.js"
import { type Message, messageItem } from "./messageView.js"
import { bots, chatName, chatOf, isIn, liveGroups, memberOf, nameOf, people, state } from "./state.js"
import { act, integer, text } from "./ui.js"

let loaded: ReadonlyArray<Message> = []
/** Which conversation `loaded` is (person|bot|chat), so a redraw keeps the scroll position of the same one. */
let loadedKey = ""

const conversationKey = (): string => `${state.person}|${state.bot}|${state.chat}`

/** Draws the conversation read last. */
const renderConversation = (): void => {
  const list = byId("conversation")
  const key = conversationKey()
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.["key"]
  const opened = new Set(
    Array.from(list.querySelectorAll<HTMLDetailsElement>("details[open]")).map((d) => d.dataset["key"])
  )
  const empty = state.chat !== undefined
    ? `Nobody has written in ${chatName(state.chat)} yet.`
    : `${nameOf(state.person)} has not written to ${nameOf(state.bot)} yet.`
  fill(list, ...(loaded.length === 0 ? [h("li", { class: "note" }, empty)] : loaded.map(messageItem)))
  if (key === loadedKey) {
    for (const details of Array.from(list.querySelectorAll<HTMLDetailsElement>("details"))) {
      if (opened.has(details.dataset["key"])) details.open = true
    }
  }
  if (atBottom || key !== loadedKey) list.scrollTop = list.scrollHeight
  loadedKey = key
  if (focused !== undefined) {
    Array.from(list.querySelectorAll<HTMLElement>("[data-key]")).find((element) => element.dataset["key"] === focused)
      ?.focus()
  }
}

/** Reads the conversation again (and the bot's commands there). */
export const loadConversation = async (): Promise<void> => {
  const { bot, chat, person } = state
  void loadCommands()
  if (person === undefined || bot === undefined) {
    loaded = []
    renderConversation()
    return
  }
  // A person who never wrote to any bot has no private chat yet: nothing to read.
  const path = chat !== undefined ? `chats/${chat}/messages` : `chats/${person}/messages?bot_id=${bot}`
  const messages = chat === undefined && chatOf(person) === undefined
    ? []
    : await control<ReadonlyArray<Message>>("GET", path).catch(() => [])
  if (person === state.person && bot === state.bot && chat === state.chat) {
    loaded = messages
    renderConversation()
  }
}

/** The chats the person may write in (their private chat with the bot first), and a forum's topics. */
const renderWhere = (chats: ReadonlyArray<{ readonly id: number }>): void => {
  const chatSelect = byId<HTMLSelectElement>("chat-select")
  setOptions(chatSelect, [
    ["", `private chat with ${nameOf(state.bot)}`],
    ...chats.map((chat) => [String(chat.id), chatName(chat.id)] as const)
  ])
  state.chat = integer(chatSelect)
  const chat = state.chat !== undefined ? chatOf(state.chat) : undefined
  const topicSelect = byId<HTMLSelectElement>("topic-select")
  const forum = chat?.is_forum === true
  topicSelect.closest("label")!.hidden = !forum
  setOptions(topicSelect, [
    ["", chat?.general_forum_topic?.name ?? "General"],
    ...(forum ? chat!.forum_topics ?? [] : []).map((t) => [String(t.message_thread_id), t.name] as const)
  ])
  state.topic = forum ? integer(topicSelect) : undefined
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
  renderWhere(chats)
}

/** Wires the person panel's controls; `changed` runs when the person or the bot changes. */
export const setUpPerson = (changed: () => void): void => {
  const personSelect = byId<HTMLSelectElement>("person-select")
  const selects = ["person-select", "bot-select", "chat-select", "topic-select"].map((id) =>
    byId<HTMLSelectElement>(id)
  )
  const onChange = () => {
    state.person = integer(selects[0]!)
    state.bot = integer(selects[1]!)
    state.chat = integer(selects[2]!)
    state.topic = integer(selects[3]!)
    changed()
  }
  for (const select of selects) select.addEventListener("change", onChange)

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
