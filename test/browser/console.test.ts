/**
 * The console in a real browser (Debian's chromium, headless, through playwright-core), as a person uses it: a small
 * bot (bot.ts: a getUpdates loop waiting on the mock's clock) serves `/invite`, `/link` and `/menu`; the person writes
 * to it, joins through its links (a URL button, and a link in the text), presses buttons and sees the bot's toast and
 * alert, meets an injected 429; the page shows what happened before it was opened. Nothing sleeps: the test waits for
 * what the page shows, and moves the mock's clock itself. (The README's screenshots: scripts/console-screenshots.ts.)
 */
import { manualClock, startMockServer } from "telegram-bot-api-mock"
import { describe, expect, it } from "vitest"
import { BOT_COMMANDS, startBot, SUPERGROUP } from "./bot.js"
import { BOB, callBot, CAROL, SKIPPED, useChromium, WAIT, write } from "./harness.js"

const browser = useChromium()

describe.skipIf(SKIPPED)("the console, as a person uses it", () => {
  it("a person writes /invite to a running bot, joins through its reply, and the timeline shows it all", async () => {
    const clock = manualClock(Date.now())
    const server = await startMockServer({ clock, log: () => {} })
    const bot = startBot(server.url, clock)
    const { errors, page } = await browser.open(server)
    try {
      await page.locator("#live.live").waitFor({ timeout: WAIT })
      await page.locator("#person-select").selectOption(String(BOB))
      await write(page, "/invite")

      // The bot's reply, with its link as a URL button and a Join button of the person's.
      const reply = page.locator("#conversation li.theirs", { hasText: "Here is your invite" })
      await reply.waitFor({ timeout: WAIT })
      const link = server.mock.primaryLink(SUPERGROUP, 123456)!
      expect(link).toMatch(/^https:\/\/t\.me\/\+/)
      expect(await reply.locator("code.url").textContent()).toBe(link)
      expect(await reply.locator("a.inline").getAttribute("href")).toBe(link)
      await page.locator("#timeline-rows tr.request", { hasText: "exportChatInviteLink" }).waitFor({ timeout: WAIT })
      // The commands the bot set, as Bob's app lists them.
      await page.locator("#commands button", { hasText: "/menu" }).waitFor({ timeout: WAIT })
      expect(await page.locator("#commands button").allTextContents()).toEqual(
        BOT_COMMANDS.map((c) => `/${c.command}`)
      )
      clock.advance(4_000) // a person takes a moment to press (the bot's poll, parked for 30 s, is not due)

      // Join through it: Bob is a member, the world says so, the timeline shows the chat_member update.
      await reply.locator("button.join").click()
      const update = page.locator("#timeline-rows tr.update", { hasText: "chat_member" })
      await update.waitFor({ timeout: WAIT })
      expect(await update.textContent()).toContain("Bob: left → member via link")
      expect(server.mock.chat(SUPERGROUP)!.members).toContainEqual({ user_id: BOB, status: "member" })
      const card = page.locator(`article[data-chat="${SUPERGROUP}"]`)
      await card.locator(".members li", { hasText: "Bob (43, @bob)" }).filter({ hasText: "member" }).waitFor({
        timeout: WAIT
      })
      await expect.poll(() => bot.handled).toContain("chat_member member")
      await page.locator("#status", { hasText: "Bob joined Seed Supergroup" }).waitFor({ timeout: WAIT })
      clock.advance(5_000)

      // An injected 429 (from the page's own form): the bot meets it, waits on the mock's clock, comes back.
      await page.locator("#fault-method").selectOption("exportChatInviteLink")
      await page.locator("#fault-kind").selectOption("flood")
      await page.locator("#fault-retry").fill("7")
      await page.locator("#fault-form button[type=submit]").click()
      await page.locator("#status", {
        hasText: "the next call of exportChatInviteLink will get a 429 (retry after 7 s)"
      }).waitFor({ timeout: WAIT })
      await page.locator("#faults li", { hasText: "exportChatInviteLink: a 429 (retry after 7 s), once" }).waitFor({
        timeout: WAIT
      })
      await page.locator("#person-select").selectOption(String(CAROL))
      await page.locator("#send-text").fill("/invite")
      await page.locator("#send-form button[type=submit]").click()
      const flood = page.locator("#timeline-rows tr.request.flood", { hasText: "exportChatInviteLink" })
      await flood.waitFor({ timeout: WAIT })
      expect(await flood.locator("td.status").textContent()).toBe("429")
      expect(await flood.locator("td.detail").textContent()).toContain("retry after 7.0 s · not back yet")
      await expect.poll(() => clock.pendingTimers()).toBe(1) // the bot waits (its handler holds up its next poll)
      clock.advance(7_000)
      await flood.locator("td.detail", { hasText: "back after 7.0 s" }).waitFor({ timeout: WAIT })
      expect(await flood.locator("td.detail").textContent()).toBe(
        "fault: error 429 · retry after 7.0 s · back after 7.0 s"
      )
      await page.locator("#conversation li.theirs", { hasText: "Here is your invite" }).waitFor({ timeout: WAIT })
      expect(await page.locator("#chart svg rect.wait.flood").count()).toBeGreaterThan(0)
      // The mock's clock moved in whole seconds: no row shows a `.000`.
      const times = await page.locator("#timeline-rows td.time").allTextContents()
      expect(times.length).toBeGreaterThan(10)
      for (const time of times) expect(time).toMatch(/^\d\d:\d\d:\d\d$/)
      expect(errors).toEqual([])
    } finally {
      await page.close()
      await bot.stop()
      await server.close()
    }
  })

  it("joins through an invite link in a message's text, not only a URL button", async () => {
    const clock = manualClock(Date.now())
    const server = await startMockServer({ clock, log: () => {} })
    const bot = startBot(server.url, clock)
    const { errors, page } = await browser.open(server)
    try {
      await page.locator("#live.live").waitFor({ timeout: WAIT })
      await page.locator("#person-select").selectOption(String(CAROL))
      await write(page, "/link")
      const reply = page.locator("#conversation li.theirs", { hasText: "Come in: t.me/+" })
      await reply.waitFor({ timeout: WAIT })
      // No button in its keyboard: the link is in the text only (without https://, as people write it).
      expect(await reply.locator(".keyboard").count()).toBe(0)
      const link = server.mock.primaryLink(SUPERGROUP, 123456)!
      expect(await reply.locator("p.text").textContent()).toBe(`Come in: ${link.replace("https://", "")} (say hi!)`)
      const join = reply.locator("button.join")
      expect(await join.textContent()).toBe("Join")
      expect(await join.getAttribute("title")).toBe(`Open ${link} as Carol`)
      await join.click()
      await page.locator("#status", { hasText: "Carol joined Seed Supergroup" }).waitFor({ timeout: WAIT })
      expect(server.mock.chat(SUPERGROUP)!.members).toContainEqual({ user_id: CAROL, status: "member" })
      expect(server.mock.link(link)!.joined_count).toBe(1)
      expect(errors).toEqual([])
    } finally {
      await page.close()
      await bot.stop()
      await server.close()
    }
  })

  it("shows the bot's answer to a press: a toast, an alert to close, and both on the timeline", async () => {
    const clock = manualClock(Date.now())
    const server = await startMockServer({ clock, log: () => {} })
    const bot = startBot(server.url, clock)
    const { errors, page } = await browser.open(server)
    try {
      await page.locator("#live.live").waitFor({ timeout: WAIT })
      await page.locator("#person-select").selectOption(String(BOB))
      await write(page, "/menu")
      const menu = page.locator("#conversation li.theirs", { hasText: "What would you like?" })
      await menu.waitFor({ timeout: WAIT })

      await menu.locator("button", { hasText: "Ping" }).click()
      const toast = page.locator("#toast")
      await toast.filter({ hasText: "Pong!" }).waitFor({ timeout: WAIT })
      expect(await toast.getAttribute("role")).toBe("status")
      await page.locator("#timeline-rows tr.update", { hasText: "Bob pressed “ping” → toast “Pong!”" }).waitFor({
        timeout: WAIT
      })
      const pressed = server.mock.journal().filter((entry) => entry.method === "answerCallbackQuery")
      expect(pressed).toHaveLength(1)

      await menu.locator("button", { hasText: "Rules" }).click()
      const alert = page.locator("#alert-dialog[open]")
      await alert.waitFor({ timeout: WAIT })
      expect(await alert.locator("#alert-text").textContent()).toBe("Be kind. No spam.")
      await page.locator("#timeline-rows tr.update", { hasText: "→ alert “Be kind. No spam.”" }).waitFor({
        timeout: WAIT
      })
      await alert.locator("#alert-ok").click()
      await alert.waitFor({ state: "detached", timeout: WAIT })
      expect(bot.handled).toEqual(["/menu", "press ping", "press rules"])
      expect(errors).toEqual([])
    } finally {
      await page.close()
      await bot.stop()
      await server.close()
    }
  })

  it("shows what happened before the page was opened, each event once, to the millisecond where it matters", async () => {
    const clock = manualClock(Date.UTC(2026, 2, 2, 11, 0, 0))
    const server = await startMockServer({ clock, log: () => {} })
    // Nobody watches: Bob writes /start, the bot reads it, Carol writes 250 ms later, and the world is reset.
    server.mock.send(BOB, { text: "/start" })
    expect((await callBot(server, "getUpdates", {})).result).toHaveLength(1)
    clock.advance(250)
    server.mock.send(CAROL, { text: "me too" })
    clock.advance(1000)
    server.mock.reset()
    const { errors, page } = await browser.open(server)
    try {
      await page.locator("#live.live").waitFor({ timeout: WAIT })
      const wrote = page.locator("#timeline-rows tr.action", { hasText: "Bob wrote “/start”" })
      await wrote.waitFor({ timeout: WAIT })
      await page.locator("#timeline-rows tr.update", { hasText: "Bob: “/start”" }).waitFor({ timeout: WAIT })
      await page.locator("#timeline-rows tr.action", { hasText: "the world was reset" }).waitFor({ timeout: WAIT })
      // Newest first; the rows of 11:00:00 differ in their milliseconds and say them, the reset's second does not.
      const rows = await page.locator("#timeline-rows tr").evaluateAll((trs) =>
        trs.map((tr) => `${tr.querySelector(".time")!.textContent} ${tr.querySelector(".detail")!.textContent}`)
      )
      expect(rows).toEqual([
        "11:00:01 the world was reset",
        "11:00:00.250 Carol: “me too”",
        "11:00:00.250 Carol wrote “me too”",
        "11:00:00.000 Bob: “/start”",
        "11:00:00.000 Bob wrote “/start”"
      ])

      // Live events come after, and nothing is shown twice.
      server.mock.send(CAROL, { text: "hello" })
      await page.locator("#timeline-rows tr.action", { hasText: "Carol wrote “hello”" }).waitFor({ timeout: WAIT })
      expect(await wrote.count()).toBe(1)
      expect(await page.locator("#timeline-rows tr.action", { hasText: "Carol wrote “hello”" }).count()).toBe(1)
      expect(errors).toEqual([])
    } finally {
      await page.close()
      await server.close()
    }
  })
})
