/**
 * Poll and PollAnswer JSON, keys in the real server's order (Client.cpp JsonPoll, JsonPollOption, JsonPollMedia,
 * JsonPollAnswer). A bot sees the right answers of a quiz (and its explanation) only when it sent it or it is closed.
 */
import type { Formatted } from "../world/content.js"
import { knowsAnswers, type PollContent, type PollMedia, type PollRecord, totalVoters } from "../world/polls.js"
import type { World } from "../world/World.js"
import { locationJson, venueJson } from "./location.js"
import { entitiesJson } from "./message.js"
import { userJson } from "./user.js"

const json = JSON.stringify

/** PollMedia: one key, the media's kind. */
export const pollMediaJson = (media: PollMedia): string =>
  media.kind === "location"
    ? `{"location":${locationJson(media.latitude, media.longitude, media.accuracy)}}`
    : `{"venue":${venueJson(media)}}`

/** `"<name>":<text>` and, when it has entities, `"<entitiesName>":[…]`. */
const formattedJson = (world: World, name: string, entitiesName: string, value: Formatted): string =>
  `"${name}":${json(value.text)}${
    value.entities.length > 0 ? `,"${entitiesName}":${entitiesJson(world, value.entities)}` : ""
  }`

/** The quiz part: the right answers and the explanation, for a bot that may know them. */
const quizJson = (world: World, poll: PollRecord, viewerBotId: number | undefined): string => {
  if (!knowsAnswers(poll, viewerBotId)) return ""
  const ids = poll.correctOptionIds
  let out = ids.length === 1 ? `,"correct_option_id":${ids[0]}` : ""
  if (ids.length > 0) out += `,"correct_option_ids":[${ids.join(",")}]`
  if (poll.explanation.text !== "") {
    out += `,"explanation":${json(poll.explanation.text)},"explanation_entities":${
      entitiesJson(world, poll.explanation.entities)
    }`
  }
  if (poll.explanationMedia !== undefined) out += `,"explanation_media":${pollMediaJson(poll.explanationMedia)}`
  return out
}

/**
 * A Poll for `viewerBotId`; with `message` (the message that shows it), its description and media too (a `poll`
 * update leaves them out).
 */
export const pollJson = (
  world: World,
  poll: PollRecord,
  viewerBotId: number | undefined,
  message?: PollContent
): string => {
  let out = `{"id":${json(poll.id)},${formattedJson(world, "question", "question_entities", poll.question)}`
  out += `,"options":[${
    poll.options.map((option) =>
      `{"persistent_id":${json(option.persistentId)},${formattedJson(world, "text", "text_entities", option.text)}${
        option.media === undefined ? "" : `,"media":${pollMediaJson(option.media)}`
      },"voter_count":${option.voterCount}}`
    ).join(",")
  }]`
  out += `,"total_voter_count":${totalVoters(poll)}`
  if (poll.openPeriod !== 0 && poll.closeDate !== 0) {
    out += `,"open_period":${poll.openPeriod},"close_date":${poll.closeDate}`
  }
  out += `,"is_closed":${poll.isClosed},"is_anonymous":${poll.isAnonymous}`
  out += `,"allows_multiple_answers":${poll.allowsMultipleAnswers},"allows_revoting":${poll.allowsRevoting}`
  out += `,"members_only":${poll.membersOnly}`
  if (poll.countryCodes.length > 0) out += `,"country_codes":${json(poll.countryCodes)}`
  out += poll.type === "quiz" ? `,"type":"quiz"${quizJson(world, poll, viewerBotId)}` : `,"type":"regular"`
  if (message !== undefined && message.description.text !== "") {
    out += `,${formattedJson(world, "description", "description_entities", message.description)}`
  }
  if (message?.media !== undefined) out += `,"media":${pollMediaJson(message.media)}`
  return out + "}"
}

/** A PollAnswer: the voter and their choice (empty: retracted), positions and persistent ids. */
export const pollAnswerJson = (
  world: World,
  poll: PollRecord,
  userId: number,
  positions: ReadonlyArray<number>
): string =>
  `{"poll_id":${json(poll.id)},"user":${userJson(world, userId)},"option_ids":[${positions.join(",")}],` +
  `"option_persistent_ids":${json(positions.map((p) => poll.options[p]!.persistentId))}}`
