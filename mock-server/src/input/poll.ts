/**
 * sendPoll's input (telegram-wire-messages.md §M5.14; Client.cpp process_send_poll_query, get_input_poll_options;
 * TDLib MessageContent.cpp, PollOption.cpp, PollManager.cpp): the Bot API's readers in its order, then TDLib's checks
 * of the poll in theirs (description, question, media, options, quiz, countries). Each failure is the real text.
 */
import { type ApiError, apiError, isApiError } from "../internal/apiError.js"
import { field, FieldError, parseJson } from "../internal/JsonValue.js"
import { type Params, toBool, toLenientInt } from "../internal/Params.js"
import type { Formatted } from "../world/content.js"
import type { PollMedia, PollSettings } from "../world/polls.js"
import { badRequest, characters, finishFormatted, formattedField, formattedParams } from "./formatted.js"
import { finishPollMedia, type PollMediaInput, readPollMediaValue } from "./pollMedia.js"
import { type FormattedText, formattedText } from "./text.js"

/** An option as the Bot API read it. */
export interface OptionInput {
  readonly text: FormattedText
  readonly media: PollMediaInput | undefined
}

/** The poll's type as the Bot API read it: a quiz with its answers and explanation, or a regular poll. */
export type PollTypeInput =
  | {
    readonly type: "quiz"
    readonly explanation: FormattedText
    readonly explanationMedia: PollMediaInput | undefined
    readonly correctOptionIds: ReadonlyArray<number>
  }
  | { readonly type: "regular"; readonly allowAddingOptions: boolean }

/** `options`: a JSON array of strings or InputPollOption objects. */
export const readOptions = (params: Params): ReadonlyArray<OptionInput> | ApiError => {
  const json = parseJson(params.get("options") ?? "")
  if (json === undefined) return badRequest("Can't parse options JSON object")
  if (json.kind !== "array") return badRequest("Expected an Array of String as options")
  const options: Array<OptionInput> = []
  for (const item of json.items) {
    if (item.kind === "string") {
      const text = formattedText(item.value, "", undefined)
      if ("refusal" in text) return apiError(400, text.refusal)
      options.push({ text, media: undefined })
    } else if (item.kind === "object") {
      const text = formattedField(item, "text", "text_parse_mode", "text_entities")
      if (text instanceof FieldError) return badRequest(text.message)
      if (isApiError(text)) return text
      const media = readPollMediaValue(field(item, "media"), true)
      if (media !== undefined && "why" in media) return badRequest(`Failed to parse poll option media: ${media.why}`)
      options.push({ text, media })
    } else return badRequest("Expected an option to be of type String")
  }
  return options
}

/** A poll media parameter (`media`, `explanation_media`): empty is none. */
export const readPollMediaParam = (params: Params, name: string): PollMediaInput | undefined | ApiError => {
  const raw = params.get(name) ?? ""
  if (raw === "") return undefined
  const json = parseJson(raw)
  if (json === undefined) return badRequest("Can't parse InputPollMedia JSON object")
  const media = readPollMediaValue(json, false)
  return media !== undefined && "why" in media ? badRequest(`Failed to parse InputPollMedia: ${media.why}`) : media
}

/** `correct_option_ids` (a JSON array of numbers), else the legacy `correct_option_id`, else none. */
const readCorrectIds = (params: Params): ReadonlyArray<number> | ApiError => {
  const ids = params.get("correct_option_ids")
  if (ids !== undefined) {
    const json = parseJson(ids)
    if (json === undefined) return badRequest("Can't parse correct option identifiers JSON object")
    if (json.kind !== "array") return badRequest("Expected an Array of correct option identifiers")
    const out: Array<number> = []
    for (const item of json.items) {
      if (item.kind !== "number") return badRequest("Correct option identifier must be of type Number")
      if (!/^(0|-?[1-9][0-9]*)$/.test(item.text) || Math.abs(Number(item.text)) >= 2 ** 31) {
        return badRequest("Invalid correct option identifier specified")
      }
      out.push(Number(item.text))
    }
    return out
  }
  const legacy = params.get("correct_option_id")
  if (legacy === undefined) return []
  return [legacy === "" ? -1 : toLenientInt(legacy)]
}

/** `type` and what it brings: a quiz's explanation, its media and its answers; a regular poll's allow_adding_options. */
export const readPollType = (params: Params): PollTypeInput | ApiError => {
  const type = params.get("type") ?? ""
  if (type === "quiz") {
    const explanation = formattedParams(params, "explanation")
    if (isApiError(explanation)) return explanation
    const explanationMedia = readPollMediaParam(params, "explanation_media")
    if (isApiError(explanationMedia)) return explanationMedia
    const correctOptionIds = readCorrectIds(params)
    if (isApiError(correctOptionIds)) return correctOptionIds
    return { type, explanation, explanationMedia, correctOptionIds }
  }
  if (type === "" || type === "regular") {
    return { type: "regular", allowAddingOptions: toBool(params.get("allow_adding_options")) }
  }
  return badRequest("Unsupported poll type specified")
}

/** What sendPoll read, in the Bot API's order; TDLib's checks come in finishPoll. */
export interface PollInput {
  readonly question: FormattedText
  readonly options: ReadonlyArray<OptionInput>
  readonly description: FormattedText
  readonly isAnonymous: boolean
  readonly allowsMultipleAnswers: boolean
  readonly pollType: PollTypeInput
  readonly allowsRevoting: boolean
  readonly openPeriod: number
  readonly closeDate: number
  readonly isClosed: boolean
  readonly shuffleOptions: boolean
  readonly hideResultsUntilCloses: boolean
  readonly membersOnly: boolean
  readonly countryCodes: ReadonlyArray<string>
  readonly media: PollMediaInput | undefined
}

/** A poll TDLib accepted: its settings, the message's description and media, and the asked close date. */
export interface FinishedPoll {
  readonly settings: PollSettings
  readonly description: Formatted
  readonly media: PollMedia | undefined
  /** close_date as asked (0: none; dropped when there is an open period). */
  readonly closeDate: number
}

const finishText = (text: FormattedText, limit: number, what: string): Formatted | ApiError => {
  const done = finishFormatted(text, false)
  if (isApiError(done)) return done
  return characters(done.text) > limit ? badRequest(`${what} length must not exceed ${limit}`) : done
}

/** TDLib's checks, in its order (MessageContent.cpp: caption, then the poll); `inChannel`: a channel (not a group). */
export const finishPoll = (input: PollInput, inChannel: boolean): FinishedPoll | ApiError => {
  const description = finishFormatted(input.description, true)
  if (isApiError(description)) return description
  if (characters(description.text) > 1024) return badRequest("Message caption is too long")
  const question = finishText(input.question, 300, "Poll question")
  if (isApiError(question)) return question
  const media = finishPollMedia(input.media)
  if (isApiError(media)) return media
  if (input.options.length === 0) return badRequest("Poll must have at least one answer option")
  if (input.options.length > 12) return badRequest("Poll can't have more than 12 options")
  const options: Array<{ text: Formatted; media: PollMedia | undefined }> = []
  for (const option of input.options) {
    const text = finishText(option.text, 100, "Poll options")
    if (isApiError(text)) return text
    const optionMedia = finishPollMedia(option.media)
    if (isApiError(optionMedia)) return optionMedia
    options.push({ text, media: optionMedia })
  }
  let quiz = { correctOptionIds: [] as ReadonlyArray<number>, explanation: { text: "", entities: [] } as Formatted }
  let explanationMedia: PollMedia | undefined
  if (input.pollType.type === "quiz") {
    const ids = input.pollType.correctOptionIds
    if (ids.length === 0) return badRequest("Correct quiz option list must be non-empty")
    for (let i = 0; i + 1 < ids.length; i++) {
      if (ids[i]! >= ids[i + 1]!) return badRequest("Correct quiz option list must be increasing")
    }
    if (ids.some((id) => id < 0 || id >= options.length)) return badRequest("Wrong quiz correct_option_id")
    const explanation = finishFormatted(input.pollType.explanation, true)
    if (isApiError(explanation)) return explanation
    const finished = finishPollMedia(input.pollType.explanationMedia)
    if (isApiError(finished)) return finished
    quiz = { correctOptionIds: ids, explanation }
    explanationMedia = finished
  }
  if (input.countryCodes.some((code) => !/^[A-Z]{2}$/.test(code))) return badRequest("Invalid country code specified")
  if (input.countryCodes.length > 12) return badRequest("Too many countries specified")
  if (!inChannel && (input.membersOnly || input.countryCodes.length > 0)) {
    return badRequest("Poll voters can be restricted only in channel chats")
  }
  const settings: PollSettings = {
    question,
    options,
    isAnonymous: input.isAnonymous,
    allowsMultipleAnswers: input.allowsMultipleAnswers,
    allowsRevoting: input.allowsRevoting,
    allowAddingOptions: input.pollType.type === "regular" && input.pollType.allowAddingOptions,
    membersOnly: input.membersOnly,
    countryCodes: input.countryCodes,
    shuffleOptions: input.shuffleOptions,
    hideResultsUntilCloses: input.hideResultsUntilCloses,
    type: input.pollType.type,
    ...quiz,
    explanationMedia,
    openPeriod: input.openPeriod
  }
  return { settings, description, media, closeDate: input.openPeriod !== 0 ? 0 : input.closeDate }
}
