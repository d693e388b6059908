/**
 * Inline mode as a person meets it, for the real-bot tests (test/mock-inline-bots.test.ts, test/python): BotFather's
 * inline mode and inline feedback switched on (the control API), a person types `@seed_invite_bot hello world` in a
 * group, the bot answers with three articles (Caps, Bold, Italic), the person picks Caps: the message lands in the
 * group from them `via_bot`, and the bot, told by `chosen_inline_result`, edits it by its inline_message_id. Every wait
 * is a long poll of the control API (an event, never time).
 */
import { DEFAULT_BOT_ID } from "telegram-bot-api-mock"
import { expect } from "vitest"
import { SUPERGROUP } from "./botScenarios.js"
import type { MockOverHttp } from "./botsOverHttp.js"

const OLGA = 1000

/** What the inline bots do: the three styles of the query, and the line they add to a chosen result. */
export const CHOSEN_SUFFIX = "\n(sent with inline mode)"

export const inlineScenario = async (mock: MockOverHttp) => {
  await mock.control("PUT", `bots/${DEFAULT_BOT_ID}/settings`, { supports_inline_queries: true, inline_feedback: true })
  const asked = await mock.control("POST", `users/${OLGA}/inline_query`, { query: "hello world", chat_id: SUPERGROUP })
  expect(asked).toMatchObject({ chat_type: "supergroup", answered: false })
  const id = asked.inline_query_id
  const answered = await mock.control("GET", `inline_queries/${id}?wait=20`)
  expect(answered.answered).toBe(true)
  const results: Array<any> = answered.answer.results
  expect(results.map((result) => [result.type, result.title])).toEqual([
    ["article", "Caps"],
    ["article", "Bold"],
    ["article", "Italic"]
  ])
  expect(results[1].input_message_content).toMatchObject({ message_text: "*hello world*", parse_mode: "Markdown" })

  const caps = results[0].id
  const picked = await mock.actThenAwait(
    () => mock.control("POST", `users/${OLGA}/choose_inline_result`, { inline_query_id: id, result_id: caps }),
    "editMessageText"
  )
  expect(picked.message).toMatchObject({
    from: { id: OLGA },
    chat: { id: SUPERGROUP },
    text: "HELLO WORLD",
    via_bot: { id: DEFAULT_BOT_ID, username: "seed_invite_bot" }
  })
  expect(picked.inline_message_id).toBeTypeOf("string")
  // The group, as its members see it now: the person's message via the bot, edited by the bot.
  const [shown] = await mock.control("GET", `chats/${SUPERGROUP}/messages?after=${picked.message.message_id - 1}`)
  expect(shown).toMatchObject({
    message_id: picked.message.message_id,
    from: { id: OLGA },
    text: `HELLO WORLD${CHOSEN_SUFFIX}`,
    via_bot: { id: DEFAULT_BOT_ID },
    edit_date: expect.any(Number)
  })
  expect((await mock.control("GET", `inline_queries/${id}`)).chosen_result_id).toBe(caps)
  expect((await mock.control("GET", `inline_messages/${picked.inline_message_id}`)).message.text).toBe(shown.text)
}
