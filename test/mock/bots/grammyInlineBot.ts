/**
 * An inline bot written with grammY as its documentation writes one, for test/mock-inline-bots.test.ts: it answers a
 * query with the text in three styles and, told which result a person chose, signs the sent message by its
 * inline_message_id. What a person sees is in ../inlineScenario.ts.
 */
import { Bot, InlineKeyboard, InlineQueryResultBuilder } from "grammy"
import { DEFAULT_BOT_TOKEN } from "telegram-bot-api-mock"
import { CHOSEN_SUFFIX } from "../inlineScenario.js"

export const inlineBot = (apiRoot: string) => {
  const bot = new Bot(DEFAULT_BOT_TOKEN, { client: { apiRoot } })
  const share = new InlineKeyboard().switchInline("Share again", "")
  bot.inlineQuery(/.+/, async (ctx) => {
    const query = ctx.inlineQuery.query
    await ctx.answerInlineQuery([
      InlineQueryResultBuilder.article("caps", "Caps", { reply_markup: share }).text(query.toUpperCase()),
      InlineQueryResultBuilder.article("bold", "Bold", { reply_markup: share }).text(`*${query}*`, {
        parse_mode: "Markdown"
      }),
      InlineQueryResultBuilder.article("italic", "Italic", { reply_markup: share }).text(`_${query}_`, {
        parse_mode: "Markdown"
      })
    ], { cache_time: 0 })
  })
  bot.on("chosen_inline_result", async (ctx) => {
    const query = ctx.chosenInlineResult.query
    const text = ctx.chosenInlineResult.result_id === "caps" ? query.toUpperCase() : query
    await ctx.editMessageText(text + CHOSEN_SUFFIX, { reply_markup: share })
  })
  return bot
}
