/**
 * One message of the conversation as a person's app shows it, with data always as text: who and when, what it replies
 * to, its text or caption (invite links in it get a Join button, as a tap on them would join), its media in a line
 * (photo, file, location, contact, dice), a poll with its options to vote for, its inline keyboard (callback buttons
 * to press, URL buttons, a Join button on invite links), and a menu of what the person may do with it.
 */
import { clockTime, h, safeHref } from "./dom.js"
import { editMessage, forwardToBot, openLink, press, react, replyTo, vote } from "./messageActions.js"
import { nameOf, state } from "./state.js"

/** A Message as the control API gives it (the page reads what it knows and shows the rest by kind). */
export type Message = Readonly<Record<string, any>> & {
  readonly message_id: number
  readonly date: number
}

interface Button {
  readonly text?: string
  readonly url?: string
  readonly callback_data?: string
}

/** An invite link as Telegram recognises one in text: `t.me/+hash`, `https://t.me/joinchat/hash`, telegram.me. */
const INVITE = /(?:https?:\/\/)?(?:t\.me|telegram\.me|telegram\.dog)\/(\+|joinchat\/)([A-Za-z0-9_-]+)/i

/** The world's URL of an invite link written any way Telegram reads it; undefined when it is no invite link. */
export const inviteUrl = (written: string): string | undefined => {
  const match = INVITE.exec(written)
  if (match === null) return undefined
  const hash = match[2]!
  const known = state.world?.invite_links.find((link) =>
    link.invite_link.endsWith(`/+${hash}`) ||
    link.invite_link.endsWith(`/joinchat/${hash}`)
  )
  return known?.invite_link ?? `https://t.me/${match[1] === "+" ? "+" : "joinchat/"}${hash}`
}

/** The invite links a text mentions (written in it, or behind a text link), each once. */
const invitesIn = (text: string, entities: ReadonlyArray<{ readonly type: string; readonly url?: string }>) => {
  const found = new Set<string>()
  for (const match of text.matchAll(new RegExp(INVITE.source, "gi"))) found.add(inviteUrl(match[0])!)
  for (const entity of entities) {
    const url = entity.type === "text_link" && entity.url !== undefined ? inviteUrl(entity.url) : undefined
    if (url !== undefined) found.add(url)
  }
  return [...found]
}

/** A Join (or Ask to join) button for an invite link, as the person at the keyboard. */
const joinButton = (url: string, key: string): HTMLElement => {
  const known = state.world?.invite_links.find((link) => link.invite_link === url)
  return h(
    "button",
    {
      type: "button",
      class: "join",
      "data-key": key,
      title: `Open ${url} as ${nameOf(state.person)}`,
      onclick: () => openLink(url)
    },
    known?.creates_join_request === true ? "Ask to join" : "Join"
  )
}

const urlButton = (message: Message, label: string, url: string): HTMLElement => {
  const href = safeHref(url)
  const invite = inviteUrl(url)
  return h(
    "span",
    { class: "url-button" },
    href !== undefined
      ? h("a", { href, target: "_blank", rel: "noopener noreferrer", class: "inline" }, `${label} ↗`)
      : h("span", { class: "inline" }, label),
    h("code", { class: "url" }, url),
    invite !== undefined ? joinButton(invite, `join:${message.message_id}:${url}`) : null
  )
}

const keyboard = (message: Message): HTMLElement | null => {
  const rows: ReadonlyArray<ReadonlyArray<Button>> | undefined = message["reply_markup"]?.inline_keyboard
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
          const data = button.callback_data
          if (data !== undefined) {
            return h("button", {
              type: "button",
              class: "inline",
              "data-key": `press:${message.message_id}:${data}`,
              onclick: () => press(message, data)
            }, label)
          }
          return button.url !== undefined
            ? urlButton(message, label, button.url)
            : h("span", { class: "inline" }, label)
        })
      )
    )
  )
}

const kb = (bytes: unknown): string =>
  typeof bytes === "number" ? ` · ${bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`}` : ""

/** A media message's line: `🖼 photo 1280×720`, `📄 notes.pdf · 2.0 KB`, `📍 51.50070, -0.12460`, `🎲 6`. */
const mediaLine = (message: Message): string | undefined => {
  const m = message
  if (m["photo"] !== undefined) {
    const largest = m["photo"][m["photo"].length - 1]
    return `🖼 photo${largest !== undefined ? ` ${largest.width}×${largest.height}` : ""}`
  }
  if (m["document"] !== undefined) return `📄 ${m["document"].file_name ?? "a file"}${kb(m["document"].file_size)}`
  if (m["audio"] !== undefined) return `🎵 ${m["audio"].title ?? m["audio"].file_name ?? "audio"}`
  if (m["voice"] !== undefined) return `🎤 voice, ${m["voice"].duration ?? 0} s`
  if (m["video"] !== undefined) return `🎬 video${kb(m["video"].file_size)}`
  if (m["animation"] !== undefined) return "🎞 animation"
  if (m["video_note"] !== undefined) return "⏺ video message"
  if (m["sticker"] !== undefined) return `${m["sticker"].emoji ?? "🖼"} sticker`
  if (m["venue"] !== undefined) return `📍 ${m["venue"].title}, ${m["venue"].address}`
  if (m["location"] !== undefined) {
    const { latitude, longitude, live_period } = m["location"]
    return `📍 ${latitude.toFixed(5)}, ${longitude.toFixed(5)}${live_period !== undefined ? " (live)" : ""}`
  }
  if (m["contact"] !== undefined) {
    const c = m["contact"]
    return `👤 ${c.first_name}${c.last_name !== undefined ? ` ${c.last_name}` : ""}, ${c.phone_number}`
  }
  if (m["dice"] !== undefined) return `${m["dice"].emoji} ${m["dice"].value}`
  return undefined
}

/** A poll: its question and options with their votes; buttons to vote while it is open. */
const pollView = (message: Message): HTMLElement | null => {
  const poll = message["poll"]
  if (poll === undefined) return null
  const open = poll.is_closed !== true
  const multiple = poll.allows_multiple_answers === true
  const options: ReadonlyArray<{ text: string; voter_count: number }> = poll.options ?? []
  const choices = options.map((option, i) =>
    h(
      "li",
      {},
      open && multiple ? h("input", { type: "checkbox", value: i, "aria-label": option.text }) : null,
      open && !multiple
        ? h("button", {
          type: "button",
          class: "inline",
          "data-key": `vote:${message.message_id}:${i}`,
          onclick: () => vote(message, [i])
        }, option.text)
        : h("span", {}, option.text),
      h("span", { class: "note" }, ` ${option.voter_count} vote${option.voter_count === 1 ? "" : "s"}`)
    )
  )
  const list = h("ol", { class: "poll-options" }, ...choices)
  const chosen = () =>
    Array.from(list.querySelectorAll<HTMLInputElement>("input:checked")).map((input) => Number(input.value))
  return h(
    "div",
    { class: "poll" },
    h("p", { class: "text" }, `📊 ${poll.question}${open ? "" : " (closed)"}`),
    list,
    open
      ? h(
        "div",
        { class: "keyboard-row" },
        multiple
          ? h("button", { type: "button", class: "inline", onclick: () => vote(message, chosen()) }, "Vote")
          : null,
        h("button", { type: "button", class: "inline", onclick: () => vote(message, []) }, "Retract my vote")
      )
      : null
  )
}

/** The reactions a person can set from the console (Telegram offers more). */
const REACTIONS = ["👍", "❤", "🔥", "🎉", "👎"]

/** What the person may do with a message: reply, react, edit their text, forward a group's message to the bot. */
const actions = (message: Message): HTMLElement => {
  const id = message.message_id
  const mine = message["from"]?.id === state.person
  // A menu: it closes once an action is chosen.
  const item = (label: string, key: string, run: () => void) =>
    h("button", {
      type: "button",
      class: "inline",
      "data-key": `${key}:${id}`,
      onclick: (event: Event) => {
        ;(event.currentTarget as HTMLElement).closest("details")!.open = false
        run()
      }
    }, label)
  return h(
    "details",
    { class: "message-actions", "data-key": `actions:${id}` },
    h("summary", { title: "Reply, react, edit, forward" }, "⋯"),
    h(
      "div",
      { class: "keyboard-row" },
      item("Reply", "reply", () => replyTo(message)),
      ...REACTIONS.map((emoji) => item(emoji, `react-${emoji}`, () => react(message, [emoji]))),
      item("No reaction", "unreact", () => react(message, [])),
      mine && typeof message["text"] === "string" ? item("Edit", "edit", () => editMessage(message)) : null,
      state.chat !== undefined ? item("Forward to the bot", "forward", () => forwardToBot(message)) : null
    )
  )
}

/** What a message replies to, in a line. */
const quote = (message: Message): HTMLElement | null => {
  const replied = message["reply_to_message"]
  if (replied === undefined) return null
  const words = typeof replied.text === "string" ? replied.text : mediaLine(replied) ?? "a message"
  return h("p", { class: "quote" }, `↩ ${replied.from !== undefined ? nameOf(replied.from.id) : "?"}: ${words}`)
}

/** A message as an item of the conversation. */
export const messageItem = (message: Message): HTMLElement => {
  const from = message["from"]
  const mine = from?.id === state.person
  const text: string | undefined = message["text"] ?? message["caption"]
  const entities = message["entities"] ?? message["caption_entities"] ?? []
  const media = mediaLine(message)
  const thread = message["message_thread_id"]
  return h(
    "li",
    { class: mine ? "mine" : "theirs", "data-message": message.message_id },
    h(
      "p",
      { class: "meta" },
      h("span", { class: "who" }, from !== undefined ? nameOf(from.id) : message["sender_chat"]?.title ?? "?"),
      " ",
      h("time", {}, clockTime(message.date * 1000)),
      message["edit_date"] !== undefined ? " · edited" : null,
      thread !== undefined && message["is_topic_message"] === true ? ` · topic ${thread}` : null
    ),
    quote(message),
    media !== undefined ? h("p", { class: "media" }, media) : null,
    text !== undefined ? h("p", { class: "text" }, text) : null,
    text === undefined && media === undefined && message["poll"] === undefined
      ? h("p", { class: "text note" }, "(no text)")
      : null,
    ...(text !== undefined
      ? invitesIn(text, entities).map((url) => joinButton(url, `join-text:${message.message_id}:${url}`))
      : []),
    pollView(message),
    keyboard(message),
    actions(message)
  )
}
