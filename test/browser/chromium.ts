/**
 * Debian's chromium, headless, driven by playwright-core: what the console's browser tests and its screenshot script
 * (scripts/console-screenshots.ts) open pages in.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type BrowserContext, chromium } from "playwright-core"

export const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium"

/** A headless chromium with a profile of its own (removed by `close`). */
export const launchChromium = async (): Promise<{ browser: BrowserContext; close: () => Promise<void> }> => {
  const profile = mkdtempSync(join(tmpdir(), "console-chromium-"))
  const browser = await chromium.launchPersistentContext(profile, {
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
  return {
    browser,
    close: async () => {
      await browser.close()
      rmSync(profile, { recursive: true, force: true })
    }
  }
}
