/**
 * Inline mode's JSON: the `inline_query` and `chosen_inline_result` updates with the keys in the real server's order
 * (Client.cpp JsonInlineQuery, JsonChosenInlineResult), and the views the control API gives of a query with its
 * answer, of an inline message, and of what a bot prepared for a person.
 */
import type {
  InlineAnswerRecord,
  InlineQueryRecord,
  PreparedButtonRecord,
  PreparedMessageRecord
} from "../world/inline.js"
import type { PointRecord } from "../world/places.js"
import type { World } from "../world/World.js"
import { locationJson } from "./location.js"
import { userJson } from "./user.js"

const json = JSON.stringify

const locationKey = (location: PointRecord | undefined): string =>
  location === undefined ? "" : `,"location":${locationJson(location.latitude, location.longitude, location.accuracy)}`

/** An InlineQuery (`chat_type` left out for a secret chat, which the mock has none of). */
export const inlineQueryJson = (world: World, query: InlineQueryRecord): string =>
  `{"id":${json(query.id)},"from":${userJson(world, query.userId)}${locationKey(query.location)},"chat_type":${
    json(query.chatType)
  },"query":${json(query.query)},"offset":${json(query.offset)}}`

/** A ChosenInlineResult (`inline_message_id` only when the sent message has one). */
export const chosenInlineResultJson = (
  world: World,
  query: InlineQueryRecord,
  resultId: string,
  inlineMessageId: string | undefined
): string =>
  `{"from":${userJson(world, query.userId)}${locationKey(query.location)}${
    inlineMessageId === undefined ? "" : `,"inline_message_id":${json(inlineMessageId)}`
  },"query":${json(query.query)},"result_id":${json(resultId)}}`

/** An answer as the person's app shows it: the results as the bot sent them, the button, the paging offset. */
const answerJson = (answer: InlineAnswerRecord): string => {
  const button = answer.button === undefined
    ? ""
    : `,"button":${
      json({
        text: answer.button.text,
        ...(answer.button.startParameter !== undefined ? { start_parameter: answer.button.startParameter } : {}),
        ...(answer.button.webAppUrl !== undefined ? { web_app: { url: answer.button.webAppUrl } } : {})
      })
    }`
  return `{"results":[${answer.results.map((result) => result.json).join(",")}],"cache_time":${answer.cacheTime},` +
    `"is_personal":${answer.isPersonal},"next_offset":${json(answer.nextOffset)}${button}}`
}

/** A query, where it was typed, and the bot's answer once there is one (`cached`: Telegram answered from its cache). */
export const inlineQueryViewJson = (query: InlineQueryRecord): string =>
  `{"inline_query_id":${json(query.id)},"bot_id":${query.botId},"user_id":${query.userId},"query":${
    json(query.query)
  },"offset":${json(query.offset)},"chat_type":${json(query.chatType)},"chat_id":${
    query.chatId ?? "null"
  },"cached":${query.cached},"answered":${query.answer !== undefined}${
    query.answer === undefined ? "" : `,"answer":${answerJson(query.answer)}`
  }${query.chosen === undefined ? "" : `,"chosen_result_id":${json(query.chosen)}`}}`

/** A prepared message as the person's Mini App can use it. */
export const preparedMessageJson = (prepared: PreparedMessageRecord): string =>
  `{"id":${
    json(prepared.id)
  },"bot_id":${prepared.botId},"user_id":${prepared.userId},"expiration_date":${prepared.expiresAt},` +
  `"allow_user_chats":${prepared.chatTypes.users},"allow_bot_chats":${prepared.chatTypes.bots},` +
  `"allow_group_chats":${prepared.chatTypes.groups},"allow_channel_chats":${prepared.chatTypes.channels},` +
  `"result":${prepared.result.json}}`

/** A prepared keyboard button as the person's Mini App can use it. */
export const preparedButtonJson = (prepared: PreparedButtonRecord): string =>
  `{"id":${json(prepared.id)},"bot_id":${prepared.botId},"user_id":${prepared.userId},"button":${prepared.json}}`
