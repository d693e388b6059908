/**
 * editMessageLiveLocation and stopMessageLiveLocation (telegram-wire-messages.md §M7; one handler in Client.cpp, the
 * second reading no point): the live period, heading and proximity radius (lenient, unclamped), the point, then
 * reply_markup; the inline form, the message, TDLib's checks (`message can't be edited` once the period ran out on
 * the mock's clock or the location was stopped, `there is no live location in the message to edit`, `invalid
 * location specified`, `inline keyboard expected`), then Telegram's (`message is not modified`). A new live_period
 * counts from the message's date (0x7FFFFFFF: forever); heading 0 keeps the heading; the proximity radius is always
 * replaced. Stopping ends the period now.
 */
import { validPoint } from "../../input/location.js"
import { liveEnd, type LocationContent, type PointRecord } from "../../world/places.js"
import {
  CANT_EDIT,
  editedAnswer,
  editKeyboard,
  type EditTarget,
  editTarget,
  inlineRefusal,
  mayEdit,
  NOT_MODIFIED,
  sameKeyboard
} from "../editAccess.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { replyMarkup } from "../send/params.js"
import { type Call, commit, method, methods, type Verdict } from "../table/method.js"
import { messageId, text } from "../table/params.js"
import { isInlineForm } from "./editing.js"
import { editInlineLiveLocation, stopInlineLiveLocation } from "./inlineEdits.js"
import { int32, point } from "./places.js"

/** The live location a message holds, once the bot may edit it. */
const liveTarget = (call: Call, chatId: string, id: number, inlineId: string): EditTarget | ApiError => {
  const inline = inlineRefusal(chatId, id, inlineId)
  if (inline !== undefined) return inline
  const target = editTarget(call, chatId, id)
  if (isApiError(target)) return target
  if (!mayEdit(call.world, target.chat, call.botId, target.message)) return CANT_EDIT
  if (target.message.content.kind !== "location") {
    return apiError(400, "Bad Request: there is no live location in the message to edit")
  }
  return target
}

/** The location after an edit: the new point and radius, a new heading and period when given. */
export const edited = (before: LocationContent, date: number, point: PointRecord, p: Changes): LocationContent => ({
  ...before,
  ...point,
  heading: p.heading !== 0 ? p.heading : before.heading,
  proximityAlertRadius: p.proximity_alert_radius,
  ...(p.live_period !== 0 ? { livePeriod: p.live_period, liveUntil: liveEnd(date, p.live_period) } : {})
})

export interface Changes {
  readonly live_period: number
  readonly heading: number
  readonly proximity_alert_radius: number
}

/** Commits the change: the content, the keyboard, the edit date; the edited Message. */
const apply = (
  call: Call,
  target: EditTarget,
  content: LocationContent,
  keyboard: EditTarget["message"]["keyboard"]
): Verdict =>
  commit(target.chat, () => {
    target.message.content = content
    target.message.keyboard = keyboard
    return editedAnswer(call.world, target.message, call.botId)
  })

/** editMessageLiveLocation, stopMessageLiveLocation. */
export const liveLocationMethods = methods({
  editMessageLiveLocation: method({
    family: "edits",
    summary: "moves a live location (and changes its heading, radius, period) while it runs on the mock's clock",
    params: {
      live_period: int32,
      heading: int32,
      proximity_alert_radius: int32,
      latitude: point,
      business_connection_id: text,
      chat_id: text,
      message_id: messageId,
      reply_markup: replyMarkup,
      inline_message_id: text
    },
    run: (p, call) => {
      if (isInlineForm(p.chat_id, p.message_id)) return editInlineLiveLocation(call, p.inline_message_id, p.latitude, p)
      const target = liveTarget(call, p.chat_id, p.message_id, p.inline_message_id)
      if (isApiError(target)) return target
      const valid = validPoint(p.latitude)
      if (valid === undefined) return apiError(400, "Bad Request: invalid location specified")
      const keyboard = editKeyboard(call, target.chat)
      if (isApiError(keyboard)) return keyboard
      const before = target.message.content as LocationContent
      const after = edited(before, target.message.date, valid, p)
      if (JSON.stringify(after) === JSON.stringify(before) && sameKeyboard(keyboard, target.message.keyboard)) {
        return NOT_MODIFIED
      }
      return apply(call, target, after, keyboard)
    }
  }),

  stopMessageLiveLocation: method({
    family: "edits",
    summary: "stops a live location before its period ends",
    params: {
      business_connection_id: text,
      chat_id: text,
      message_id: messageId,
      reply_markup: replyMarkup,
      inline_message_id: text
    },
    run: (p, call) => {
      if (isInlineForm(p.chat_id, p.message_id)) return stopInlineLiveLocation(call, p.inline_message_id)
      const target = liveTarget(call, p.chat_id, p.message_id, p.inline_message_id)
      if (isApiError(target)) return target
      const keyboard = editKeyboard(call, target.chat)
      if (isApiError(keyboard)) return keyboard
      const before = target.message.content as LocationContent
      return apply(call, target, { ...before, liveUntil: Math.floor(call.world.clock.now() / 1000) }, keyboard)
    }
  })
})
