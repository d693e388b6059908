/**
 * The mock's console in a real browser: Debian's chromium, headless, driven by playwright-core. A small bot (a
 * getUpdates loop over fetch, waiting on the mock's clock) serves `/invite`; a person at the page writes to it, joins
 * through its link, meets an injected 429; a name with markup stays text; a mock with a control token changes nothing
 * for a page without it. Nothing sleeps: the test waits for what the page shows, and moves the mock's clock itself.
 * The screenshots of the README are taken here (written to docs/console/ when missing, or with UPDATE_SCREENSHOTS=1).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type BrowserContext, chromium, type Page } from "playwright-core"
import {
  DEFAULT_BOT_TOKEN,
  type ManualClock,
  manualClock,
  type RunningMockServer,
  startMockServer
} from "telegram-bot-api-mock"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium"
/** A missing chromium fails these tests, unless the run accepts skipped browser tests (.ci/run's ALLOW_SKIPPED). */
const skipped = !existsSync(CHROMIUM) && (process.env["ALLOW_SKIPPED"] ?? "").split(",").includes("browser")
const SUPERGROUP = -1001234567890
const BOB = 43
const WAIT = 15_000

const shots = new URL("../../docs/console/", import.meta.url)
const update = process.env["UPDATE_SCREENSHOTS"] === "1"
const scratch = mkdtempSync(join(tmpdir(), "console-shots-"))
/** Where a screenshot goes: docs/console/NAME.png when asked for or missing, else a scratch copy. */
const shotPath = (name: string): string => {
  const committed = new URL(`${name}.png`, shots)
  if (update || !existsSync(committed)) {
    mkdirSync(shots, { recursive: true })
    return committed.pathname
  }
  return join(scratch, `${name}.png`)
}

let profile: string
let browser: BrowserContext

beforeAll(async () => {
  if (skipped) return
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `chromium is missing at ${CHROMIUM}: the console's browser tests need it (apt-get install chromium, or set ` +
        `CHROMIUM_PATH); they are not skipped`
    )
  }
  profile = mkdtempSync(join(tmpdir(), "console-chromium-"))
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync"
    ],
    viewport: { width: 1360, height: 1000 },
    colorScheme: "light",
    locale: "en-GB",
    timezoneId: "UTC"
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  if (profile !== undefined) rmSync(profile, { recursive: true, force: true })
  rmSync(scratch, { recursive: true, force: true })
})

/** A page of the console, failing the test on any script error or console error it reports. */
const openConsole = async (server: RunningMockServer): Promise<{ page: Page; errors: Array<string> }> => {
  const page = await browser.newPage()
  const errors: Array<string> = []
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`))
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().includes("401")) errors.push(`console: ${message.text()}`)
  })
  page.on("dialog", (dialog) => {
    errors.push(`dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
  await page.goto(server.consoleUrl)
  return { page, errors }
}

/**
 * The bot under test: long polls getUpdates; answers `/invite` with exportChatInviteLink in a URL button; on a 429,
 * waits `retry_after` on the mock's clock (the test moves it) and tries again.
 */
const startBot = (api: string, clock: ManualClock) => {
  const abort = new AbortController()
  const handled: Array<string> = []
  const call = async (method: string, params: Record<string, unknown>): Promise<any> => {
    const response = await fetch(`${api}/bot${DEFAULT_BOT_TOKEN}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(params),
      signal: abort.signal
    })
    return response.json()
  }
  const onClock = (ms: number) =>
    new Promise<void>((resolve, reject) => {
      const cancel = clock.schedule(clock.now() + ms, resolve)
      abort.signal.addEventListener("abort", () => {
        cancel()
        reject(abort.signal.reason)
      })
    })
  const patiently = async (method: string, params: Record<string, unknown>): Promise<any> => {
    for (;;) {
      const answer = await call(method, params)
      if (answer.ok !== false || answer.parameters?.retry_after === undefined) return answer
      await onClock(answer.parameters.retry_after * 1000)
    }
  }
  const loop = async () => {
    let offset = 0
    while (!abort.signal.aborted) {
      const answer = await call("getUpdates", {
        offset,
        timeout: 30,
        allowed_updates: ["message", "chat_member", "callback_query"]
      })
      if (answer.ok !== true) throw new Error(`getUpdates: ${answer.description}`)
      for (const update of answer.result) {
        offset = update.update_id + 1
        const message = update.message
        if (message?.text === "/invite") {
          const link = await patiently("exportChatInviteLink", { chat_id: SUPERGROUP })
          await patiently("sendMessage", {
            chat_id: message.chat.id,
            text: "Here is your invite to the Seed Supergroup:",
            reply_markup: { inline_keyboard: [[{ text: "Join the group", url: link.result }]] }
          })
          handled.push("/invite")
        } else if (update.chat_member !== undefined) {
          handled.push(`chat_member ${update.chat_member.new_chat_member.status}`)
        }
      }
    }
  }
  const done = loop().catch((error) => {
    if (!abort.signal.aborted) throw error
  })
  return {
    handled,
    stop: async () => {
      abort.abort()
      await done
    }
  }
}

describe.skipIf(skipped)("the console", () => {
  it("a person writes /invite to a running bot, joins through its reply, and the timeline shows it all", async () => {
    const clock = manualClock(Date.now())
    const server = await startMockServer({ clock, log: () => {} })
    const bot = startBot(server.url, clock)
    const { errors, page } = await openConsole(server)
    try {
      await page.locator("#live.live").waitFor({ timeout: WAIT })
      await page.locator("#person-select").selectOption(String(BOB))
      await page.locator("#send-text").fill("/invite")
      await page.locator("#send-text").press("Enter")

      // The bot's reply, with its link as a URL button and a Join button of the person's.
      const reply = page.locator("#conversation li.theirs", { hasText: "Here is your invite" })
      await reply.waitFor({ timeout: WAIT })
      const link = server.mock.primaryLink(SUPERGROUP, 123456)!
      expect(link).toMatch(/^https:\/\/t\.me\/\+/)
      expect(await reply.locator("code.url").textContent()).toBe(link)
      expect(await reply.locator("a.inline").getAttribute("href")).toBe(link)
      await page.locator("#timeline-rows tr.request", { hasText: "exportChatInviteLink" }).waitFor({ timeout: WAIT })
      await page.locator("#conversation").screenshot({ path: shotPath("person") })
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
      await card.screenshot({ path: shotPath("world") })
      clock.advance(5_000)

      // An injected 429 (from the page's own form): the bot meets it, waits on the mock's clock, comes back.
      await page.locator("#fault-method").selectOption("exportChatInviteLink")
      await page.locator("#fault-kind").selectOption("flood")
      await page.locator("#fault-retry").fill("7")
      await page.locator("#fault-form button[type=submit]").click()
      await page.locator("#faults li", { hasText: "exportChatInviteLink" }).waitFor({ timeout: WAIT })
      await page.locator("#person-select").selectOption("44")
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

      await page.locator("#timeline").screenshot({ path: shotPath("timeline") })
      await page.screenshot({ path: shotPath("overview") })
      await page.setViewportSize({ width: 390, height: 844 })
      await page.screenshot({ path: shotPath("phone") })
      expect(errors).toEqual([])
    } finally {
      await page.close()
      await bot.stop()
      await server.close()
    }
  })

  it("acts as an admin (a join request approved, the bot demoted) and saves and loads the world", async () => {
    const server = await startMockServer({ log: () => {} })
    const asked = JSON.parse(
      await (await fetch(`${server.url}/bot${DEFAULT_BOT_TOKEN}/createChatInviteLink`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ chat_id: SUPERGROUP, name: "asks first", creates_join_request: true })
      })).text()
    ).result.invite_link as string
    const { errors, page } = await openConsole(server)
    try {
      await page.locator("#live.live").waitFor({ timeout: WAIT })
      await page.locator("#person-select").selectOption("45")
      const card = page.locator(`article[data-chat="${SUPERGROUP}"]`)
      const row = card.locator("table.links tr", { hasText: asked })
      expect(await row.textContent()).toContain("“asks first”")
      await row.locator("button", { hasText: "Ask to join" }).click()
      const request = card.locator(".requests li", { hasText: "Dave (45)" })
      await request.waitFor({ timeout: WAIT })
      expect(await row.locator("td").nth(6).textContent()).toBe("1")
      await request.locator("button", { hasText: "Approve" }).click()
      await card.locator(".members li", { hasText: "Dave (45)" }).filter({ hasText: "member" }).waitFor({
        timeout: WAIT
      })
      expect(server.mock.chat(SUPERGROUP)!.members).toContainEqual({ user_id: 45, status: "member" })
      await page.locator("#timeline-rows tr.action", { hasText: "Dave's join request approved" }).waitFor({
        timeout: WAIT
      })

      // The bot demoted from the keyboard: its invite-link calls now fail for want of rights.
      await card.locator("button", { hasText: "Demote bot" }).focus()
      await page.keyboard.press("Enter")
      await card.locator(".standing strong", { hasText: "member" }).waitFor({ timeout: WAIT })
      expect(server.mock.chat(SUPERGROUP)!.members).toContainEqual({ user_id: 123456, status: "member" })

      // Saved as a file, the world loads back (after a reset, which undid the demotion).
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download-button").click()])
      expect(download.suggestedFilename()).toBe("world.json")
      const saved = join(scratch, "world.json")
      await download.saveAs(saved)
      await page.locator("#reset-button").click()
      await card.locator(".standing strong", { hasText: "administrator" }).waitFor({ timeout: WAIT })
      await page.locator("#world-file").setInputFiles(saved)
      await page.locator("#status", { hasText: "the world of world.json was loaded" }).waitFor({ timeout: WAIT })
      await card.locator(".standing strong", { hasText: "member" }).waitFor({ timeout: WAIT })
      expect(server.mock.chat(SUPERGROUP)!.members).toContainEqual({ user_id: 45, status: "member" })
      expect(errors).toEqual([])
    } finally {
      await page.close()
      await server.close()
    }
  })

  it("shows names and messages as text, never as markup", async () => {
    const server = await startMockServer({ log: () => {} })
    const { errors, page } = await openConsole(server)
    const name = `<script>window.pwned=1</script><img src=x onerror=pwned=2>`
    try {
      await page.locator("#live.live").waitFor({ timeout: WAIT })
      await page.locator("summary", { hasText: "Add a person" }).click()
      await page.locator("#add-first-name").fill(name)
      await page.locator("#add-id").fill("77")
      await page.locator("#add-person-form button[type=submit]").click()
      await page.locator("#person-name", { hasText: name }).waitFor({ timeout: WAIT })
      expect(await page.locator("#person-select option:checked").textContent()).toBe(`${name} (77)`)
      await page.locator("#send-text").fill("<b>bold?</b> & <i>")
      await page.locator("#send-text").press("Enter")
      await page.locator("#conversation li.mine p.text", { hasText: "<b>bold?</b> & <i>" }).waitFor({ timeout: WAIT })
      await page.locator("#timeline-rows tr.action", { hasText: `added ${name} (77)` }).waitFor({ timeout: WAIT })
      await page.locator("#world-body .people li", { hasText: name }).waitFor({ timeout: WAIT })
      expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined()
      expect(await page.locator("body script").count()).toBe(0)
      expect(await page.locator("body img, body b, body i").count()).toBe(0)
      expect(server.mock.snapshot().users).toContainEqual({ id: 77, is_bot: false, first_name: name })
      expect(errors).toEqual([])
    } finally {
      await page.close()
      await server.close()
    }
  })

  it("with a control token, a page without it can change nothing; with it, it can", async () => {
    const server = await startMockServer({ controlToken: "s3cret-token", log: () => {} })
    const before = JSON.stringify(server.mock.snapshot())
    const { page } = await openConsole(server)
    try {
      // The page asks for the token at once; declined, it stays locked.
      const dialog = page.locator("#token-dialog[open]")
      await dialog.waitFor({ timeout: WAIT })
      await page.locator("#token-cancel").click()
      await page.locator("body.locked").waitFor({ timeout: WAIT })
      expect(await page.locator("#live").textContent()).toBe("locked")

      // Every change it tries is refused: reset, a fault, a message, flood limits, an upgrade, a new person.
      for (const selector of ["#reset-button", "#fault-form button[type=submit]", "#limit-form button[type=submit]"]) {
        await page.locator(selector).click({ timeout: 5000 })
        await dialog.waitFor({ timeout: WAIT })
        await page.locator("#token-cancel").click()
      }
      await page.locator("summary", { hasText: "Add a person" }).click()
      await page.locator("#add-first-name").fill("Mallory")
      await page.locator("#add-person-form button[type=submit]").click()
      await dialog.waitFor({ timeout: WAIT })
      expect(await page.locator("#status").textContent()).toContain("401")
      // A wrong token is no better.
      await page.locator("#token-input").fill("wrong")
      await page.locator("#token-form button[type=submit]").click()
      await page.locator("#token-problem", { hasText: "did not take" }).waitFor({ timeout: WAIT })
      await page.locator("#token-cancel").click()
      const direct = await page.evaluate(async () => {
        const statuses: Array<number> = []
        for (const [method, path] of [["POST", "reset"], ["GET", "world"], ["GET", "events"], ["DELETE", "faults"]]) {
          statuses.push((await fetch(`/__mock/${path}`, { method })).status)
        }
        return statuses
      })
      expect(direct).toEqual([401, 401, 401, 401])
      expect(JSON.stringify(server.mock.snapshot())).toBe(before)
      expect(server.mock.journal()).toEqual([])

      // With the right token, the same page works.
      await page.locator("#token-button").click()
      await page.locator("#token-input").fill("s3cret-token")
      await page.locator("#token-form button[type=submit]").click()
      await page.locator("#live.live").waitFor({ timeout: WAIT })
      await page.locator(`article[data-chat="${SUPERGROUP}"]`).waitFor({ timeout: WAIT })
      await page.locator("#upgrade-button").click()
      await page.locator("#status", { hasText: "was upgraded to the supergroup" }).waitFor({ timeout: WAIT })
      expect(server.mock.chat(-555555555)!.migrated_to_chat_id).toBeDefined()
    } finally {
      await page.close()
      await server.close()
    }
  })
})
