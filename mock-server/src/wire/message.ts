/**
 * Message JSON, built by hand with the keys in the real server's order (Client.cpp JsonMessage, JsonChat,
 * JsonEntity, JsonLinkPreviewOptions): the short Chat of messages and updates, text messages with their entities,
 * link preview options and inline keyboards, and the service messages of joins, leaves and upgrades.
 */
import { privateChat } from "../world/chats.js"
import {
  type Caption,
  captionOf,
  type Content,
  type Entity,
  type LinkPreviewRecord,
  type Service,
  type TextContent
} from "../world/content.js"
import type { MessageRecord } from "../world/messages.js"
import type { ChatRecord, World } from "../world/World.js"
import { businessMessageKeys } from "./business.js"
import { chatShortJson } from "./chat.js"
import { chatServiceJson } from "./chatService.js"
import { checklistJson } from "./checklist.js"
import { documentJson } from "./file.js"
import { forwardJson } from "./forward.js"
import { gameJson } from "./game.js"
import { mediaContentJson } from "./mediaMessage.js"
import { invoiceJson, paymentServiceJson } from "./payments.js"
import { pinnedServiceJson } from "./pins.js"
import { pollJson } from "./poll.js"
import { userJson } from "./user.js"

const json = JSON.stringify

/** A MessageEntity. */
export const entityJson = (world: World, entity: Entity): string => {
  let out = `{"offset":${entity.offset},"length":${entity.length},"type":${json(entity.type)}`
  if (entity.language !== undefined) out += `,"language":${json(entity.language)}`
  if (entity.url !== undefined) out += `,"url":${json(entity.url)}`
  if (entity.userId !== undefined) out += `,"user":${userJson(world, entity.userId)}`
  if (entity.customEmojiId !== undefined) out += `,"custom_emoji_id":${json(entity.customEmojiId)}`
  return out + "}"
}

/** An array of MessageEntity. */
export const entitiesJson = (world: World, entities: ReadonlyArray<Entity>): string =>
  `[${entities.map((e) => entityJson(world, e)).join(",")}]`

/** LinkPreviewOptions: only the options that are set. */
const linkPreviewJson = (options: LinkPreviewRecord): string => {
  const parts: Array<string> = []
  if (options.isDisabled) parts.push(`"is_disabled":true`)
  if (options.url !== "") parts.push(`"url":${json(options.url)}`)
  if (options.preferSmallMedia) parts.push(`"prefer_small_media":true`)
  if (options.preferLargeMedia) parts.push(`"prefer_large_media":true`)
  if (options.showAboveText) parts.push(`"show_above_text":true`)
  return `{${parts.join(",")}}`
}

/** The options are kept only when they change something: a URL to preview, and at least one option set. */
const keepsLinkPreview = (content: TextContent, options: LinkPreviewRecord): boolean =>
  (options.url !== "" || content.entities.some((e) => e.type === "url" || e.type === "text_link")) &&
  (options.isDisabled || options.url !== "" || options.preferSmallMedia || options.preferLargeMedia ||
    options.showAboveText)

/** The service part of a message; `viewerBotId` is the bot the update goes to (new_chat_member prefers it). */
const serviceJson = (world: World, service: Service, viewerBotId: number | undefined): string => {
  switch (service.kind) {
    case "new_chat_members": {
      const chosen = service.userIds.includes(viewerBotId ?? -1) ? viewerBotId! : service.userIds[0]!
      const user = userJson(world, chosen)
      return `,"new_chat_participant":${user},"new_chat_member":${user},"new_chat_members":[${
        service.userIds.map((id) => userJson(world, id)).join(",")
      }]`
    }
    case "left_chat_member": {
      const user = userJson(world, service.userId)
      return `,"left_chat_participant":${user},"left_chat_member":${user}`
    }
    case "migrate_to_chat_id":
      return `,"migrate_to_chat_id":${service.chatId}`
    case "migrate_from_chat_id":
      return `,"migrate_from_chat_id":${service.chatId}`
    case "pinned_message":
      return `,"pinned_message":${pinnedServiceJson(world, service, viewerBotId)}`
    case "successful_payment":
    case "refunded_payment":
      return paymentServiceJson(service)
    default:
      return chatServiceJson(world, service, viewerBotId)
  }
}

/** A text message's keys: text, entities, link preview options. */
const textJson = (world: World, content: TextContent): string => {
  let out = `,"text":${json(content.text)}`
  if (content.entities.length > 0) out += `,"entities":${entitiesJson(world, content.entities)}`
  if (content.linkPreview !== undefined && keepsLinkPreview(content, content.linkPreview)) {
    out += `,"link_preview_options":${linkPreviewJson(content.linkPreview)}`
  }
  return out
}

/** `,"caption":…[,"caption_entities":…][,"show_caption_above_media":true]` when there is a caption. */
export const captionKeys = (world: World, caption: Caption, showAboveMedia = false): string => {
  if (caption.text === "") return ""
  let out = `,"caption":${json(caption.text)}`
  if (caption.entities.length > 0) out += `,"caption_entities":${entitiesJson(world, caption.entities)}`
  return showAboveMedia ? out + `,"show_caption_above_media":true` : out
}

/** A media content's caption keys, then `has_media_spoiler` (JsonMessage's add_caption, add_media_spoiler). */
const mediaCaptionKeys = (world: World, content: Content): string => {
  const caption = captionOf(content)
  const above = "showCaptionAboveMedia" in content && content.showCaptionAboveMedia
  const keys = caption === undefined ? "" : captionKeys(world, caption, above)
  return "hasSpoiler" in content && content.hasSpoiler ? keys + `,"has_media_spoiler":true` : keys
}

/**
 * A message's content keys (each kind's, in the real server's order), for the bot `viewerBotId` (its own file_ids;
 * a person's view, `undefined`, sees the files as the world's first bot does).
 */
const contentJson = (world: World, content: Content, viewerBotId: number | undefined): string => {
  const viewer = viewerBotId ?? world.bots[0]?.user_id ?? 0
  switch (content.kind) {
    case "text":
      return textJson(world, content)
    case "service":
      return serviceJson(world, content.service, viewerBotId)
    case "document":
      return `,"document":${documentJson(world, content.file, content.thumbnail, viewer)}` +
        captionKeys(world, content.caption)
    case "poll":
      return `,"poll":${pollJson(world, content.poll, viewerBotId, content)}`
    case "checklist":
      return `,"checklist":${checklistJson(world, content)}`
    case "game":
      return `,"game":${gameJson(content.game)}`
    case "invoice":
      return `,"invoice":${invoiceJson(content.invoice)}`
    default:
      return mediaContentJson(world, content, viewer) + mediaCaptionKeys(world, content)
  }
}

/** The message's chat record (a message outlives nothing: its chat is always in the world or a private chat). */
const chatOf = (world: World, message: MessageRecord): ChatRecord | undefined =>
  world.chats.get(message.chatId) ?? privateChat(world, message.chatId)

/**
 * A Message; `reply` renders `reply_to_message` (one level deep, as the real server), `viewerBotId` is the bot it is
 * rendered for; `guestQueryId` marks the message a guest bot is asked about (`guest_message`).
 */
export const messageJson = (
  world: World,
  message: MessageRecord,
  viewerBotId: number | undefined,
  reply: MessageRecord | undefined,
  guestQueryId?: string
): string => {
  const chat = chatOf(world, message)
  let out = `{${businessMessageKeys(world, message)}"message_id":${message.id}`
  if (message.fromId !== undefined) out += `,"from":${userJson(world, message.fromId)}`
  const senderChat = message.senderChatId === undefined ? undefined : world.chats.get(message.senderChatId)
  if (senderChat !== undefined) out += `,"sender_chat":${chatShortJson(world, senderChat)}`
  out += `,"chat":${chat === undefined ? `{"id":${message.chatId},"type":"private"}` : chatShortJson(world, chat)}`
  out += `,"date":${message.date}`
  if (message.editDate > 0) out += `,"edit_date":${message.editDate}`
  if (message.threadId !== undefined) out += `,"message_thread_id":${message.threadId}`
  if (message.forwardOrigin !== undefined) out += forwardJson(world, message.forwardOrigin)
  if (reply !== undefined) out += `,"reply_to_message":${messageJson(world, reply, viewerBotId, undefined)}`
  if (message.mediaGroupId !== undefined) out += `,"media_group_id":${json(message.mediaGroupId)}`
  if (guestQueryId !== undefined) out += `,"guest_query_id":${json(guestQueryId)}`
  out += contentJson(world, message.content, viewerBotId)
  if (message.keyboard !== undefined) {
    out += `,"reply_markup":{"inline_keyboard":[${
      message.keyboard.map((row) => `[${row.map((button) => button.json).join(",")}]`).join(",")
    }]}`
  }
  if (message.viaBotId !== undefined) out += `,"via_bot":${userJson(world, message.viaBotId)}`
  if (message.guestBotCallerId !== undefined) {
    out += `,"guest_bot_caller_user":${userJson(world, message.guestBotCallerId)}`
  }
  if (message.protect) out += `,"has_protected_content":true`
  if (message.threadId !== undefined) out += `,"is_topic_message":true`
  if (chat?.type === "supergroup" && message.fromId !== undefined) {
    const tag = chat.members.get(message.fromId)?.rights.custom_title
    if (tag !== undefined && tag !== "") out += `,"sender_tag":${json(tag)}`
  }
  return out + "}"
}

/** An inaccessible message, as a callback query on a message the bot cannot read carries it. */
export const inaccessibleMessageJson = (world: World, chat: ChatRecord, messageId: number): string =>
  `{"message_id":${messageId},"chat":${chatShortJson(world, chat)},"date":0}`
