/**
 * sendInvoice and createInvoiceLink (telegram-wire-chats.md §19.1; Client.cpp process_send_invoice_query,
 * process_create_invoice_link_query): the invoice read and checked (api/payments/invoiceParams.ts), then sent as a
 * message with a Pay button (a keyboard given must start with one: REPLY_MARKUP_BUY_EMPTY), or kept behind a link
 * (`https://t.me/$…`, answered as a JSON string) that people pay; a business account's link pays the account.
 */
import type { InputButton } from "../../input/replyMarkup.js"
import { capMap, newInvoiceLink } from "../../world/payments.js"
import { botsConnection, connectionRefusal } from "../business.js"
import { apiError, isApiError } from "../envelope.js"
import { invoiceParams, makeInvoice } from "../payments/invoiceParams.js"
import { sendParams } from "../send/params.js"
import { sendContent } from "../send/sendContent.js"
import { commit, method, methods } from "../table/method.js"
import { text } from "../table/params.js"

/** The button an invoice gets when the bot names no keyboard (its text is the mock's: Telegram's is not known). */
const PAY: InputButton = { text: "Pay", style: "", action: "pay", value: "true" }

/** sendInvoice, createInvoiceLink. */
export const invoiceMethods = methods({
  sendInvoice: method({
    family: "payments",
    summary: "an invoice message with a Pay button (a keyboard must start with one); people pay it (`…/pay`)",
    params: { ...invoiceParams, ...sendParams },
    run: (p, call) =>
      sendContent(call, p, {
        defaultKeyboard: [[PAY]],
        content: () => {
          const badInfo = apiError(400, "Bad Request: wrong invoice information specified")
          const invoice = makeInvoice(p, call, badInfo, undefined)
          if (isApiError(invoice)) return invoice
          if (p.reply_markup !== undefined && p.reply_markup[0]?.[0]?.action !== "pay") {
            return apiError(400, "Bad Request: REPLY_MARKUP_BUY_EMPTY")
          }
          return { kind: "invoice", invoice }
        }
      })
  }),
  createInvoiceLink: method({
    family: "payments",
    summary: "an invoice link (`https://t.me/$…`) people pay (`…/pay` with `invoice_link`); Stars subscriptions",
    params: { ...invoiceParams, business_connection_id: text },
    run: (p, call) => {
      const connection = p.business_connection_id === ""
        ? undefined
        : botsConnection(call.world, call.botId, p.business_connection_id)
      if (connection !== undefined && isApiError(connection)) return connection
      const invoice = makeInvoice(p, call, apiError(400, "Bad Request: MEDIA_INVALID"), connection?.userId)
      if (isApiError(invoice)) return invoice
      const refusal = connection === undefined ? undefined : connectionRefusal(connection, undefined)
      if (refusal !== undefined) return refusal
      return commit(undefined, () => {
        const links = call.world.payments.links
        const url = newInvoiceLink(call.world)
        links.set(url, invoice)
        capMap(links)
        return JSON.stringify(url)
      })
    }
  })
})
