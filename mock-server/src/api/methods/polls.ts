/**
 * sendPoll and stopPoll (telegram-wire-messages.md §M5.14, §M7): the Bot API's readers in its order, the send
 * pipeline, TDLib's checks of the poll, the right to send polls; the poll closes on the mock's clock at its close
 * date. stopPoll closes the bot's open poll and answers the Poll; the bot gets a `poll` update either way.
 */
import { announcePoll, scheduleClose } from "../../events/polls.js"
import { formattedParams } from "../../input/formatted.js"
import { finishPoll, type PollTypeInput, readOptions, readPollMediaParam, readPollType } from "../../input/poll.js"
import { toBool } from "../../internal/Params.js"
import { pollJson } from "../../wire/poll.js"
import { closePoll, newPoll, type PollContent } from "../../world/polls.js"
import { apiError, isApiError } from "../envelope.js"
import { replyMarkup, sendParams } from "../send/params.js"
import { sendContent } from "../send/sendContent.js"
import { commit, method, methods } from "../table/method.js"
import { bool, custom, int, messageId, raw, strings, text } from "../table/params.js"
import { contentPermission } from "./contentRights.js"
import { businessRefusal, editKeyboard, editTarget, mayEdit, touch } from "./editing.js"

const formatted = (name: string, note: string) =>
  custom("String", (input) => formattedParams(input.call.params, name), { required: name === "question", note })

/** sendPoll, stopPoll. */
export const pollMethods = methods({
  sendPoll: method({
    family: "polls",
    summary: "a poll or a quiz (options, media that are places, open_period/close_date on the mock's clock)",
    params: {
      question: formatted("question", "1-300 characters; with question_parse_mode, question_entities"),
      options: custom("Array of InputPollOption", (input) => readOptions(input.call.params), {
        required: true,
        note: "1-12 strings or InputPollOption, 1-100 characters each"
      }),
      description: formatted("description", "0-1024 characters; with description_parse_mode, description_entities"),
      is_anonymous: custom("Boolean", (input) => {
        const value = raw(input)
        return value === undefined ? true : toBool(value)
      }, { note: "default true" }),
      allows_multiple_answers: bool,
      type: custom<PollTypeInput>("String", (input) => readPollType(input.call.params), {
        note: "quiz or regular (default); a quiz reads explanation, explanation_media, correct_option_ids"
      }),
      allows_revoting: custom("Boolean", (input) => {
        const value = raw(input)
        return value === undefined ? (input.earlier["type"] as PollTypeInput).type !== "quiz" : toBool(value)
      }, { note: "default true, false for quizzes" }),
      open_period: int({ min: 0, max: 2_628_000 }),
      close_date: int({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      is_closed: bool,
      shuffle_options: bool,
      hide_results_until_closes: bool,
      members_only: bool,
      country_codes: strings(12),
      media: custom("InputPollMedia", (input) => readPollMediaParam(input.call.params, "media"), {
        note: "a location or a venue"
      }),
      ...sendParams
    },
    run: (p, call) => {
      let content: PollContent | undefined
      return sendContent(call, p, {
        content: () => {
          const finished = finishPoll({
            question: p.question,
            options: p.options,
            description: p.description,
            isAnonymous: p.is_anonymous,
            allowsMultipleAnswers: p.allows_multiple_answers,
            pollType: p.type,
            allowsRevoting: p.allows_revoting,
            openPeriod: p.open_period,
            closeDate: p.close_date,
            isClosed: p.is_closed,
            shuffleOptions: p.shuffle_options,
            hideResultsUntilCloses: p.hide_results_until_closes,
            membersOnly: p.members_only,
            countryCodes: p.country_codes,
            media: p.media
          }, p.chat_id.type === "channel")
          if (isApiError(finished)) return finished
          const now = Math.floor(call.world.clock.now() / 1000)
          const openPeriod = finished.settings.openPeriod !== 0
            ? finished.settings.openPeriod
            : Math.max(0, finished.closeDate - now)
          const closeDate = finished.settings.openPeriod !== 0 ? now + openPeriod : finished.closeDate
          const poll = newPoll(call.world, call.botId, { ...finished.settings, openPeriod }, closeDate)
          if (p.is_closed || (closeDate !== 0 && closeDate <= now)) poll.isClosed = true
          content = { kind: "poll", poll, description: finished.description, media: finished.media }
          return content
        },
        // content() ran (and succeeded) before the permission is asked and before the message is stored.
        permission: (chat, botId) => contentPermission(chat, botId, content!),
        onStored: () => scheduleClose(call.world, content!.poll)
      })
    }
  }),

  stopPoll: method({
    family: "polls",
    summary: "closes the bot's open poll (a `poll` update follows) and answers the Poll",
    params: { business_connection_id: text, chat_id: text, message_id: messageId, reply_markup: replyMarkup },
    run: (p, call) => {
      const business = businessRefusal(p.business_connection_id, p.chat_id)
      if (business !== undefined) return business
      const target = editTarget(call, p.chat_id, p.message_id, "message with poll to stop")
      if (isApiError(target)) return target
      const { chat, message } = target
      const content = message.content
      if (content.kind !== "poll") return apiError(400, "Bad Request: message is not a poll")
      if (!mayEdit(chat, call.botId, message)) return apiError(400, "Bad Request: poll can't be stopped")
      const keyboard = editKeyboard(call, p.reply_markup, chat)
      if (isApiError(keyboard)) return keyboard
      return commit(chat, () => {
        closePoll(content.poll)
        message.keyboard = keyboard
        touch(call.world, message)
        announcePoll(call.world, content.poll)
        return pollJson(call.world, content.poll, call.botId, content)
      })
    }
  })
})
