/**
 * The one way to make the console's screenshots (docs/console/*.png, shown in the READMEs):
 * `npx tsx --conditions=effect-telegram-invite-source scripts/console-screenshots.ts [DIR]`. It starts the standalone mock on a clock it drives (so
 * the times shown are the same on every run), runs the small bot of the browser tests against it, and plays a short
 * story in headless chromium (Debian's, or CHROMIUM_PATH): Bob asks for an invite and joins through it, Carol opens
 * the bot's menu and gets a toast, an injected 429 is met and waited out; then it photographs the page wide and on a
 * 390-px phone.
 */
import { mkdirSync } from "node:fs"
import { resolve } from "node:path"
import type { Page } from "playwright-core"
import { manualClock, startMockServer } from "telegram-bot-api-mock"
import { startBot, SUPERGROUP } from "../test/browser/bot.js"
import { launchChromium } from "../test/browser/chromium.js"

const WAIT = 20_000
/** 2026-03-02 11:32:56 UTC: a fixed start, so that each run shows the same times. */
const START = Date.UTC(2026, 2, 2, 11, 32, 56)

const out = resolve(process.argv[2] ?? new URL("../docs/console/", import.meta.url).pathname)
mkdirSync(out, { recursive: true })

const write = async (person: string, text: string, page: Page): Promise<void> => {
  await page.locator("#person-select").selectOption({ label: person })
  await page.locator("#send-text").fill(text)
  await page.locator("#send-text").press("Enter")
}

const clock = manualClock(START)
const server = await startMockServer({ clock, log: () => {} })
const bot = startBot(server.url, clock)
const chromium = await launchChromium()
const page = await chromium.browser.newPage()
const shot = (name: string) => `${out}/${name}.png`
try {
  await page.goto(server.consoleUrl)
  await page.locator("#live.live").waitFor({ timeout: WAIT })

  await write("Bob (43)", "/invite", page)
  const invite = page.locator("#conversation li.theirs", { hasText: "Here is your invite" })
  await invite.waitFor({ timeout: WAIT })
  clock.advance(4_000)
  await invite.locator("button.join").click()
  await page.locator("#timeline-rows tr.update", { hasText: "chat_member" }).waitFor({ timeout: WAIT })
  await page.locator(`article[data-chat="${SUPERGROUP}"] .members li`, { hasText: "Bob (43" }).waitFor({
    timeout: WAIT
  })
  await page.locator(`article[data-chat="${SUPERGROUP}"]`).screenshot({ path: shot("world") })
  clock.advance(5_000)

  await page.locator("#fault-method").selectOption("exportChatInviteLink")
  await page.locator("#fault-kind").selectOption("flood")
  await page.locator("#fault-retry").fill("7")
  await page.locator("#fault-form button[type=submit]").click()
  await page.locator("#faults li", { hasText: "exportChatInviteLink" }).waitFor({ timeout: WAIT })
  await write("Carol (44)", "/invite", page)
  const flood = page.locator("#timeline-rows tr.request.flood", { hasText: "exportChatInviteLink" })
  await flood.waitFor({ timeout: WAIT })
  // The bot met the 429 and waits on the mock's clock (a timer of its own) before it tries again.
  for (let turns = 0; clock.pendingTimers() < 1; turns++) {
    if (turns > 100_000) throw new Error("the bot never waited for its 429")
    await new Promise((done) => setImmediate(done))
  }
  clock.advance(7_000)
  await flood.locator("td.detail", { hasText: "back after 7.0 s" }).waitFor({ timeout: WAIT })
  await page.locator("#conversation li.theirs", { hasText: "Here is your invite" }).waitFor({ timeout: WAIT })
  clock.advance(3_000)

  await write("Carol (44)", "/link", page)
  await page.locator("#conversation li.theirs", { hasText: "Come in" }).waitFor({ timeout: WAIT })
  clock.advance(2_000)
  await write("Carol (44)", "/menu", page)
  const menu = page.locator("#conversation li.theirs", { hasText: "What would you like?" })
  await menu.waitFor({ timeout: WAIT })
  clock.advance(1_500)
  await menu.locator("button", { hasText: "Ping" }).click()
  await page.locator("#toast", { hasText: "Pong!" }).waitFor({ timeout: WAIT })
  await page.locator("#timeline-rows tr.update", { hasText: "toast “Pong!”" }).waitFor({ timeout: WAIT })

  await page.locator("#person").screenshot({ path: shot("person") })
  await page.locator("#timeline").screenshot({ path: shot("timeline") })
  await page.screenshot({ path: shot("overview") })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.locator("#timeline").scrollIntoViewIfNeeded()
  await page.screenshot({ path: shot("phone") })
  process.stdout.write(`console screenshots: ${out}/{overview,person,timeline,world,phone}.png\n`)
} finally {
  await page.close()
  await chromium.close()
  await bot.stop()
  await server.close()
}
