/**
 * Stories of business accounts (telegram-wire-chats.md §21 Stories; Client.cpp process_post_story_query …
 * process_delete_story_query; StoryManager, BusinessConnectionManager): posted, reposted (from another account of
 * the same bot: `from_chat_id` and, as the real server reads it, `story_id`), edited and deleted through the account's
 * connection, with the `can_manage_stories` right. The answer is a Story: the account's chat and the story's id.
 */
import { isStickerRefusal } from "../../input/inputSticker.js"
import { readStoryContent, storyAreasRefusal } from "../../input/storyContent.js"
import { chatShortJson } from "../../wire/chat.js"
import type { BusinessConnectionRecord } from "../../world/business.js"
import { privateChat } from "../../world/chats.js"
import type { StoryAccount, StoryRecord } from "../../world/tail.js"
import type { World } from "../../world/World.js"
import { botsConnection, connectionParam, connectionRefusal } from "../business.js"
import { checkReadAccess, resolveChat } from "../chatAccess.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { resolveInputFile } from "../files/resolve.js"
import { caption } from "../send/media.js"
import { commit, method, methods } from "../table/method.js"
import { bool, custom, int, raw, requiredText, text } from "../table/params.js"
import { tdlibError } from "../tdlibError.js"

/** The most stories an account keeps (Telegram's cap for an account's active stories). */
const MAX_STORIES = 100
const PERIODS = new Set([6 * 3600, 12 * 3600, 86_400, 2 * 86_400])
const STORY_ID_INVALID = apiError(400, "Bad Request: STORY_ID_INVALID")

const content = custom("InputStoryContent", (input) => {
  const read = readStoryContent(input.call.params, raw(input))
  return isStickerRefusal(read) ? tdlibError(read.refusal) : read
}, { required: true, note: "a photo or a video uploaded as a file" })

const areas = custom("Array of StoryArea", (input) => {
  const refusal = storyAreasRefusal(raw(input))
  return refusal === undefined ? undefined : tdlibError(refusal.refusal)
})

/** An account's stories (made on first use). */
const storiesOf = (world: World, userId: number): StoryAccount => {
  let account = world.tail.stories.get(userId)
  if (account === undefined) world.tail.stories.set(userId, account = { stories: new Map(), nextId: 1 })
  return account
}

/** A Story: the account's chat and the story's id. */
const storyJson = (world: World, userId: number, id: number): string =>
  `{"chat":${chatShortJson(world, privateChat(world, userId)!)},"id":${id}}`

/** Telegram's rules for a new story: the right, the period, the account's cap. */
const postRefusal = (world: World, connection: BusinessConnectionRecord, period: number): ApiError | undefined =>
  connectionRefusal(connection, "can_manage_stories") ??
    (!PERIODS.has(period) ? apiError(400, "Bad Request: STORY_PERIOD_INVALID") : undefined) ??
    (storiesOf(world, connection.userId).stories.size >= MAX_STORIES
      ? apiError(400, "Bad Request: STORIES_TOO_MUCH")
      : undefined)

/** Adds a story to an account. */
const addStory = (world: World, userId: number, story: Omit<StoryRecord, "id">): number => {
  const account = storiesOf(world, userId)
  const id = account.nextId++
  account.stories.set(id, { ...story, id })
  return id
}

const period = int({ min: 0, max: 1_000_000_000 })

/** postStory, repostStory, editStory, deleteStory. */
export const storyMethods = methods({
  postStory: method({
    family: "stories",
    summary: "a story of the business account (6, 12, 24 or 48 hours; needs can_manage_stories)",
    params: {
      business_connection_id: text,
      content,
      areas,
      caption,
      active_period: period,
      post_to_chat_page: bool,
      protect_content: bool
    },
    run: (p, call) => {
      const connection = botsConnection(call.world, call.botId, p.business_connection_id)
      if (isApiError(connection)) return connection
      const refusal = postRefusal(call.world, connection, p.active_period)
      if (refusal !== undefined) return refusal
      return commit(undefined, () => {
        const file = resolveInputFile(call.world, call.botId, p.content.ref, p.content.type)
        if (isApiError(file)) return file
        const id = addStory(call.world, connection.userId, {
          content: { type: p.content.type, file },
          caption: { text: p.caption.text, entities: p.caption.entities },
          activePeriod: p.active_period,
          date: Math.floor(call.world.clock.now() / 1000),
          postedByBotId: call.botId,
          repostOf: undefined
        })
        return storyJson(call.world, connection.userId, id)
      })
    }
  }),
  repostStory: method({
    family: "stories",
    summary: "reposts a story the bot posted on another business account it manages (`from_chat_id`, `story_id`)",
    params: {
      business_connection_id: text,
      from_chat_id: requiredText,
      story_id: int({ min: 0, max: 1_000_000_000 }),
      active_period: period,
      post_to_chat_page: bool,
      protect_content: bool
    },
    run: (p, call) => {
      const connection = botsConnection(call.world, call.botId, p.business_connection_id)
      if (isApiError(connection)) return connection
      const from = resolveChat(call.world, p.from_chat_id)
      if (isApiError(from)) return from
      const unreadable = checkReadAccess(from, call.botId, false)
      if (unreadable !== undefined) return unreadable
      const refusal = postRefusal(call.world, connection, p.active_period)
      if (refusal !== undefined) return refusal
      const source = [...call.world.tail.business.values()].find((c) => c.userId === from.id && c.botId === call.botId)
      const original = call.world.tail.stories.get(from.id)?.stories.get(p.story_id)
      if (source === undefined || original === undefined || original.postedByBotId !== call.botId) {
        return STORY_ID_INVALID
      }
      return commit(undefined, () => {
        const id = addStory(call.world, connection.userId, {
          ...original,
          activePeriod: p.active_period,
          date: Math.floor(call.world.clock.now() / 1000),
          repostOf: { chatId: from.id, storyId: original.id }
        })
        return storyJson(call.world, connection.userId, id)
      })
    }
  }),
  editStory: method({
    family: "stories",
    summary: "replaces a story's content and caption (needs can_manage_stories)",
    params: { business_connection_id: text, content, areas, caption, story_id: int({ min: 0, max: 1_000_000_000 }) },
    run: (p, call) => {
      const connection = botsConnection(call.world, call.botId, p.business_connection_id)
      if (isApiError(connection)) return connection
      if (p.story_id <= 0) return tdlibError("Story can't be edited")
      const refusal = connectionRefusal(connection, "can_manage_stories")
      if (refusal !== undefined) return refusal
      const story = call.world.tail.stories.get(connection.userId)?.stories.get(p.story_id)
      if (story === undefined) return STORY_ID_INVALID
      return commit(undefined, () => {
        const file = resolveInputFile(call.world, call.botId, p.content.ref, p.content.type)
        if (isApiError(file)) return file
        story.content = { type: p.content.type, file }
        story.caption = { text: p.caption.text, entities: p.caption.entities }
        return storyJson(call.world, connection.userId, story.id)
      })
    }
  }),
  deleteStory: method({
    family: "stories",
    summary: "deletes a story of the business account (needs can_manage_stories)",
    params: { business_connection_id: connectionParam, story_id: int({ min: 0, max: 1_000_000_000 }) },
    run: (p, call) => {
      const connection = p.business_connection_id
      if (p.story_id <= 0) return tdlibError("Invalid story identifier specified")
      const refusal = connectionRefusal(connection, "can_manage_stories")
      if (refusal !== undefined) return refusal
      return commit(undefined, () => {
        call.world.tail.stories.get(connection.userId)?.stories.delete(p.story_id)
        return "true"
      })
    }
  })
})
