/**
 * Invoices on every transport (telegram-wire-chats.md §19.1): sendInvoice's message with its Pay button and the real
 * server's keys, createInvoiceLink's link; every parse error of the invoice's parameters (read before the chat), TDLib's
 * checks of prices and tips, and Telegram's rules as the mock makes them its own (XTR, provider tokens, payload and
 * title bounds, subscriptions, provider data).
 */
import { DEFAULT_BOT_TOKEN, defaultWorld } from "telegram-bot-api-mock"
import { afterAll, beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const ALICE = 42

/** An invoice of 50 Stars for Alice. */
const STARS = {
  chat_id: ALICE,
  title: "Tea",
  description: "A cup of tea",
  payload: "tea-1",
  currency: "XTR",
  prices: [{ label: "Tea", amount: 50 }]
}

/** An invoice in euros through a provider. */
const EUROS = {
  ...STARS,
  currency: "EUR",
  provider_token: "284685063:TEST:abc",
  prices: [{ label: "Tea", amount: 350 }]
}

export const invoiceConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, invoices (${name})`, () => {
    let t: Transport
    const wire = wireClient(() => t)
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    afterAll(() => t.mock.replaceWorld(defaultWorld))

    const refused = (params: Record<string, unknown>, description: string, method = "sendInvoice") =>
      wire.refusal(method, params, 400, `Bad Request: ${description}`)

    it("sends an invoice with a Pay button, in the real server's keys (no photo, no flags)", async () => {
      const sent = await wire.result("sendInvoice", {
        ...STARS,
        start_parameter: "tea",
        photo_url: "https://example.com/tea.png",
        need_name: true
      })
      expect(Object.keys(sent)).toEqual(["message_id", "from", "chat", "date", "invoice", "reply_markup"])
      expect(sent.invoice).toEqual({
        title: "Tea",
        description: "A cup of tea",
        start_parameter: "tea",
        currency: "XTR",
        total_amount: 50
      })
      expect(Object.keys(sent.invoice)).toEqual(["title", "description", "start_parameter", "currency", "total_amount"])
      expect(sent.reply_markup).toEqual({ inline_keyboard: [[{ text: "Pay", pay: true }]] })
      const own = await wire.result("sendInvoice", {
        ...EUROS,
        reply_markup: { inline_keyboard: [[{ text: "Pay €3.50", pay: true }], [{ text: "Menu", callback_data: "m" }]] }
      })
      expect(own.invoice).toMatchObject({ currency: "EUR", total_amount: 350 })
      expect(own.reply_markup.inline_keyboard).toEqual([[{ text: "Pay €3.50", pay: true }], [{
        text: "Menu",
        callback_data: "m"
      }]])
      await refused(
        { ...STARS, reply_markup: { inline_keyboard: [[{ text: "Menu", callback_data: "m" }]] } },
        "REPLY_MARKUP_BUY_EMPTY"
      )
      // A discount is a negative price; the total is what is paid.
      const discounted = await wire.result("sendInvoice", {
        ...EUROS,
        prices: [{ label: "Tea", amount: 350 }, { label: "Loyalty", amount: -50 }]
      })
      expect(discounted.invoice.total_amount).toBe(300)
    })

    it("reads the invoice before the chat, each parameter with the real server's refusal", async () => {
      const noChat = { chat_id: "", title: "Tea" }
      await refused({}, `parameter "title" is required`)
      await refused(noChat, `parameter "description" is required`)
      await refused({ ...noChat, description: "d" }, `parameter "payload" is required`)
      const base = { ...noChat, description: "d", payload: "p" }
      await refused(base, `parameter "currency" is required`)
      await refused({ ...base, currency: "XTR" }, `parameter "prices" is required`)
      const priced = (prices: unknown) => ({ ...base, currency: "XTR", prices })
      await refused(priced("nope"), "can't parse prices JSON object")
      await refused(priced({}), "expected an Array of labeled prices")
      await refused(priced([]), "there must be at least one price")
      await refused(priced([1]), "can't parse labeled price: LabeledPrice must be an Object")
      await refused(priced([{ amount: 1 }]), `can't parse labeled price: Can't find field "label"`)
      await refused(
        priced([{ label: [], amount: 1 }]),
        `can't parse labeled price: Field "label" must be of type String`
      )
      await refused(
        priced([{ label: "", amount: 1 }]),
        "can't parse labeled price: LabeledPrice label must be non-empty"
      )
      await refused(priced([{ label: "a" }]), `can't parse labeled price: Can't find field "amount"`)
      await refused(
        priced([{ label: "a", amount: "1.5" }]),
        `can't parse labeled price: Field "amount" must be a valid Number`
      )
      await refused(
        priced([{ label: "a", amount: true }]),
        `can't parse labeled price: Field "amount" must be a Number`
      )
      const tipped = (extra: Record<string, unknown>) => ({ ...priced([{ label: 5, amount: "7" }]), ...extra })
      await refused(tipped({ max_tip_amount: "ten" }), `can't parse "max_tip_amount" as Number`)
      await refused(tipped({ suggested_tip_amounts: "[" }), "can't parse suggested_tip_amounts JSON object")
      await refused(tipped({ suggested_tip_amounts: {} }), "expected an Array of suggested tip amounts")
      await refused(tipped({ suggested_tip_amounts: [true] }), "suggested tip amount must be of type Number or String")
      await refused(tipped({ suggested_tip_amounts: ["01"] }), "can't parse suggested tip amount as Number")
      await refused(tipped({ paid_media: "{" }), "can't parse input paid media JSON object")
      await refused(tipped({ paid_media: { type: "photo" } }), "can't parse InputPaidMedia: media not found")
      await refused(
        tipped({ paid_media_caption: "<b>x", paid_media_caption_parse_mode: "HTML" }),
        "can't parse entities: Can't find end tag corresponding to start tag \"b\""
      )
      // Everything read: now the chat.
      await refused(tipped({}), "chat_id is empty")
    })

    it("checks prices and tips as TDLib does", async () => {
      await refused(
        { ...EUROS, prices: [{ label: "a", amount: 1_000_000_000_000 }] },
        "too big amount of the currency specified"
      )
      await refused(
        { ...EUROS, prices: [{ label: "a", amount: 5 }, { label: "b", amount: -5 }] },
        "total price must be positive"
      )
      const big = { label: "a", amount: 999_999_999_999 }
      await refused({ ...EUROS, prices: [big, big] }, "total price is too big")
      await refused({ ...EUROS, max_tip_amount: -1 }, "invalid max_tip_amount of the currency specified")
      await refused(
        { ...EUROS, max_tip_amount: 100, suggested_tip_amounts: [0] },
        "suggested tip amount must be positive"
      )
      await refused(
        { ...EUROS, max_tip_amount: 100, suggested_tip_amounts: [150] },
        "suggested tip amount can't be bigger than max_tip_amount"
      )
      await refused(
        { ...EUROS, max_tip_amount: 100, suggested_tip_amounts: [10, 20, 30, 40, 50] },
        "there can be at most 4 suggested tip amounts"
      )
      const tipped = await wire.result("sendInvoice", {
        ...EUROS,
        max_tip_amount: 100,
        suggested_tip_amounts: ["10", 50]
      })
      expect(tipped.invoice.total_amount).toBe(350)
    })

    it("holds invoices to Telegram's rules: Stars, providers, bounds, subscriptions, provider data", async () => {
      await refused({ ...STARS, payload: "p".repeat(129) }, "INVOICE_PAYLOAD_INVALID")
      await refused({ ...STARS, title: "t".repeat(33) }, "wrong invoice information specified")
      await refused({ ...STARS, description: "d".repeat(256) }, "wrong invoice information specified")
      await refused({ ...EUROS, currency: "eur" }, "CURRENCY_INVALID")
      await refused({ ...STARS, provider_token: "284685063:TEST:abc" }, "PAYMENT_PROVIDER_INVALID")
      await refused(
        { ...STARS, prices: [{ label: "a", amount: 1 }, { label: "b", amount: 1 }] },
        "STARS_INVOICE_INVALID"
      )
      await refused({ ...STARS, max_tip_amount: 5 }, "STARS_INVOICE_INVALID")
      await refused({ ...EUROS, provider_token: "" }, "PAYMENT_PROVIDER_INVALID")
      await refused({ ...STARS, subscription_period: 86_400 }, "SUBSCRIPTION_PERIOD_INVALID")
      await refused({ ...EUROS, subscription_period: 2_592_000 }, "SUBSCRIPTION_PERIOD_INVALID")
      await refused(
        { ...STARS, subscription_period: 2_592_000, prices: [{ label: "m", amount: 10_001 }] },
        "STARS_INVOICE_INVALID"
      )
      await refused({ ...EUROS, provider_data: "{" }, "DATA_JSON_INVALID")
      // The flags are ignored in Stars; the payload is counted in bytes (32 characters of 4 bytes fit 128).
      expect((await wire.result("sendInvoice", { ...STARS, payload: "😀".repeat(32), is_flexible: true })).invoice)
        .toMatchObject({ currency: "XTR", total_amount: 50 })
      expect((await wire.result("sendInvoice", { ...EUROS, provider_data: `{"receipt":true}` })).invoice.currency)
        .toBe("EUR")
    })

    it("createInvoiceLink answers a link as a JSON string; subscriptions in Stars; a business account's link", async () => {
      const { chat_id: _, ...invoice } = STARS
      const link = await wire.result("createInvoiceLink", { ...invoice, subscription_period: 2_592_000 })
      expect(link).toMatch(/^https:\/\/t\.me\/\$[A-Za-z0-9_-]{16}$/)
      expect(await wire.result("createInvoiceLink", invoice)).not.toBe(link)
      await refused({ ...invoice, title: "t".repeat(33) }, "MEDIA_INVALID", "createInvoiceLink")
      await refused(
        { ...invoice, business_connection_id: "nope" },
        "business connection not found",
        "createInvoiceLink"
      )
      t.mock.accounts.connectBusiness("olga-shop", { user_id: 1000 })
      const shop = { ...invoice, business_connection_id: "olga-shop" }
      expect(await wire.result("createInvoiceLink", shop)).toMatch(/^https:\/\/t\.me\/\$/)
      const { chat_id: __, ...euros } = EUROS
      await refused({ ...euros, business_connection_id: "olga-shop" }, "STARS_INVOICE_INVALID", "createInvoiceLink")
      t.mock.accounts.connectBusiness("olga-shop", { user_id: 1000, is_enabled: false })
      await refused(shop, "BUSINESS_CONNECTION_INVALID", "createInvoiceLink")
      // The test environment's subscription periods.
      const { body } = await wire.call(`/bot${DEFAULT_BOT_TOKEN}/test/createInvoiceLink`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...invoice, subscription_period: 300 })
      })
      expect(body.ok).toBe(true)
    })
  })
}
