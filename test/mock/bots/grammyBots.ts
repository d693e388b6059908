/**
 * Bots written with grammY as its own examples write them, for test/mock-grammy-bots.test.ts: each is what a bot
 * author would run against Telegram, given the mock's API root instead. What each does is in botScenarios.ts.
 */
import { Bot, InlineKeyboard, InputFile, InputMediaBuilder } from "grammy"
import { DEFAULT_BOT_TOKEN } from "telegram-bot-api-mock"
import { CHART, REPORT } from "../botScenarios.js"

const newBot = (apiRoot: string) => new Bot(DEFAULT_BOT_TOKEN, { client: { apiRoot } })

/** A pizza menu whose keyboard is edited on each press. */
export const menuBot = (apiRoot: string) => {
  const bot = newBot(apiRoot)
  const toppings = ["Cheese", "Mushrooms", "Olives"]
  const chosen = new Map<number, Set<string>>() // by menu message
  const menu = (picked: ReadonlySet<string>) => {
    const keyboard = new InlineKeyboard()
    for (const topping of toppings) keyboard.text(`${picked.has(topping) ? "✅ " : ""}${topping}`, topping).row()
    return keyboard.text("Order", "order")
  }
  bot.command("menu", (ctx) => ctx.reply("Choose your toppings:", { reply_markup: menu(new Set()) }))
  bot.callbackQuery(toppings, async (ctx) => {
    const id = ctx.callbackQuery.message!.message_id
    const picked = chosen.get(id) ?? new Set<string>()
    const topping = ctx.callbackQuery.data
    if (!picked.delete(topping)) picked.add(topping)
    chosen.set(id, picked)
    await ctx.editMessageReplyMarkup({ reply_markup: menu(picked) })
    await ctx.answerCallbackQuery(`${topping} ${picked.has(topping) ? "added" : "removed"}`)
  })
  bot.callbackQuery("order", async (ctx) => {
    const picked = [...(chosen.get(ctx.callbackQuery.message!.message_id) ?? [])]
    await ctx.editMessageText(`Ordered a pizza with ${picked.join(" and ") || "nothing on it"}.`)
    await ctx.answerCallbackQuery("Thank you!")
  })
  return bot
}

/** Sends a chart, an album and a report; fetches the photos and documents people send. */
export const mediaBot = (apiRoot: string) => {
  const bot = newBot(apiRoot)
  const download = async (fileId: string): Promise<Buffer> => {
    const file = await bot.api.getFile(fileId)
    const response = await fetch(`${apiRoot}/file/bot${bot.token}/${file.file_path}`)
    return Buffer.from(await response.arrayBuffer())
  }
  bot.command("chart", async (ctx) => {
    await ctx.replyWithChatAction("upload_photo")
    await ctx.replyWithPhoto(new InputFile(CHART, "chart.png"), { caption: "Sales this week" })
  })
  bot.command("album", (ctx) =>
    ctx.replyWithMediaGroup([
      InputMediaBuilder.photo(new InputFile(CHART, "monday.png"), { caption: "Monday" }),
      InputMediaBuilder.photo(new InputFile(CHART, "tuesday.png"), { caption: "Tuesday" })
    ]))
  bot.command(
    "report",
    (ctx) => ctx.replyWithDocument(new InputFile(Buffer.from(REPORT), "report.csv"), { caption: "The weekly report" })
  )
  bot.on("message:photo", async (ctx) => {
    const largest = ctx.msg.photo.at(-1)!
    const bytes = await download(largest.file_id)
    await ctx.reply(`Nice picture: ${largest.width}×${largest.height}, ${bytes.length} bytes`)
    await ctx.replyWithPhoto(largest.file_id, { caption: "Here it is again" })
  })
  bot.on("message:document", async (ctx) => {
    const text = (await download(ctx.msg.document.file_id)).toString("utf8")
    await ctx.replyWithDocument(new InputFile(Buffer.from(text.toUpperCase()), "SHOUTED.txt"))
  })
  return bot
}

/** A quiz answered from `poll_answer`, and a group's lunch vote closed with /results. */
export const pollBot = (apiRoot: string) => {
  const bot = newBot(apiRoot)
  const quizzes = new Map<string, { chatId: number; correct: number }>() // by poll id
  const lunches = new Map<number, number>() // the lunch poll's message, by chat
  bot.command("quiz", async (ctx) => {
    const quiz = await ctx.replyWithPoll("How many moons has Mars?", ["None", "One", "Two"], {
      type: "quiz",
      correct_option_ids: [2],
      is_anonymous: false,
      explanation: "Phobos and Deimos"
    })
    quizzes.set(quiz.poll.id, { chatId: ctx.chat.id, correct: 2 })
  })
  bot.on("poll_answer", async (ctx) => {
    const { option_ids, poll_id, user } = ctx.pollAnswer
    const quiz = quizzes.get(poll_id)
    if (quiz === undefined || user === undefined) return
    const verdict = option_ids.includes(quiz.correct) ? "Well done" : "Not quite"
    await ctx.api.sendMessage(quiz.chatId, `${verdict}, ${user.first_name}!`)
  })
  bot.command("lunch", async (ctx) => {
    const poll = await ctx.replyWithPoll("Lunch?", ["Pizza", "Sushi"], { is_anonymous: false })
    lunches.set(ctx.chat.id, poll.message_id)
  })
  bot.command("results", async (ctx) => {
    const poll = await ctx.api.stopPoll(ctx.chat.id, lunches.get(ctx.chat.id)!)
    await ctx.reply(poll.options.map((option) => `${option.text}: ${option.voter_count}`).join(", "))
  })
  return bot
}

/** Sets its commands at start-up (for everyone, for groups, in German) and lists them on /help. */
export const commandsBot = async (apiRoot: string) => {
  const bot = newBot(apiRoot)
  await bot.api.setMyCommands([
    { command: "start", description: "Start the bot" },
    { command: "help", description: "What I can do" }
  ])
  await bot.api.setMyCommands([{ command: "poll", description: "Start a vote" }], {
    scope: { type: "all_group_chats" }
  })
  await bot.api.setMyCommands([{ command: "start", description: "Bot starten" }], { language_code: "de" })
  bot.command("help", async (ctx) => {
    const commands = await ctx.api.getMyCommands()
    await ctx.reply(commands.map((command) => `/${command.command} - ${command.description}`).join("\n"))
  })
  return bot
}

/** Opens forum topics on request, answers in the topic it is written to, closes a topic. */
export const forumBot = (apiRoot: string) => {
  const bot = newBot(apiRoot)
  bot.command("topic", async (ctx) => {
    const topic = await ctx.createForumTopic(ctx.match)
    await ctx.api.sendMessage(ctx.chat.id, `Welcome to ${topic.name}!`, { message_thread_id: topic.message_thread_id })
    await ctx.reply(`Opened the topic ${topic.name}`)
  })
  bot.command("close", async (ctx) => {
    await ctx.reply("Closing this topic, thanks all.")
    await ctx.closeForumTopic()
  })
  bot.on("message:text", (ctx) => ctx.reply(`Noted, ${ctx.from.first_name}: ${ctx.msg.text}`))
  return bot
}
