/**
 * The console in a real browser, for the world and its layout: an administrator's actions (a join request approved,
 * the bot demoted), the world saved as a file and loaded back; on a 390-px phone nothing scrolls sideways and a
 * 429's status is in sight.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DEFAULT_BOT_TOKEN, startMockServer } from "telegram-bot-api-mock"
import { afterAll, describe, expect, it } from "vitest"
import { SUPERGROUP } from "./bot.js"
import { BOB, callBot, sideways, SKIPPED, useChromium, WAIT } from "./harness.js"

const browser = useChromium()
const scratch = mkdtempSync(join(tmpdir(), "console-test-"))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe.skipIf(SKIPPED)("the console's world and layout", () => {
  it("on a 390-px phone: nothing scrolls sideways, and a 429's status is in sight", async () => {
    const server = await startMockServer({ log: () => {} })
    // A world with long names, links and a 429 in the timeline before the page opens.
    server.mock.addUser({ id: 60, first_name: "Maximiliana-Josephine Featherstonehaugh-Cholmondeley" })
    server.mock.createInviteLink(SUPERGROUP, { name: "a rather long name for a link", creates_join_request: true })
    server.mock.injectFault({ method: "exportChatInviteLink", reply: { error_code: 429, retry_after: 30 } })
    expect((await callBot(server, "exportChatInviteLink", { chat_id: SUPERGROUP })).error_code).toBe(429)
    server.mock.send(BOB, { text: `a-very-long-word-${"x".repeat(120)}` })
    const { errors, page } = await browser.open(server, { width: 390, height: 844 })
    try {
      await page.locator("#live.live").waitFor({ timeout: WAIT })
      await page.locator(`article[data-chat="${SUPERGROUP}"]`).waitFor({ timeout: WAIT })
      const flood = page.locator("#timeline-rows tr.request.flood", { hasText: "exportChatInviteLink" })
      await flood.scrollIntoViewIfNeeded()
      const badge = flood.locator("td.status .badge")
      expect(await badge.textContent()).toBe("429")
      expect(await badge.isVisible()).toBe(true)
      const box = (await badge.boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(390)
      const detail = flood.locator("td.detail")
      expect(await detail.isVisible()).toBe(true)
      expect(await detail.textContent()).toContain("retry after 30 s")
      const detailBox = (await detail.boundingBox())!
      expect(detailBox.x + detailBox.width).toBeLessThanOrEqual(390)
      expect(await sideways(page)).toBe(0)
      // Every panel opened up: still nothing wider than the screen.
      await page.locator("#person-select").selectOption(String(BOB))
      await page.locator("#conversation li.mine", { hasText: "a-very-long-word" }).waitFor({ timeout: WAIT })
      await page.locator("#conversation li.mine details.message-actions summary").click()
      await page.locator("summary", { hasText: "Send a file" }).click()
      await page.locator("summary", { hasText: "Add a person" }).click()
      await page.locator("#fault-kind").selectOption("error")
      expect(await sideways(page)).toBe(0)
      expect(errors).toEqual([])
    } finally {
      await page.close()
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
    const { errors, page } = await browser.open(server)
    try {
      await page.locator("#live.live").waitFor({ timeout: WAIT })
      await page.locator("#person-select").selectOption("45")
      const card = page.locator(`article[data-chat="${SUPERGROUP}"]`)
      const row = card.locator(".links li", { hasText: asked })
      expect(await row.textContent()).toContain("“asks first”")
      await row.locator("button", { hasText: "Ask to join" }).click()
      const request = card.locator(".requests li", { hasText: "Dave (45)" })
      await request.waitFor({ timeout: WAIT })
      expect(await row.locator(".requests-count").textContent()).toBe("1 request")
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
})
