/**
 * Payments under hostile input: every payments method gets junk, bad and deep JSON, huge and negative numbers and
 * plausible-but-wrong values, in a world where a person has Stars, an invoice waits in their chat and a checkout is
 * open; the pay, checkout and Stars routes get hostile bodies and paths. Each call is answered in the envelope
 * (status = error_code), never a defect (the mock throws in "throw" mode), and a refused call changes nothing.
 */
import { MockTelegram } from "telegram-bot-api-mock"
import { describe, expect, it } from "vitest"
import { METHODS } from "../../mock-server/src/api/methods/index.js"
import { controlCaller, formCaller, nestedArrays } from "./hostileInput.js"

const NAMES = METHODS.filter((m) => m.family === "payments")

const JUNK: ReadonlyArray<string> = [
  "",
  "x",
  "-1",
  "0",
  "99999999999999999999999",
  "{\"a\":",
  nestedArrays(2000),
  "[{\"label\":\"a\",\"amount\":\"-999999999999\"},{\"label\":\"b\",\"amount\":99999999999999999999}]",
  "[{\"id\":\"a\",\"title\":\"A\",\"prices\":[{\"label\":\"x\",\"amount\":1e3}]},null]",
  "[1,\"2\",-3,\"4.5\",{}]",
  "XTR"
]

/** A plausible value for the parameters that name something of the world. */
const PLAUSIBLE: Readonly<Record<string, string>> = {
  chat_id: "42",
  user_id: "42",
  currency: "XTR",
  prices: "[{\"label\":\"Tea\",\"amount\":5}]",
  pre_checkout_query_id: "5000000000000000001",
  shipping_query_id: "5000000000000000002",
  ok: "true",
  subscription_period: "2592000"
}

describe("payments under hostile parameters", () => {
  const mock = MockTelegram.make({ onDefect: "throw" })
  const token = mock.snapshot().bots[0]!.token
  const call = formCaller(mock, token)
  mock.setStars(42, { amount: 1_000 })
  call("sendInvoice", {
    chat_id: "42",
    title: "T",
    description: "D",
    payload: "p",
    currency: "XTR",
    prices: PLAUSIBLE["prices"]!
  })
  const opened = mock.pay(42, { message_id: 1 })

  it("covers every payments method; a checkout is open", () => {
    expect(NAMES.map((method) => method.name).sort()).toEqual([
      "answerPreCheckoutQuery",
      "answerShippingQuery",
      "createInvoiceLink",
      "editUserStarSubscription",
      "getMyStarBalance",
      "getStarTransactions",
      "refundStarPayment",
      "sendInvoice"
    ])
    expect(opened).toMatchObject({ ok: true, status: "awaiting_pre_checkout" })
  })

  for (const method of NAMES) {
    it(`${method.name}: answered in the envelope, nothing changed when refused`, () => {
      const names = Object.keys(method.params)
      for (const junk of JUNK) {
        for (const plausible of [false, true]) {
          const params = Object.fromEntries(names.map((n) => [n, plausible && n in PLAUSIBLE ? PLAUSIBLE[n]! : junk]))
          const before = JSON.stringify([mock.snapshot(), mock.checkout("5000000000000000001")])
          const answer = call(method.name, params)
          expect(answer._tag, `${method.name} ${JSON.stringify(params).slice(0, 80)}`).toBe("Json")
          const { body, status } = answer as { status: number; body: string }
          const envelope = JSON.parse(body)
          expect(status).toBe(envelope.ok ? 200 : envelope.error_code)
          if (!envelope.ok) {
            expect(envelope.description).toMatch(/^Bad Request: /)
            expect(JSON.stringify([mock.snapshot(), mock.checkout("5000000000000000001")])).toBe(before)
          }
        }
      }
      expect(call("getMe", {})).toMatchObject({ status: 200 })
    })
  }

  it("the payments routes answer hostile bodies and paths with a 400 naming each wrong field", () => {
    const control = controlCaller(mock)
    const bodies: ReadonlyArray<unknown> = [
      "",
      "[",
      nestedArrays(2000),
      [],
      {},
      { message_id: 1, invoice_link: "https://t.me/$abc" },
      { message_id: -1, tip_amount: 1e15, order_info: { shipping_address: { country_code: "germany" } } },
      { invoice_link: "https://t.me/+notaninvoice" },
      { invoice_link: "https://t.me/$nosuchinvoice" },
      { message_id: 999 },
      { message_id: 1, chat_id: -1001234567890 },
      { message_id: 1, bot_id: 777 },
      { message_id: 1, shipping_option_id: "x" },
      { message_id: 1, extra: true }
    ]
    for (const body of bodies) {
      const before = JSON.stringify(mock.snapshot())
      const answer = control("POST", "users/42/pay", body)
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400)
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error_code: 400 })
      expect(JSON.stringify(mock.snapshot())).toBe(before)
    }
    expect(control("POST", "users/1/pay", { message_id: 1 }).status).toBe(400)
    expect(control("POST", "users/123456/pay", { message_id: 1 }).status).toBe(400)
    for (const path of ["checkouts/x", "checkouts/1", "checkouts/99999999999999999999", "stars/x", "stars/0"]) {
      expect(control("GET", path, "").status, path).toBe(400)
    }
    for (const body of [{}, { amount: -1 }, { amount: 1.5 }, { amount: 1e13 }, { amount: "5" }]) {
      expect(control("PUT", "stars/42", body).status, JSON.stringify(body)).toBe(400)
    }
    expect(JSON.parse(control("PUT", "stars/7", { amount: 5 }).body).description).toBe(
      "owner_id: no user or chat 7 in this world"
    )
    // The one plausible answer above (ok, to the open checkout) paid the invoice; nothing else moved a Star.
    expect(mock.checkout("5000000000000000001")?.status).toBe("paid")
    expect(mock.stars(42)).toBe(995)
  })
})
