/**
 * What the inline-mode conformance suites share (conformanceInlineMessages.ts, conformanceMiniApps.ts): the results a
 * bot answers with, the real texts they assert, and the calls a person's side makes through the control API.
 */
import { expect } from "vitest"
import type { wireClient } from "./wireClient.js"

export const ALICE = 42
export const SUPERGROUP = -1001234567890
export const QUERY_ID_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"
export const NOT_MODIFIED = "Bad Request: message is not modified: specified new message content and reply markup " +
  "are exactly the same as a current content and reply markup of the message"
export const KEYBOARD = { inline_keyboard: [[{ text: "More tea", callback_data: "more" }]] }
export const ARTICLE = {
  type: "article",
  id: "a1",
  title: "Tea",
  input_message_content: { message_text: "Green tea" },
  reply_markup: KEYBOARD
}
export const PLAIN = { type: "article", id: "a2", title: "Plain", input_message_content: { message_text: "Plain tea" } }

/** The person's side and the bot's updates, over a suite's wire client. */
export const inlineHelpers = ({ control, result }: ReturnType<typeof wireClient>) => {
  /** The updates of the given types the bot has, each as `[type, object]`; all it has are confirmed. */
  const updates = async (types: Array<string>, bot = { result }) => {
    const allowed = [
      "message",
      "edited_message",
      "inline_query",
      "chosen_inline_result",
      "guest_message",
      "pre_checkout_query"
    ]
    const all = (await bot.result("getUpdates", { allowed_updates: allowed })) as Array<any>
    if (all.length > 0) await bot.result("getUpdates", { offset: all[all.length - 1].update_id + 1, timeout: 0 })
    return all.map((update) => {
      const type = Object.keys(update).find((key) => key !== "update_id")!
      return [type, update[type]] as const
    }).filter(([type]) => types.includes(type))
  }
  /** A control call that must succeed: its result. */
  const ok = async (method: string, path: string, body?: unknown) => {
    const answer = await control(method, path, body)
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    return answer.body.result
  }
  /** A person's query answered by the bot with `results`: the query's id. */
  const answered = async (results: Array<unknown>, body: Record<string, unknown> = {}, userId = ALICE) => {
    const { inline_query_id: id } = await ok("POST", `users/${userId}/inline_query`, { query: "tea", ...body })
    await result("answerInlineQuery", { inline_query_id: id, results, cache_time: 0 })
    return id as string
  }
  const pick = (id: string, resultId: string, userId = ALICE) =>
    ok("POST", `users/${userId}/choose_inline_result`, { inline_query_id: id, result_id: resultId })
  /** The Message an inline_message_id names, as it is now. */
  const inlineMessage = async (id: string) => (await ok("GET", `inline_messages/${id}`)).message
  return { updates, ok, answered, pick, inlineMessage }
}
