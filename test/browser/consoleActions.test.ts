/**
 * The console in a real browser, for what a person does besides writing text (issue 19's people actions, the common
 * ones): send a file, a location, a contact, a dice; reply to a message and edit their own; react; vote in a poll;
 * write in a forum topic; forward a group's message to the bot. Each is checked in the world the mock keeps, not only
 * on the page.
 */
import { startMockServer } from "telegram-bot-api-mock"
import { describe, expect, it } from "vitest"
import { SUPERGROUP } from "./bot.js"
import { BOB, callBot, SKIPPED, useChromium, WAIT, write } from "./harness.js"

const browser = useChromium()
const BOT = 123456

describe.skipIf(SKIPPED)("the console's person panel", () => {
  it("sends a file, a location, a contact and a dice; replies, edits, reacts and votes", async () => {
    const server = await startMockServer({ log: () => {} })
    const { errors, page } = await browser.open(server)
    const conversation = page.locator("#conversation")
    const last = () => server.mock.messages(BOB, { botId: BOT }).at(-1)!
    try {
      await page.locator("#live.live").waitFor({ timeout: WAIT })
      await page.locator("#person-select").selectOption(String(BOB))
      await write(page, "first")
      const first = conversation.locator(`li.mine[data-message="1"]`)
      await first.filter({ hasText: "first" }).waitFor({ timeout: WAIT })

      // A file, uploaded as a multipart form: a text file goes as a document, with its caption.
      await page.locator("summary", { hasText: "Send a file" }).click()
      await page.locator("#file-input").setInputFiles({
        name: "notes.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("hello, file")
      })
      await page.locator("#file-caption").fill("my notes")
      await page.locator("#file-form button[type=submit]").click()
      await conversation.locator("li.mine", { hasText: "📄 notes.txt" }).waitFor({ timeout: WAIT })
      expect(last()).toMatchObject({ caption: "my notes", document: { file_name: "notes.txt", file_size: 11 } })

      await page.locator("#location-form button[type=submit]").click()
      await conversation.locator("li.mine", { hasText: "📍 51.50070, -0.12460" }).waitFor({ timeout: WAIT })
      expect(last().location).toMatchObject({ latitude: 51.5007, longitude: -0.1246 })
      await page.locator("#contact-form button[type=submit]").click()
      await conversation.locator("li.mine", { hasText: "👤 Alice, +44 20 7946 0000" }).waitFor({ timeout: WAIT })
      await page.locator("#dice-emoji").selectOption("🎯")
      await page.locator("#dice-form button[type=submit]").click()
      await page.locator("#status", { hasText: "Bob sent a 🎯" }).waitFor({ timeout: WAIT })
      expect(last().dice).toMatchObject({ emoji: "🎯" })

      // A reply, then an edit of the first message, then a reaction: the bot sees each.
      await first.locator("details.message-actions summary").click()
      await first.locator("button", { hasText: "Reply" }).click()
      expect(await page.locator("#composing-text").textContent()).toBe("Replying to “first”")
      await write(page, "second")
      await conversation.locator("li.mine", { hasText: "second" }).locator(".quote", { hasText: "↩ Bob: first" })
        .waitFor({ timeout: WAIT })
      expect(last().reply_to_message?.text).toBe("first")
      expect(await page.locator("#composing").isHidden()).toBe(true)

      await first.locator("details.message-actions summary").click()
      await first.locator("button", { hasText: "Edit" }).click()
      expect(await page.locator("#send-text").inputValue()).toBe("first")
      await write(page, "first, edited")
      await first.locator(".meta", { hasText: "· edited" }).waitFor({ timeout: WAIT })
      expect(await first.locator("p.text").textContent()).toBe("first, edited")
      const edited = server.mock.messages(BOB, { botId: BOT })[0]!
      expect(edited).toMatchObject({ text: "first, edited", edit_date: expect.any(Number) })

      await first.locator("details.message-actions summary").click()
      await first.locator("button", { hasText: "🔥" }).click()
      await page.locator("#status", { hasText: "Bob reacted 🔥" }).waitFor({ timeout: WAIT })
      expect(server.mock.events().some((event) => event.kind === "action" && event.action === "react")).toBe(true)

      // A poll from the bot: Bob votes from the conversation, and the count shows it.
      const poll = await callBot(server, "sendPoll", {
        chat_id: BOB,
        question: "Tea or coffee?",
        options: [{ text: "Tea" }, { text: "Coffee" }],
        is_anonymous: false
      })
      expect(poll.ok).toBe(true)
      const pollItem = conversation.locator("li.theirs", { hasText: "📊 Tea or coffee?" })
      await pollItem.waitFor({ timeout: WAIT })
      await pollItem.locator("button", { hasText: "Coffee" }).click()
      await pollItem.locator("li", { hasText: "Coffee" }).filter({ hasText: "1 vote" }).waitFor({ timeout: WAIT })
      const answers = server.mock.events().flatMap((event) =>
        event.kind === "update" && event.type === "poll_answer" ? [JSON.parse(event.json).poll_answer] : []
      )
      expect(answers).toEqual([
        expect.objectContaining({ option_ids: [1], user: expect.objectContaining({ id: BOB }) })
      ])
      expect(errors).toEqual([])
    } finally {
      await page.close()
      await server.close()
    }
  })

  it("writes in a forum topic of a group, sees the bot's commands there, and forwards a message to the bot", async () => {
    const server = await startMockServer({ log: () => {} })
    server.mock.setForum(SUPERGROUP, { is_forum: true })
    const topic = server.mock.createTopic(SUPERGROUP, { name: "Support" })
    server.mock.setMember(SUPERGROUP, BOB, { status: "member" })
    expect(
      (await callBot(server, "setMyCommands", {
        commands: [{ command: "ticket", description: "Open a ticket" }],
        scope: { type: "all_group_chats" }
      })).ok
    ).toBe(true)
    const { errors, page } = await browser.open(server)
    try {
      await page.locator("#live.live").waitFor({ timeout: WAIT })
      await page.locator("#person-select").selectOption(String(BOB))
      // The private chat has no commands; the group has the bot's group commands.
      expect(await page.locator("#commands button").count()).toBe(0)
      await page.locator("#chat-select").selectOption(String(SUPERGROUP))
      await page.locator("#commands button", { hasText: "/ticket" }).waitFor({ timeout: WAIT })
      const topicSelect = page.locator("#topic-select")
      await topicSelect.waitFor({ timeout: WAIT })
      await topicSelect.selectOption({ label: "Support" })
      await page.locator("#commands button", { hasText: "/ticket" }).click()
      expect(await page.locator("#send-text").inputValue()).toBe("/ticket")
      await page.locator("#send-text").press("Enter")
      const sent = page.locator("#conversation li.mine", { hasText: "/ticket" })
      await sent.waitFor({ timeout: WAIT })
      expect(await sent.locator(".meta").textContent()).toContain(`topic ${topic.message_thread_id}`)
      const inTopic = server.mock.messages(SUPERGROUP).at(-1)!
      expect(inTopic).toMatchObject({ text: "/ticket", message_thread_id: topic.message_thread_id })

      // Forwarded from the group to the bot's private chat.
      await sent.locator("details.message-actions summary").click()
      await sent.locator("button", { hasText: "Forward to the bot" }).click()
      await page.locator("#status", { hasText: "Bob forwarded a message to Seed Invite Bot" }).waitFor({
        timeout: WAIT
      })
      expect(server.mock.messages(BOB, { botId: BOT }).at(-1)).toMatchObject({
        text: "/ticket",
        forward_origin: expect.anything()
      })
      expect(errors).toEqual([])
    } finally {
      await page.close()
      await server.close()
    }
  })
})
