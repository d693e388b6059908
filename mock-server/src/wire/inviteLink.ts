/** ChatInviteLink JSON, keys in the real server's order (Client.cpp JsonChatInviteLink). Hand-built: a hot path. */
import type { LinkRecord, World } from "../world/World.js"
import { userJson } from "./user.js"

const json = JSON.stringify

/**
 * A link as a bot that did not make it sees it: the second half of its hash replaced with "…" (the Bot API
 * documentation's rule; how much is kept is the mock's inference).
 */
const cutLink = (url: string): string => {
  const start = url.lastIndexOf("/") + (url.includes("/+") ? 2 : 1)
  const hash = url.slice(start)
  return `${url.slice(0, start)}${hash.slice(0, Math.ceil(hash.length / 2))}…`
}

/**
 * A ChatInviteLink; `creator` is a plain User, without the bot-only fields (telegram-wire.md §4b). `viewer`: the bot
 * it is shown to, when that may not be its creator (updates); its own links are whole.
 */
export const linkJson = (world: World, link: LinkRecord, viewer?: number): string => {
  let out = `{"invite_link":${json(viewer === undefined || viewer === link.creatorId ? link.url : cutLink(link.url))}`
  if (link.name !== "") out += `,"name":${json(link.name)}`
  out += `,"creator":${userJson(world, link.creatorId)}`
  if (link.expireDate !== 0) out += `,"expire_date":${link.expireDate}`
  if (link.memberLimit !== 0) out += `,"member_limit":${link.memberLimit}`
  if (link.pendingRequests !== 0) out += `,"pending_join_request_count":${link.pendingRequests}`
  if (link.subscriptionPeriod !== 0) {
    out += `,"subscription_period":${link.subscriptionPeriod},"subscription_price":${link.subscriptionPrice}`
  }
  return out +
    `,"creates_join_request":${link.createsJoinRequest},"is_primary":${link.isPrimary},"is_revoked":${link.isRevoked}}`
}
