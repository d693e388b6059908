/**
 * createChatSubscriptionInviteLink and editChatSubscriptionInviteLink (telegram-wire-bots.md §13): the name cut (not
 * refused), period and price clamped then checked before the rights, then Telegram's rules (a 30-day period, or 60 or
 * 300 s in the test environment; at most 10000 Stars).
 */
import { cleanLinkName } from "../../internal/text.js"
import { linkJson } from "../../wire/inviteLink.js"
import { createLink, findLink } from "../../world/inviteLinks.js"
import { canManageInviteLinks } from "../../world/members.js"
import type { ChatRecord } from "../../world/World.js"
import { type ApiError, apiError } from "../envelope.js"
import { commit, method, methods } from "../table/method.js"
import { chat, custom, int, raw, text } from "../table/params.js"

const MAX_PRICE = 10_000

const rightsRefusal = (chat: ChatRecord, botId: number): ApiError | undefined =>
  chat.type === "private"
    ? apiError(400, "Bad Request: can't invite members to a private chat")
    : canManageInviteLinks(chat, botId)
    ? undefined
    : apiError(400, "Bad Request: not enough rights to manage chat invite link")

const name = custom("String", (input) => cleanLinkName(raw(input) ?? ""), { note: "cut to 32 characters" })

/** createChatSubscriptionInviteLink, editChatSubscriptionInviteLink. */
export const subscriptionLinkMethods = methods({
  createChatSubscriptionInviteLink: method({
    family: "administration",
    summary: "a link people join by paying Stars each period (30 days; 60 or 300 s in the test environment)",
    params: {
      chat_id: chat("write"),
      name,
      subscription_period: int({ min: 0, max: 1_000_000_000 }),
      subscription_price: int({ min: 0, max: 1_000_000 })
    },
    run: (p, call) => {
      const period = p.subscription_period
      const price = p.subscription_price
      if (period <= 0 || price <= 0) return apiError(400, "Bad Request: invalid subscription pricing specified")
      const refusal = rightsRefusal(p.chat_id, call.botId)
      if (refusal !== undefined) return refusal
      const periods = call.testEnvironment === true ? [60, 300] : [2_592_000]
      if (!periods.includes(period)) return apiError(400, "Bad Request: SUBSCRIPTION_PERIOD_INVALID")
      if (price > MAX_PRICE) return apiError(400, "Bad Request: PRICING_CHAT_INVALID")
      return commit(p.chat_id, () =>
        linkJson(
          call.world,
          createLink(call.world, p.chat_id, call.botId, {
            name: p.name,
            expireDate: 0,
            memberLimit: 0,
            createsJoinRequest: false,
            subscriptionPeriod: period,
            subscriptionPrice: price
          })
        ))
    }
  }),

  editChatSubscriptionInviteLink: method({
    family: "administration",
    summary: "renames one of the bot's subscription links",
    params: { chat_id: chat("write"), invite_link: text, name },
    run: (p, call) => {
      const refusal = rightsRefusal(p.chat_id, call.botId)
      if (refusal !== undefined) return refusal
      if (p.invite_link === "") return apiError(400, "Bad Request: invite link must be non-empty")
      const link = findLink(call.world, p.invite_link)
      if (link === undefined || link.chatId !== p.chat_id.id || link.isRevoked || link.subscriptionPeriod === 0) {
        return apiError(400, "Bad Request: INVITE_HASH_EXPIRED")
      }
      if (link.creatorId !== call.botId) return apiError(400, "Bad Request: CHAT_ADMIN_REQUIRED")
      return commit(p.chat_id, () => {
        link.name = p.name
        return linkJson(call.world, link)
      })
    }
  })
})
