/**
 * Payments on every transport (telegram-wire-chats.md §19.2-19.8): a person pays (the control API) and the bot gets
 * the pre-checkout query, answers it, and sees successful_payment; a refund and refunded_payment; the bot's Stars and
 * transactions; the answer window on the mock's clock; a flexible invoice's shipping query and options; Stars
 * subscriptions renewed each period until canceled; a paid join through a subscription link that ends with its
 * period. Every key order is the real server's, every refusal its text.
 */
import { defaultWorld } from "telegram-bot-api-mock"
import { afterAll, beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const ALICE = 42
const BOB = 43
const BOT = 123456
const CHANNEL = -1001000000001
const DAY = 86_400_000
const QUERY_ID_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"

const STARS = {
  chat_id: ALICE,
  title: "Tea",
  description: "A cup of tea",
  payload: "tea-1",
  currency: "XTR",
  prices: [{ label: "Tea", amount: 50 }]
}

export const paymentConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, payments (${name})`, () => {
    let t: Transport
    const { control, refusal, result } = wireClient(() => t)
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    afterAll(() => t.mock.replaceWorld(defaultWorld))

    /** The updates of a type the bot has, confirmed (a later call gets only newer ones). */
    const updates = async (type: string) => {
      const allowed = ["message", "pre_checkout_query", "shipping_query", "chat_member"]
      const all = (await result("getUpdates", { allowed_updates: allowed })) as Array<any>
      if (all.length > 0) await result("getUpdates", { offset: all[all.length - 1].update_id + 1, timeout: 0 })
      return all.filter((update) => type in update).map((update) => update[type])
    }
    const stars = async (owner: number) => (await control("GET", `stars/${owner}`)).body.result.amount
    const setStars = (owner: number, amount: number) => control("PUT", `stars/${owner}`, { amount })
    const pay = async (userId: number, body: Record<string, unknown>) =>
      (await control("POST", `users/${userId}/pay`, body)).body
    const checkout = async (id: string) => (await control("GET", `checkouts/${id}`)).body.result
    const seconds = () => Math.floor(t.clock.now() / 1000)
    /** Lets the transport carry a request to the mock (no time passes on its clock). */
    const turn = async () => {
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))
    }

    it("a Stars payment end to end: pre-checkout, answer, successful_payment, transactions, refund", async () => {
      await setStars(ALICE, 100)
      const invoice = await result("sendInvoice", STARS)
      const started = await pay(ALICE, { message_id: invoice.message_id })
      expect(started.result.status).toBe("awaiting_pre_checkout")
      const [query] = await updates("pre_checkout_query")
      expect(Object.keys(query)).toEqual(["id", "from", "currency", "total_amount", "invoice_payload"])
      expect(query).toMatchObject({ id: started.result.checkout_id, from: { id: ALICE }, total_amount: 50 })
      expect(await result("answerPreCheckoutQuery", { pre_checkout_query_id: query.id, ok: true })).toBe(true)
      await refusal("answerPreCheckoutQuery", { pre_checkout_query_id: query.id, ok: true }, 400, QUERY_ID_INVALID)
      const [paid] = await updates("message")
      expect(paid).toMatchObject({ from: { id: ALICE }, chat: { id: ALICE, type: "private" } })
      expect(Object.keys(paid.successful_payment)).toEqual([
        "currency",
        "total_amount",
        "invoice_payload",
        "telegram_payment_charge_id",
        "provider_payment_charge_id"
      ])
      const charge = paid.successful_payment.telegram_payment_charge_id
      expect(charge).toMatch(/^stx[A-Za-z0-9_-]{40}$/)
      expect(paid.successful_payment).toMatchObject({
        currency: "XTR",
        total_amount: 50,
        provider_payment_charge_id: ""
      })
      expect(await checkout(query.id)).toMatchObject({ status: "paid", telegram_payment_charge_id: charge })
      expect([await stars(ALICE), await stars(BOT)]).toEqual([50, 50])
      expect(await result("getMyStarBalance")).toEqual({ amount: 50 })
      const [payment] = (await result("getStarTransactions")).transactions
      expect(Object.keys(payment)).toEqual(["id", "date", "source", "amount"])
      expect(payment).toMatchObject({ id: charge, amount: 50, date: seconds() })
      expect(Object.keys(payment.source)).toEqual(["transaction_type", "type", "user", "invoice_payload"])
      expect(payment.source).toMatchObject({ transaction_type: "invoice_payment", type: "user", user: { id: ALICE } })

      const refund = { user_id: ALICE, telegram_payment_charge_id: charge }
      await refusal("refundStarPayment", { ...refund, user_id: "x" }, 400, "Bad Request: invalid user_id specified")
      await refusal(
        "refundStarPayment",
        { user_id: ALICE },
        400,
        `Bad Request: parameter "telegram_payment_charge_id" is required`
      )
      await refusal("refundStarPayment", { ...refund, user_id: 999 }, 400, "Bad Request: USER_ID_INVALID")
      await refusal("refundStarPayment", { ...refund, user_id: BOB }, 400, "Bad Request: CHARGE_NOT_FOUND")
      await refusal(
        "refundStarPayment",
        { ...refund, telegram_payment_charge_id: "stx" },
        400,
        "Bad Request: CHARGE_NOT_FOUND"
      )
      expect(await result("refundStarPayment", refund)).toBe(true)
      await refusal("refundStarPayment", refund, 400, "Bad Request: CHARGE_ALREADY_REFUNDED")
      const [refunded] = await updates("message")
      expect(refunded.from.id).toBe(BOT)
      expect(Object.keys(refunded.refunded_payment)).toEqual([
        "currency",
        "total_amount",
        "invoice_payload",
        "telegram_payment_charge_id"
      ])
      expect([await stars(ALICE), await stars(BOT)]).toEqual([100, 0])
      expect((await result("getStarTransactions", { offset: 0, limit: 0 })).transactions).toHaveLength(1)
      const [, back] = (await result("getStarTransactions")).transactions
      expect(Object.keys(back)).toEqual(["id", "date", "receiver", "amount"])
      expect(back).toMatchObject({ id: charge, amount: 50, receiver: { user: { id: ALICE } } })
      expect((await result("getStarTransactions", { offset: 1 })).transactions).toHaveLength(1)
    })

    it("the bot refuses with error_message; the window is 10 s; a person short of Stars is told so", async () => {
      const invoice = await result("sendInvoice", STARS)
      expect(await pay(ALICE, { message_id: invoice.message_id })).toMatchObject({
        ok: false,
        error_code: 400,
        description: "BALANCE_TOO_LOW"
      })
      await setStars(ALICE, 60)
      const first = (await pay(ALICE, { message_id: invoice.message_id })).result.checkout_id
      const answer = { pre_checkout_query_id: first }
      const required = `Bad Request: parameter "error_message" is required`
      await refusal("answerPreCheckoutQuery", answer, 400, required)
      await refusal("answerPreCheckoutQuery", { ...answer, ok: false }, 400, required)
      await refusal("answerPreCheckoutQuery", { ...answer, error_message: " " }, 400, "Bad Request: ERROR_TEXT_EMPTY")
      await refusal("answerPreCheckoutQuery", { pre_checkout_query_id: "tea", ok: true }, 400, QUERY_ID_INVALID)
      // A test waits for the outcome with a long poll: answered when the bot has answered.
      const waiting = control("GET", `checkouts/${first}?wait=30`)
      let settled = false
      void waiting.then(() => (settled = true))
      await turn()
      expect(settled).toBe(false)
      expect(await result("answerPreCheckoutQuery", { ...answer, error_message: "Sold out" })).toBe(true)
      expect((await waiting).body.result).toMatchObject({ status: "refused", error_message: "Sold out" })
      expect(await checkout(first)).toMatchObject({ status: "refused", error_message: "Sold out" })

      const late = (await pay(ALICE, { message_id: invoice.message_id })).result.checkout_id
      t.clock.advance(10_001)
      await refusal("answerPreCheckoutQuery", { pre_checkout_query_id: late, ok: true }, 400, QUERY_ID_INVALID)
      expect((await checkout(late)).status).toBe("expired")

      // The Stars must still be there when the bot says yes.
      const spent = (await pay(ALICE, { message_id: invoice.message_id })).result.checkout_id
      await setStars(ALICE, 10)
      expect(await result("answerPreCheckoutQuery", { pre_checkout_query_id: spent, ok: true })).toBe(true)
      expect(await checkout(spent)).toMatchObject({ status: "refused", error_message: "BALANCE_TOO_LOW" })
      expect((await updates("message")).filter((message) => "successful_payment" in message)).toEqual([])
      expect([await stars(ALICE), await stars(BOT)]).toEqual([10, 0])
      expect((await control("GET", "checkouts/1")).body.description).toBe("checkout_id: no checkout 1 in this world")
    })

    it("a flexible invoice: the order info asked for, shipping_query, the options, then pre-checkout", async () => {
      const invoice = await result("sendInvoice", {
        ...STARS,
        currency: "EUR",
        provider_token: "284685063:TEST:abc",
        prices: [{ label: "Tea", amount: 350 }],
        need_name: true,
        send_email_to_provider: true,
        is_flexible: true,
        max_tip_amount: 100
      })
      const at = { message_id: invoice.message_id }
      expect((await pay(ALICE, at)).description?.split("\n")).toEqual([
        "order_info.name: the invoice asks for the payer's name",
        "order_info.email: the invoice asks for an email address",
        "order_info.shipping_address: the invoice asks for a shipping address",
        "shipping_option_id: the price depends on shipping: name the option the person picks"
      ])
      const address = { country_code: "DE", city: "Berlin", street_line1: "Unter den Linden 1", post_code: "10117" }
      const order = {
        name: "Alice",
        email: "alice@example.com",
        phone_number: "+4930123456",
        shipping_address: address
      }
      const full = { ...at, order_info: order, shipping_option_id: "express" }
      expect((await pay(ALICE, { ...full, tip_amount: 200 })).description).toBe(
        "tip_amount: the invoice takes tips up to 100"
      )
      const id = (await pay(ALICE, { ...full, tip_amount: 50 })).result.checkout_id
      expect((await checkout(id)).status).toBe("awaiting_shipping")
      const [shipping] = await updates("shipping_query")
      expect(Object.keys(shipping)).toEqual(["id", "from", "invoice_payload", "shipping_address"])
      expect(shipping.shipping_address).toEqual({ ...address, state: "", street_line2: "" })
      expect(Object.keys(shipping.shipping_address)).toEqual([
        "country_code",
        "state",
        "city",
        "street_line1",
        "street_line2",
        "post_code"
      ])
      const answer = (options: unknown) => ({ shipping_query_id: shipping.id, ok: true, shipping_options: options })
      const refused = (options: unknown, description: string) =>
        refusal("answerShippingQuery", answer(options), 400, `Bad Request: ${description}`)
      await refusal(
        "answerShippingQuery",
        { shipping_query_id: shipping.id, ok: true },
        400,
        `Bad Request: parameter "shipping_options" is required`
      )
      await refusal(
        "answerShippingQuery",
        { shipping_query_id: shipping.id },
        400,
        `Bad Request: parameter "error_message" is required`
      )
      await refused("[", "can't parse shipping options JSON object")
      await refused({}, "expected an Array of shipping options")
      await refused([], "there must be at least one shipping option")
      await refused([1], "can't parse shipping option: ShippingOption must be an Object")
      await refused([{}], `can't parse shipping option: Can't find field "id"`)
      await refused([{ id: "" }], "can't parse shipping option: ShippingOption identifier must be non-empty")
      await refused([{ id: "a" }], `can't parse shipping option: Can't find field "title"`)
      await refused([{ id: "a", title: "" }], "can't parse shipping option: ShippingOption title must be non-empty")
      await refused([{ id: "a", title: "A" }], `can't parse shipping option: Can't find field "prices"`)
      await refused(
        [{ id: "a", title: "A", prices: {} }],
        `can't parse shipping option: Field "prices" must be of type Array`
      )
      await refused(
        [{ id: "a", title: "A", prices: [] }],
        "can't parse shipping option: Can't parse shipping option prices: There must be at least one price"
      )
      await refused([{ id: "a", title: "A", prices: [{ label: "Free", amount: 0 }] }], "total price must be positive")
      const standard = { id: "standard", title: "Standard", prices: [{ label: "Post", amount: 500 }] }
      const express = { id: "express", title: "Express", prices: [{ label: "Courier", amount: 900 }] }
      await refused([standard, { ...express, id: "standard" }], "SHIPPING_ID_DUPLICATE")
      await refusal("answerShippingQuery", { ...answer([standard]), shipping_query_id: "1" }, 400, QUERY_ID_INVALID)
      expect(await result("answerShippingQuery", answer([standard, express]))).toBe(true)
      expect((await checkout(id)).shipping_options).toEqual([standard, express])
      const [query] = await updates("pre_checkout_query")
      expect(Object.keys(query)).toEqual([
        "id",
        "from",
        "currency",
        "total_amount",
        "invoice_payload",
        "shipping_option_id",
        "order_info"
      ])
      expect(query).toMatchObject({ id, currency: "EUR", total_amount: 350 + 50 + 900, shipping_option_id: "express" })
      expect(Object.keys(query.order_info)).toEqual(["name", "email", "shipping_address"])
      await result("answerPreCheckoutQuery", { pre_checkout_query_id: id, ok: true })
      const [paid] = await updates("message")
      expect(Object.keys(paid.successful_payment)).toEqual([
        "currency",
        "total_amount",
        "invoice_payload",
        "shipping_option_id",
        "order_info",
        "telegram_payment_charge_id",
        "provider_payment_charge_id"
      ])
      const charge = paid.successful_payment.telegram_payment_charge_id
      expect(paid.successful_payment.provider_payment_charge_id).not.toBe("")
      // Only Stars are refunded by the bot.
      await refusal(
        "refundStarPayment",
        { user_id: ALICE, telegram_payment_charge_id: charge },
        400,
        "Bad Request: CHARGE_NOT_FOUND"
      )

      // The bot says no to shipping there; or does not offer what the person picked.
      const no = (await pay(ALICE, full)).result.checkout_id
      const [second] = await updates("shipping_query")
      await result("answerShippingQuery", {
        shipping_query_id: second.id,
        ok: false,
        error_message: "No delivery to DE"
      })
      expect(await checkout(no)).toMatchObject({ status: "refused", error_message: "No delivery to DE" })
      const other = (await pay(ALICE, full)).result.checkout_id
      const [third] = await updates("shipping_query")
      await result("answerShippingQuery", { ...answer([standard]), shipping_query_id: third.id })
      expect(await checkout(other)).toMatchObject({
        status: "refused",
        error_message: `the bot did not offer the shipping option "express"`
      })
      expect(await updates("pre_checkout_query")).toEqual([])
    })

    it("a Stars subscription through an invoice link renews each period until canceled or unpaid", async () => {
      const { chat_id: _, ...invoice } = STARS
      const link = await result("createInvoiceLink", {
        ...invoice,
        payload: "club",
        prices: [{ label: "Month", amount: 10 }],
        subscription_period: 2_592_000
      })
      await setStars(ALICE, 25)
      const id = (await pay(ALICE, { invoice_link: link })).result.checkout_id
      await result("answerPreCheckoutQuery", { pre_checkout_query_id: id, ok: true })
      const [first] = await updates("message")
      const start = seconds()
      expect(Object.keys(first.successful_payment)).toEqual([
        "currency",
        "total_amount",
        "invoice_payload",
        "telegram_payment_charge_id",
        "provider_payment_charge_id",
        "is_recurring",
        "is_first_recurring",
        "subscription_expiration_date"
      ])
      expect(first.successful_payment.subscription_expiration_date).toBe(start + 2_592_000)
      const charge = first.successful_payment.telegram_payment_charge_id
      const [transaction] = (await result("getStarTransactions")).transactions
      expect(transaction.source).toMatchObject({ invoice_payload: "club", subscription_period: 2_592_000 })

      t.clock.advance(30 * DAY)
      const [renewed] = await updates("message")
      expect(renewed.successful_payment).toMatchObject({
        is_recurring: true,
        subscription_expiration_date: start + 2 * 2_592_000
      })
      expect(renewed.successful_payment).not.toHaveProperty("is_first_recurring")
      expect(renewed.successful_payment.telegram_payment_charge_id).not.toBe(charge)
      expect(await stars(ALICE)).toBe(5)

      const edit = { user_id: ALICE, telegram_payment_charge_id: charge }
      await refusal("editUserStarSubscription", { user_id: ALICE }, 400, "Bad Request: CHARGE_ID_INVALID")
      await refusal("editUserStarSubscription", { ...edit, user_id: 999 }, 400, "Bad Request: USER_ID_INVALID")
      await refusal("editUserStarSubscription", { ...edit, user_id: BOB }, 400, "Bad Request: CHARGE_ID_INVALID")
      expect(await result("editUserStarSubscription", { ...edit, is_canceled: true })).toBe(true)
      expect(await result("editUserStarSubscription", { ...edit, is_canceled: false })).toBe(true)
      // Re-enabled, but Alice's 5 Stars do not cover the next period: it ends.
      t.clock.advance(30 * DAY)
      expect(await updates("message")).toEqual([])
      expect(await stars(ALICE)).toBe(5)

      // Bob pays with plenty of Stars and the bot cancels: no renewal.
      await setStars(BOB, 100)
      const bob = (await pay(BOB, { invoice_link: link })).result.checkout_id
      await result("answerPreCheckoutQuery", { pre_checkout_query_id: bob, ok: true })
      const [bobs] = await updates("message")
      const bobCharge = bobs.successful_payment.telegram_payment_charge_id
      await result("editUserStarSubscription", {
        user_id: BOB,
        telegram_payment_charge_id: bobCharge,
        is_canceled: true
      })
      t.clock.advance(31 * DAY)
      expect(await updates("message")).toEqual([])
      expect(await stars(BOB)).toBe(90)
      // A one-off payment is no subscription.
      const tea = await result("sendInvoice", { ...STARS, chat_id: BOB })
      const once = (await pay(BOB, { message_id: tea.message_id })).result.checkout_id
      await result("answerPreCheckoutQuery", { pre_checkout_query_id: once, ok: true })
      const [oneOff] = await updates("message")
      const oneOffCharge = oneOff.successful_payment.telegram_payment_charge_id
      await refusal(
        "editUserStarSubscription",
        { user_id: BOB, telegram_payment_charge_id: oneOffCharge },
        400,
        "Bad Request: CHARGE_ID_INVALID"
      )
    })

    it("a person pays to join through a subscription link; the membership ends with the period", async () => {
      await updates("chat_member")
      const link = await result("createChatSubscriptionInviteLink", {
        chat_id: CHANNEL,
        subscription_period: 2_592_000,
        subscription_price: 25
      })
      const join = (body: Record<string, unknown>) => control("POST", `users/${BOB}/join`, body)
      expect((await join({ invite_link: link.invite_link, pay_stars: true })).body.description).toBe("BALANCE_TOO_LOW")
      await setStars(BOB, 30)
      expect((await join({ invite_link: link.invite_link, pay_stars: true })).body.result).toEqual({
        status: "member",
        chat_id: CHANNEL
      })
      const until = seconds() + 2_592_000
      const [joined] = await updates("chat_member")
      expect(joined).toMatchObject({
        from: { id: BOB },
        old_chat_member: { status: "left" },
        new_chat_member: { status: "member", until_date: until },
        invite_link: { invite_link: link.invite_link, subscription_period: 2_592_000, subscription_price: 25 }
      })
      expect([await stars(BOB), await stars(CHANNEL)]).toEqual([5, 25])
      // Not a payment to the bot: no query, no transaction.
      expect((await result("getStarTransactions")).transactions).toEqual([])

      t.clock.advance(2_592_000 * 1000 - 1000)
      expect(await updates("chat_member")).toEqual([])
      t.clock.advance(1000)
      const [ended] = await updates("chat_member")
      expect(ended).toMatchObject({
        chat: { id: CHANNEL },
        from: { id: BOB },
        date: until,
        old_chat_member: { status: "member", until_date: until },
        new_chat_member: { status: "left", user: { id: BOB } }
      })
      expect((await result("getChatMember", { chat_id: CHANNEL, user_id: BOB })).status).toBe("left")
    })
  })
}
