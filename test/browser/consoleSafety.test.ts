/**
 * The console in a real browser, kept safe: names and messages with markup stay text; a mock with a control token
 * changes nothing for a page without it (each change the page tries is sent and refused), and everything with it.
 */
import { startMockServer } from "telegram-bot-api-mock"
import { describe, expect, it } from "vitest"
import { SUPERGROUP } from "./bot.js"
import { BOB, SKIPPED, useChromium, WAIT, write } from "./harness.js"

const browser = useChromium()

describe.skipIf(SKIPPED)("the console, kept safe", () => {
  it("shows names and messages as text, never as markup", async () => {
    const server = await startMockServer({ log: () => {} })
    const { errors, page } = await browser.open(server)
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
    const { page } = await browser.open(server)
    // Every change the page sent and the server refused for want of the token.
    const refused: Array<string> = []
    page.on("response", (response) => {
      const method = response.request().method()
      if (response.status() === 401 && method !== "GET") refused.push(`${method} ${new URL(response.url()).pathname}`)
    })
    const dialog = page.locator("#token-dialog[open]")
    /** Does something on the page, sees the server refuse it (the page asks for the token again), declines. */
    const refusedAfter = async (run: () => Promise<void>) => {
      const count = refused.length
      await run()
      await dialog.waitFor({ timeout: WAIT })
      await expect.poll(() => refused.length).toBe(count + 1)
      await page.locator("#token-cancel").click()
    }
    try {
      // The page asks for the token at once; declined, it stays locked.
      await dialog.waitFor({ timeout: WAIT })
      await page.locator("#token-cancel").click()
      await page.locator("body.locked").waitFor({ timeout: WAIT })
      expect(await page.locator("#live").textContent()).toBe("locked")

      // Locked before it read anything: a reset, a fault, flood limits, a new person are refused.
      for (const selector of ["#reset-button", "#fault-form button[type=submit]", "#limit-form button[type=submit]"]) {
        await refusedAfter(() => page.locator(selector).click({ timeout: 5000 }))
      }
      await page.locator("summary", { hasText: "Add a person" }).click()
      await page.locator("#add-first-name").fill("Mallory")
      await refusedAfter(() => page.locator("#add-person-form button[type=submit]").click())
      expect(await page.locator("#status").textContent()).toContain("401")

      // With the right token the page reads the world; then given a wrong one, it still shows it, and each change it
      // tries is refused: a message, a location, an upgrade, an administrator's kick.
      await page.locator("#token-button").click()
      await page.locator("#token-input").fill("s3cret-token")
      await page.locator("#token-form button[type=submit]").click()
      await page.locator("#live.live").waitFor({ timeout: WAIT })
      const card = page.locator(`article[data-chat="${SUPERGROUP}"]`)
      await card.waitFor({ timeout: WAIT })
      await page.locator("#token-button").click()
      await page.locator("#token-input").fill("wrong")
      await page.locator("#token-form button[type=submit]").click()
      await page.locator("#token-problem", { hasText: "did not take" }).waitFor({ timeout: WAIT })
      await page.locator("#token-cancel").click()
      await page.locator("body.locked").waitFor({ timeout: WAIT })
      await page.locator("#person-select").selectOption(String(BOB))
      await refusedAfter(() => write(page, "let me in"))
      await page.locator("summary", { hasText: "Send a file" }).click()
      await refusedAfter(() => page.locator("#location-form button[type=submit]").click())
      await refusedAfter(() => page.locator("#upgrade-button").click())
      await refusedAfter(() => card.locator("button", { hasText: "Kick bot" }).click())
      expect(refused).toEqual([
        "POST /__mock/reset",
        "POST /__mock/faults",
        "PUT /__mock/limits",
        "POST /__mock/users",
        `POST /__mock/users/${BOB}/send`,
        `POST /__mock/users/${BOB}/send_location`,
        "POST /__mock/upgrade",
        `PUT /__mock/chats/${SUPERGROUP}/members/123456`
      ])
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

      // With the right token again, the same page works.
      await page.locator("#token-button").click()
      await page.locator("#token-input").fill("s3cret-token")
      await page.locator("#token-form button[type=submit]").click()
      await page.locator("#live.live").waitFor({ timeout: WAIT })
      await page.locator("#upgrade-button").click()
      await page.locator("#status", { hasText: "was upgraded to the supergroup" }).waitFor({ timeout: WAIT })
      expect(server.mock.chat(-555555555)!.migrated_to_chat_id).toBeDefined()
    } finally {
      await page.close()
      await server.close()
    }
  })
})
