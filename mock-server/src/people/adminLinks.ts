/**
 * An administrator (a person, in their app) makes an invite link: any of a link's fields, a join-request link, or a
 * subscription link (30 days, a price in Stars). What a test needs to have a link no bot made, without editing the
 * world file. Refusals name the field and change nothing.
 */
import type { ChatInviteLink } from "@grammyjs/types"
import type { AdminLinkInput } from "../decode/control.js"
import { MockInputError } from "../MockInputError.js"
import { linkJson } from "../wire/inviteLink.js"
import { asInviteLink } from "../wire/typed.js"
import { createLink } from "../world/inviteLinks.js"
import { canManageInviteLinks } from "../world/members.js"
import type { World } from "../world/World.js"

/** Makes the link as `by` (default: the chat's creator); the ChatInviteLink as its creator sees it. */
export const createLinkAsAdmin = (world: World, chatId: number, input: AdminLinkInput): ChatInviteLink => {
  const chat = world.chats.get(chatId)
  if (chat === undefined) throw new MockInputError([`chat_id: no chat ${chatId} in this world`])
  if (chat.type === "private") throw new MockInputError([`chat_id: chat ${chatId} is a private chat`])
  if (chat.migratedTo !== undefined) {
    throw new MockInputError([`chat_id: chat ${chatId} was upgraded to ${chat.migratedTo}`])
  }
  const creator = [...chat.members].find(([, member]) => member.status === "creator")?.[0]
  const by = input.by ?? creator
  const problems: Array<string> = []
  if (by === undefined) problems.push(`by: chat ${chatId} has no creator; name the administrator`)
  else if (!canManageInviteLinks(chat, by)) problems.push(`by: user ${by} may not invite users to chat ${chatId}`)
  if (input.creates_join_request === true && input.member_limit !== undefined) {
    problems.push("member_limit: a link that needs approval has no member limit")
  }
  if ((input.subscription_period === undefined) !== (input.subscription_price === undefined)) {
    problems.push("subscription_price: a subscription link has both subscription_period and subscription_price")
  }
  const now = Math.floor(world.clock.now() / 1000)
  if (input.expire_date !== undefined && input.expire_date <= now) {
    problems.push(`expire_date: ${input.expire_date} is not in the future (the mock's clock says ${now})`)
  }
  if (problems.length > 0 || by === undefined) throw new MockInputError(problems)
  const link = createLink(world, chat, by, {
    name: input.name ?? "",
    expireDate: input.expire_date ?? 0,
    memberLimit: input.member_limit ?? 0,
    createsJoinRequest: input.creates_join_request ?? false,
    subscriptionPeriod: input.subscription_period ?? 0,
    subscriptionPrice: input.subscription_price ?? 0
  })
  return asInviteLink(linkJson(world, link))
}
