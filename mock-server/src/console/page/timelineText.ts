/**
 * The words of the timeline: what a request, an update or an action was, said in a line (a 429's wait and when its
 * bot came back, a press and the bot's answer to it, who joined, who wrote what).
 */
import type { ActionEvent, RequestEvent, UpdateEvent } from "./client.js"
import { seconds } from "./dom.js"
import type { Entry } from "./history.js"
import { chatName, nameOf } from "./state.js"

/** `Seed Supergroup (-1001234567890)`, a private chat's person, or the id as sent. */
export const chatLabel = (chatId: string | number | undefined): string => {
  if (chatId === undefined) return ""
  const id = Number(chatId)
  if (!Number.isSafeInteger(id)) return String(chatId)
  const name = chatName(id)
  return name === String(id) ? name : `${name} (${id})`
}

/** A reply fault as words: `a 429 (retry after 7 s)`, `error 500 “…”`, `a dropped connection`. */
export const replyText = (fault: object): string => {
  const reply = fault as Readonly<Record<string, unknown>>
  if (reply["drop"] === true) return "a dropped connection"
  if (typeof reply["html"] === "number") return `an HTML error page (${reply["html"]})`
  if (typeof reply["delay_ms"] === "number") return `a late answer (${seconds(reply["delay_ms"])} late)`
  if (reply["migrate_to_chat_id"] !== undefined) return `a migrate error (to ${String(reply["migrate_to_chat_id"])})`
  if (reply["error_code"] === 429) return `a 429 (retry after ${String(reply["retry_after"] ?? "?")} s)`
  const description = typeof reply["description"] === "string" ? ` “${reply["description"]}”` : ""
  return `error ${String(reply["error_code"] ?? "?")}${description}`
}

/** `{"error_code":429,"retry_after":7} ×2` (an inject_fault action's result) as `a 429 (retry after 7 s), 2 times`. */
const faultWords = (result: string): string => {
  const match = /^(\{.*\}) ×(\d+)$/.exec(result)
  if (match === null) return result
  try {
    const times = Number(match[2])
    return `${replyText(JSON.parse(match[1]!))}${times === 1 ? ", once" : `, ${times} times`}`
  } catch {
    return result
  }
}

/** What a request's row says besides its method and status. */
export const requestDetail = (entry: Entry): string => {
  const event = entry.event as RequestEvent
  const parts: Array<string> = []
  if (event.fault !== undefined) parts.push(`fault: ${event.fault}`)
  if (entry.retryMs !== undefined) {
    parts.push(`retry after ${seconds(entry.retryMs)}`)
    if (entry.backAt === undefined) parts.push("not back yet")
    else {
      const back = entry.backAt - event.at
      parts.push(`back after ${seconds(back)}${back + 50 < entry.retryMs ? " (early!)" : ""}`)
    }
  }
  if (event.waited_ms !== undefined) parts.push(`waited ${seconds(event.waited_ms)} (absorbed)`)
  if (event.webhook_reply === true) parts.push("from a webhook reply")
  if (event.test_environment === true) parts.push("test environment")
  if (event.description !== undefined && event.status !== 429) parts.push(event.description)
  return parts.join(" · ")
}

const userName = (user: any): string =>
  typeof user === "object" && user !== null ? String(user.first_name ?? user.title ?? user.id ?? "?") : "?"

/** What a message is, in a few words: its text, or its kind. */
const messageWords = (message: any): string => {
  if (typeof message.text === "string") return `“${message.text}”`
  const kinds = ["photo", "document", "voice", "audio", "video", "animation", "video_note", "sticker", "venue"]
  const kind = kinds.find((key) => message[key] !== undefined) ??
    ["location", "contact", "dice", "poll"].find((key) => message[key] !== undefined) ?? "a message"
  const caption = typeof message.caption === "string" ? ` “${message.caption}”` : ""
  return kind === "dice" ? `${message.dice.emoji} ${message.dice.value}` : `${kind.replace("_", " ")}${caption}`
}

/** The chat an update is about, and what it says. */
export const updateDetail = (entry: Entry): { chat: number | undefined; text: string } => {
  const event = entry.event as UpdateEvent
  const body = event.update[event.type] ?? {}
  const chat = body.chat?.id ?? body.message?.chat?.id
  switch (event.type) {
    case "message":
    case "edited_message":
    case "channel_post":
    case "edited_channel_post": {
      if (Array.isArray(body.new_chat_members)) {
        return { chat, text: `${body.new_chat_members.map(userName).join(", ")} joined` }
      }
      if (body.left_chat_member !== undefined) return { chat, text: `${userName(body.left_chat_member)} left` }
      if (body.migrate_to_chat_id !== undefined) return { chat, text: `upgraded to ${body.migrate_to_chat_id}` }
      if (body.migrate_from_chat_id !== undefined) return { chat, text: `upgraded from ${body.migrate_from_chat_id}` }
      return { chat, text: `${userName(body.from ?? body.sender_chat)}: ${messageWords(body)}` }
    }
    case "chat_member":
    case "my_chat_member": {
      const how = body.via_join_request === true ? " (join request)" : body.invite_link !== undefined ? " via link" : ""
      const change = `${body.old_chat_member?.status} → ${body.new_chat_member?.status}`
      return { chat, text: `${userName(body.new_chat_member?.user)}: ${change}${how}` }
    }
    case "chat_join_request":
      return { chat, text: `${userName(body.from)} asks to join` }
    case "callback_query": {
      const answer = entry.answer !== undefined ? ` → ${entry.answer}` : ""
      return { chat, text: `${userName(body.from)} pressed “${String(body.data ?? "")}”${answer}` }
    }
    case "poll_answer":
      return { chat, text: `${userName(body.user)} voted ${JSON.stringify(body.option_ids ?? [])}` }
    case "message_reaction": {
      const emoji = (body.new_reaction ?? []).map((r: any) => r.emoji ?? "custom").join(" ")
      return { chat, text: `${userName(body.user)} reacted ${emoji === "" ? "(none)" : emoji}` }
    }
    default:
      return { chat, text: "" }
  }
}

const ACTORS: Readonly<Record<string, string>> = {
  send: "person",
  press: "person",
  join: "person",
  leave: "person",
  block: "person",
  edit: "person",
  forward: "person",
  vote: "person",
  react: "person",
  send_file: "person",
  send_location: "person",
  send_contact: "person",
  send_dice: "person",
  set_member: "admin",
  approve_join_request: "admin",
  decline_join_request: "admin",
  create_invite_link: "admin",
  create_topic: "admin",
  set_forum: "admin"
}

/** Who acted: a person, an administrator, or the control API. */
export const actorOf = (event: ActionEvent): string => ACTORS[event.action] ?? "control"

/** What an action's row says. */
export const actionDetail = (event: ActionEvent): string => {
  const who = nameOf(event.user_id)
  switch (event.action) {
    case "send":
      return `${who} wrote “${event.text ?? ""}”`
    case "edit":
      return `${who} edited a message: “${event.text ?? ""}”`
    case "forward":
      return `${who} forwarded a message`
    case "vote":
      return `${who} voted ${event.text ?? ""}`
    case "react":
      return `${who} reacted`
    case "send_file":
    case "send_location":
    case "send_contact":
    case "send_dice":
      return `${who} sent a ${event.action.slice(5)}`
    case "press":
      return `${who} pressed “${event.text ?? ""}”`
    case "join":
      return `${who} opened an invite link: ${event.result ?? ""}`
    case "leave":
      return `${who} left`
    case "block":
      return `${who} blocked the bot`
    case "add_user":
      return `added ${event.text ?? ""} (${event.user_id})`
    case "set_member":
      return `${who} is now ${event.result ?? ""}`
    case "approve_join_request":
      return `${who}'s join request approved`
    case "decline_join_request":
      return `${who}'s join request declined`
    case "create_invite_link":
      return `${who} made an invite link: ${event.text ?? ""}`
    case "create_topic":
      return `topic “${event.text ?? ""}” created`
    case "upgrade":
      return `upgraded to ${event.result ?? ""}`
    case "inject_fault":
      return `fault on ${event.text ?? ""}: ${faultWords(event.result ?? "")}`
    case "clear_faults":
      return "faults cleared"
    case "set_flood_limits":
      return `flood limits set: ${event.result ?? ""}`
    case "reset":
      return "the world was reset"
    case "replace_world":
      return "a new world was loaded"
    default:
      return event.action.replaceAll("_", " ")
  }
}
