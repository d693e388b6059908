/**
 * Control routes for payments: a person pays an invoice, a checkout read back (long-polled until the bot has
 * answered), and Stars balances set and read. JSON in and out; a refused input is a 400 with one line per wrong field,
 * and changes nothing; what Telegram tells the person (BALANCE_TOO_LOW) is the error envelope.
 */
import { decodePay, decodeStars } from "../decode/payments.js"
import { MockInputError } from "../MockInputError.js"
import { ControlRefusal, pending, required, route } from "./common.js"
import { idParam } from "./ids.js"
import { waitSeconds } from "./query.js"

/** A checkout id: a 64-bit query id as decimal text. */
const checkoutOf = (params: Readonly<Record<string, string>>): string => {
  const text = params["checkout_id"] ?? ""
  if (!/^[0-9]{1,19}$/.test(text)) {
    throw new MockInputError([`checkout_id: expected a checkout id, got ${JSON.stringify(text.slice(0, 40))}`])
  }
  return text
}

/** `POST /__mock/users/:user_id/pay`, `GET /__mock/checkouts/:checkout_id`, `GET|PUT /__mock/stars/:owner_id`. */
export const paymentRoutes = [
  route({
    method: "POST",
    path: "/__mock/users/:user_id/pay",
    summary: "a person pays an invoice (`{message_id, chat_id?, bot_id?}` or `{invoice_link}`, with `order_info?`, " +
      "`shipping_option_id?`, `tip_amount?`): the bot gets `shipping_query` / `pre_checkout_query`; the checkout",
    body: required(decodePay),
    handle: ({ body, mock, params }) => {
      const outcome = mock.pay(idParam("user_id", params["user_id"]), body)
      if (!outcome.ok) throw new ControlRefusal(outcome.error_code, outcome.description)
      return { checkout_id: outcome.checkout_id, status: outcome.status }
    }
  }),
  route({
    method: "GET",
    path: "/__mock/checkouts/:checkout_id",
    summary: "a checkout: `awaiting_shipping`, `awaiting_pre_checkout`, `paid` (its charge id), `refused` or " +
      "`expired` (`?wait=<s>`: long-polled on the mock's clock until the bot has answered)",
    handle: ({ mock, params, query }) => {
      const id = checkoutOf(params)
      if (mock.checkout(id) === undefined) throw new MockInputError([`checkout_id: no checkout ${id} in this world`])
      // null once the world that held it was replaced during the wait.
      const read = () => mock.checkout(id) ?? null
      const settled = () => {
        const state = read()
        return state?.status === "awaiting_shipping" || state?.status === "awaiting_pre_checkout" ? undefined : state
      }
      return pending(settled, waitSeconds(query), read)
    }
  }),
  route({
    method: "GET",
    path: "/__mock/stars/:owner_id",
    summary: "the Stars of a person, a bot or a chat (`{owner_id, amount}`)",
    handle: ({ mock, params }) => {
      const ownerId = idParam("owner_id", params["owner_id"])
      return { owner_id: ownerId, amount: mock.stars(ownerId) }
    }
  }),
  route({
    method: "PUT",
    path: "/__mock/stars/:owner_id",
    summary: "sets the Stars of a person, a bot or a chat (`{amount}`), as the world file's `star_balances`",
    body: required(decodeStars),
    handle: ({ body, mock, params }) => mock.setStars(idParam("owner_id", params["owner_id"]), body)
  })
]
