/**
 * What each browser test file of the console shares: one chromium for the file (a missing one fails the tests, unless
 * the run accepts skipped browser tests: .ci/run's ALLOW_SKIPPED=browser), a page of the console that records script
 * errors, and small helpers (call the Bot API as the bot, write as the person selected, measure sideways scrolling).
 */
import { existsSync } from "node:fs"
import type { BrowserContext, Page } from "playwright-core"
import { DEFAULT_BOT_TOKEN, type RunningMockServer } from "telegram-bot-api-mock"
import { afterAll, beforeAll } from "vitest"
import { CONTROL_ROUTES } from "../../mock-server/src/control/router.js"
import { CHROMIUM, launchChromium } from "./chromium.js"

/** True when chromium is missing and the run accepts that (the tests are skipped then). */
export const SKIPPED = !existsSync(CHROMIUM) && (process.env["ALLOW_SKIPPED"] ?? "").split(",").includes("browser")
export const BOB = 43
export const CAROL = 44
export const DAVE = 45
/** How long a test waits for the page to show something (real time: the page and the server run in other threads). */
export const WAIT = 15_000

/** The control routes as patterns (`/__mock/users/:user_id/send` → one segment for `:user_id`). */
const ROUTES = CONTROL_ROUTES.map((route) => ({
  method: route.method,
  path: new RegExp(`^${route.path.replaceAll(/:[a-z_]+/g, "[^/]+")}$`)
}))

/** True when a request of the page is one of the control routes (the one table the router serves). */
export const isControlRoute = (method: string, url: string): boolean => {
  const path = new URL(url).pathname
  return ROUTES.some((route) => route.method === method && route.path.test(path))
}

/**
 * A page of the console and what went wrong in it: script errors, console errors, native dialogs, and any request
 * to `/__mock/…` that is not in the control API's table (the console's own files aside).
 */
export interface ConsolePage {
  readonly page: Page
  readonly errors: Array<string>
}

/** Starts chromium before the file's tests and closes it after; `open` opens a page of the console. */
export const useChromium = () => {
  let browser: BrowserContext | undefined
  let close: (() => Promise<void>) | undefined
  beforeAll(async () => {
    if (SKIPPED) return
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `chromium is missing at ${CHROMIUM}: the console's browser tests need it (apt-get install chromium, or set ` +
          `CHROMIUM_PATH); they are not skipped`
      )
    }
    ;({ browser, close } = await launchChromium())
  }, 60_000)
  afterAll(async () => {
    await close?.()
  })
  return {
    /** A page of the console (at `viewport`, when given), failing the test on any error it reports. */
    open: async (server: RunningMockServer, viewport?: { width: number; height: number }): Promise<ConsolePage> => {
      const page = await browser!.newPage()
      // An action on something the page never shows fails with its locator named, before the test's own timeout.
      page.setDefaultTimeout(WAIT)
      if (viewport !== undefined) await page.setViewportSize(viewport)
      const errors: Array<string> = []
      page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`))
      page.on("console", (message) => {
        if (message.type() === "error" && !message.text().includes("401")) errors.push(`console: ${message.text()}`)
      })
      page.on("dialog", (dialog) => {
        errors.push(`dialog: ${dialog.message()}`)
        void dialog.dismiss()
      })
      page.on("request", (request) => {
        const path = new URL(request.url()).pathname
        if (path.startsWith("/__mock/") && !path.startsWith("/__mock/console")) {
          if (!isControlRoute(request.method(), request.url())) {
            errors.push(`not a control route: ${request.method()} ${path}`)
          }
        }
      })
      await page.goto(server.consoleUrl)
      return { page, errors }
    }
  }
}

/** Calls the Bot API as the seed world's bot. */
export const callBot = async (
  server: RunningMockServer,
  method: string,
  params: Record<string, unknown>
): Promise<any> =>
  (await fetch(`${server.url}/bot${DEFAULT_BOT_TOKEN}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params)
  })).json()

/** How far the page is wider than its window (0: nothing scrolls sideways). */
export const sideways = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

/** Writes as the person selected. */
export const write = async (page: Page, text: string): Promise<void> => {
  await page.locator("#send-text").fill(text)
  await page.locator("#send-text").press("Enter")
}
