/**
 * The people's side of the real-bot tests: each scenario acts as people through the control API (over HTTP) and
 * asserts what they see, for a bot that does what its comment says. The same scenarios run against the same bots
 * written with grammY, telegraf and python-telegram-bot 13 (test/mock/bots/, test/python/bots/): a bot passes when a
 * person cannot tell which library it was written with. Every wait is for an event, never for time.
 */
import { DEFAULT_BOT_ID } from "telegram-bot-api-mock"
import { expect } from "vitest"
import { keyboardTexts, type MockOverHttp } from "./botsOverHttp.js"
import { png } from "./mediaFixtures.js"

export const SUPERGROUP = -1001234567890
const OLGA = 1000
const ALICE = 42
const BOB = 43
const CAROL = 44

/** What the bots send: the picture of /chart (64×48) and the CSV of /report. */
export const CHART = png(64, 48)
export const REPORT = "day,sales\nmonday,3\ntuesday,5\n"

/** The picture's size, from its PNG header (IHDR), and its signature. */
const pngSize = (bytes: Buffer) => ({
  signature: bytes.subarray(1, 4).toString("latin1"),
  width: bytes.readUInt32BE(16),
  height: bytes.readUInt32BE(20)
})

/**
 * A pizza menu: /menu answers "Choose your toppings:" with a button per topping and "Order"; a press ticks or unticks
 * the topping (editMessageReplyMarkup, answered "<topping> added|removed"); "Order" replaces the menu with the order
 * (editMessageText) and answers "Thank you!".
 */
export const menuScenario = async (mock: MockOverHttp) => {
  const alice = mock.person(ALICE)
  const sent = await alice.send("/menu")
  const [shown] = await mock.nextMessages(ALICE, sent.message_id)
  expect(shown.text).toBe("Choose your toppings:")
  expect(keyboardTexts(shown)).toEqual([["Cheese"], ["Mushrooms"], ["Olives"], ["Order"]])
  /** A press, once the bot has edited the menu and answered the press; the callback query's id. */
  const press = (message: any, data: string, edit = "editMessageReplyMarkup") =>
    mock.actThenAwait(() => alice.press(message, data), edit, "answerCallbackQuery")
  const current = async () => (await mock.control("GET", `chats/${ALICE}/messages?after=${sent.message_id}`))[0]

  const added = await press(shown, "Olives")
  const ticked = await current()
  expect(keyboardTexts(ticked)).toEqual([["Cheese"], ["Mushrooms"], ["✅ Olives"], ["Order"]])
  expect(ticked.edit_date).toBeTypeOf("number")
  expect(await mock.control("GET", `callback_queries/${added}`)).toMatchObject({
    answered: true,
    answer: { text: "Olives added", show_alert: false }
  })

  await press(ticked, "Cheese")
  const removed = await press(ticked, "Olives")
  expect((await mock.control("GET", `callback_queries/${removed}`)).answer.text).toBe("Olives removed")
  expect(keyboardTexts(await current())).toEqual([["✅ Cheese"], ["Mushrooms"], ["Olives"], ["Order"]])

  await press(ticked, "order", "editMessageText")
  const ordered = await mock.control("GET", `chats/${ALICE}/messages?after=${sent.message_id}`)
  expect(ordered).toHaveLength(1)
  expect(ordered[0].text).toBe("Ordered a pizza with Cheese.")
  expect(ordered[0].reply_markup).toBeUndefined()
}

/**
 * Files both ways: /chart shows "upload_photo" and answers a 64×48 PNG captioned "Sales this week", /album two of
 * them as an album captioned "Monday" and "Tuesday", /report the CSV `REPORT` as `report.csv`
 * captioned "The weekly report"; a person's photo is downloaded and answered "Nice picture: W×H, N bytes", then sent
 * back by file_id captioned "Here it is again"; a person's text document comes back upper-cased as `SHOUTED.txt`.
 */
export const mediaScenario = async (mock: MockOverHttp) => {
  const alice = mock.person(ALICE)
  const chart = await alice.send("/chart")
  const [photo] = await mock.nextMessages(ALICE, chart.message_id)
  expect(photo.caption).toBe("Sales this week")
  const size = photo.photo.at(-1)
  expect(size).toMatchObject({ width: 64, height: 48 })
  const picture = await mock.download(size.file_id)
  expect(pngSize(picture)).toEqual({ signature: "PNG", width: 64, height: 48 })
  expect(size.file_size).toBe(picture.length)
  const actions = await mock.control("GET", "chat_actions")
  expect(actions.map((action: any) => [action.chat_id, action.action])).toEqual([[ALICE, "upload_photo"]])

  const album = await alice.send("/album")
  const [monday, tuesday] = await mock.nextMessages(ALICE, album.message_id, 2)
  expect([monday.caption, tuesday.caption]).toEqual(["Monday", "Tuesday"])
  expect(monday.media_group_id).toMatch(/^\d+$/)
  expect(tuesday.media_group_id).toBe(monday.media_group_id)
  expect(tuesday.photo.at(-1)).toMatchObject({ width: 64, height: 48 })

  const report = await alice.send("/report")
  const [document] = await mock.nextMessages(ALICE, report.message_id)
  expect(document).toMatchObject({
    caption: "The weekly report",
    document: { file_name: "report.csv", file_size: REPORT.length }
  })
  expect((await mock.download(document.document.file_id)).toString()).toBe(REPORT)

  const mine = png(30, 20)
  const sentPhoto = await alice.sendFile("photo", mine, "me.png", { caption: "me" })
  const [said, again] = await mock.nextMessages(ALICE, sentPhoto.message_id, 2)
  expect(said.text).toBe(`Nice picture: 30×20, ${mine.length} bytes`)
  expect(again.caption).toBe("Here it is again")
  expect(again.photo.at(-1).file_unique_id).toBe(sentPhoto.photo.at(-1).file_unique_id)

  const notes = await alice.sendFile("document", new TextEncoder().encode("buy milk\n"), "notes.txt")
  const [shouted] = await mock.nextMessages(ALICE, notes.message_id)
  expect(shouted.document.file_name).toBe("SHOUTED.txt")
  expect((await mock.download(shouted.document.file_id)).toString()).toBe("BUY MILK\n")
}

/**
 * /quiz answers a non-anonymous quiz "How many moons has Mars?" (None, One, Two; the third is right, explained
 * "Phobos and Deimos"); the `poll_answer` of a person is answered "Well done, <name>!" or "Not quite, <name>!".
 */
export const quizScenario = async (mock: MockOverHttp) => {
  const alice = mock.person(ALICE)
  const asked = await alice.send("/quiz")
  const [quiz] = await mock.nextMessages(ALICE, asked.message_id)
  expect(quiz.poll).toMatchObject({ question: "How many moons has Mars?", type: "quiz", is_anonymous: false })
  expect(quiz.poll.options.map((option: any) => option.text)).toEqual(["None", "One", "Two"])
  const poll = await alice.vote(quiz, [2])
  expect(poll).toMatchObject({ total_voter_count: 1, correct_option_id: 2, explanation: "Phobos and Deimos" })
  const [verdict] = await mock.nextMessages(ALICE, quiz.message_id)
  expect(verdict.text).toBe("Well done, Alice!")
  const [seen] = await mock.control("GET", `chats/${ALICE}/messages?after=${asked.message_id}`)
  expect(seen.poll.options.map((option: any) => option.voter_count)).toEqual([0, 0, 1])
}

/** Bob and Carol as members of the default supergroup (Olga created it; the bot administers it). */
export const groupMembers = async (mock: MockOverHttp) => {
  for (const member of [BOB, CAROL]) {
    await mock.control("PUT", `chats/${SUPERGROUP}/members/${member}`, { status: "member" })
  }
}

/** /lunch in a group answers a non-anonymous poll "Lunch?" (Pizza, Sushi); /results stops it and answers the tally. */
export const groupVoteScenario = async (mock: MockOverHttp) => {
  const olga = mock.person(OLGA)
  const asked = await olga.send("/lunch", { chat_id: SUPERGROUP })
  const [lunch] = await mock.nextMessages(SUPERGROUP, asked.message_id)
  expect(lunch.poll).toMatchObject({ question: "Lunch?", is_anonymous: false })
  await mock.person(BOB).vote(lunch, [0])
  await mock.person(CAROL).vote(lunch, [0])
  await olga.vote(lunch, [1])
  const results = await olga.send("/results", { chat_id: SUPERGROUP })
  const [tally] = await mock.nextMessages(SUPERGROUP, results.message_id)
  expect(tally.text).toBe("Pizza: 2, Sushi: 1")
  const messages = await mock.control("GET", `chats/${SUPERGROUP}/messages`)
  const closed = messages.find((message: any) => message.message_id === lunch.message_id)
  expect(closed.poll).toMatchObject({ is_closed: true, total_voter_count: 3 })
  expect(closed.poll.options).toEqual([
    expect.objectContaining({ text: "Pizza", voter_count: 2 }),
    expect.objectContaining({ text: "Sushi", voter_count: 1 })
  ])
}

/**
 * At start-up the bot sets its commands: start ("Start the bot") and help ("What I can do") for everyone, poll
 * ("Start a vote") in groups, start ("Bot starten") in German; /help lists getMyCommands as "/command - description".
 */
export const commandsScenario = async (mock: MockOverHttp) => {
  expect(await mock.commandsShown(ALICE)).toEqual([
    { command: "start", description: "Start the bot" },
    { command: "help", description: "What I can do" }
  ])
  expect(await mock.commandsShown(OLGA, SUPERGROUP)).toEqual([{ command: "poll", description: "Start a vote" }])
  const german = await mock.control("GET", `bots/${DEFAULT_BOT_ID}/commands?user_id=${ALICE}&language_code=de`)
  expect(german).toEqual([{ command: "start", description: "Bot starten" }])
  const asked = await mock.person(ALICE).send("/help")
  const [help] = await mock.nextMessages(ALICE, asked.message_id)
  expect(help.text).toBe("/start - Start the bot\n/help - What I can do")
}

/** The default supergroup as a forum, the bot managing its topics, Bob a member. */
export const forumWorld = async (mock: MockOverHttp) => {
  await mock.control("PUT", `chats/${SUPERGROUP}/forum`, { is_forum: true })
  await mock.control("PUT", `chats/${SUPERGROUP}/members/${DEFAULT_BOT_ID}`, {
    status: "administrator",
    can_manage_chat: true,
    can_invite_users: true,
    can_manage_topics: true
  })
  await mock.control("PUT", `chats/${SUPERGROUP}/members/${BOB}`, { status: "member" })
}

/**
 * A forum helper: "/topic <name>" opens a topic, greets it ("Welcome to <name>!") and answers "Opened the topic
 * <name>" where it was asked; any text is answered "Noted, <first name>: <text>" in its topic; /close answers
 * "Closing this topic, thanks all." and closes the topic.
 */
export const forumScenario = async (mock: MockOverHttp) => {
  const bob = mock.person(BOB)
  const asked = await bob.send("/topic Ideas", { chat_id: SUPERGROUP })
  const [created, welcome, opened] = await mock.nextMessages(SUPERGROUP, asked.message_id, 3)
  expect(created.forum_topic_created).toMatchObject({ name: "Ideas" })
  const thread = created.message_thread_id
  expect(welcome).toMatchObject({ text: "Welcome to Ideas!", message_thread_id: thread, is_topic_message: true })
  expect(opened.text).toBe("Opened the topic Ideas")
  expect(opened.is_topic_message).toBeUndefined()

  const idea = await bob.send("Bake on Fridays", { chat_id: SUPERGROUP, message_thread_id: thread })
  expect(idea).toMatchObject({ message_thread_id: thread, is_topic_message: true })
  const [noted] = await mock.nextMessages(SUPERGROUP, idea.message_id)
  expect(noted).toMatchObject({ text: "Noted, Bob: Bake on Fridays", message_thread_id: thread })

  const close = await bob.send("/close", { chat_id: SUPERGROUP, message_thread_id: thread })
  const [bye, closed] = await mock.nextMessages(SUPERGROUP, close.message_id, 2)
  expect(bye).toMatchObject({ text: "Closing this topic, thanks all.", message_thread_id: thread })
  expect(closed).toMatchObject({ forum_topic_closed: {}, message_thread_id: thread })
  await expect(bob.send("One more", { chat_id: SUPERGROUP, message_thread_id: thread })).rejects.toThrow(
    `message_thread_id: topic ${thread} of chat ${SUPERGROUP} is closed (TOPIC_CLOSED)`
  )
}
