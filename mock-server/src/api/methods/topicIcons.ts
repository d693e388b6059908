/**
 * getForumTopicIconStickers (telegram-wire-chats.md §17.5): the default topic icons as Sticker objects (Client.cpp
 * JsonSticker's keys in order). The mock's own set: the emoji Telegram's "Topics" set shows, with made-up custom
 * emoji ids and stand-in animated-sticker files the bot can getFile (their file_ids are the bot's own).
 */
import { fileKeys } from "../../wire/file.js"
import type { World } from "../../world/World.js"
import { commit, method, methods } from "../table/method.js"

/** The icons: emoji and custom emoji id. */
export const TOPIC_ICONS: ReadonlyArray<readonly [string, string]> = [
  ["📰", "5434144690511290129"],
  ["💡", "5312536423851630001"],
  ["⚡️", "5312016608254762256"],
  ["🎙", "5377544228505134960"],
  ["🔝", "5418085807791545980"],
  ["🗣", "5417915203100613993"],
  ["🆒", "5420216386448270341"],
  ["❗️", "5379748062124056162"],
  ["📝", "5373251851074415873"],
  ["📆", "5433614043006903194"],
  ["📁", "5357315181649076022"],
  ["🔎", "5309965701241379366"],
  ["📣", "5309984423003823246"],
  ["🔥", "5312241539987020022"],
  ["❤️", "5312138559556164615"],
  ["❓", "5377316857231450742"]
]

/** One icon's Sticker, its file made on first use (the same bytes: the same file). */
const iconJson = (world: World, botId: number, emoji: string, customEmojiId: string): string => {
  const file = world.files.add({
    type: "sticker",
    bytes: new TextEncoder().encode(`{"tgs":"topic icon ${customEmojiId}"}`),
    fileName: "",
    mimeType: "application/x-tgsticker"
  })
  return `{"width":512,"height":512,"emoji":${JSON.stringify(emoji)},"set_name":"Topics","is_animated":true,` +
    `"is_video":false,"type":"custom_emoji","custom_emoji_id":"${customEmojiId}",${fileKeys(world, file, botId)}}`
}

/** getForumTopicIconStickers. */
export const topicIconMethods = methods({
  getForumTopicIconStickers: method({
    family: "forumTopics",
    summary: "the custom emoji stickers a topic's icon may use",
    params: {},
    run: (_, call) =>
      commit(
        undefined,
        () => `[${TOPIC_ICONS.map(([emoji, id]) => iconJson(call.world, call.botId, emoji, id)).join(",")}]`
      )
  })
})
