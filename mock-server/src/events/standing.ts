/**
 * A standing changes: the record, the service message a group shows (a join or a removal), and the updates
 * (my_chat_member to the bot concerned, chat_member to the administering bots that asked). What the control API's
 * PUT, the person's join and leave, and the bot's ban, unban and approve all go through.
 */
import { standing } from "../world/members.js"
import type { ChatRecord, LinkRecord, MemberRecord, MemberRights, World } from "../world/World.js"
import { announceMemberChange, serviceMessage } from "./announce.js"
import { isInChat } from "./recipients.js"

/** What else a change carries: the link used, whether a request was approved, whether to show a service message. */
export interface ChangeExtras {
  readonly link?: LinkRecord | undefined
  readonly viaJoinRequest?: boolean | undefined
}

/** True when two standings are the same (status and every right). */
export const sameStanding = (a: Readonly<MemberRecord>, b: Readonly<MemberRecord>): boolean => {
  if (a.status !== b.status) return false
  const keys = new Set([...Object.keys(a.rights), ...Object.keys(b.rights)]) as Set<keyof MemberRights>
  return [...keys].every((key) => (a.rights[key] ?? false) === (b.rights[key] ?? false))
}

/** Sets a user's standing in a group, supergroup or channel, and tells the bots. */
export const changeStanding = (
  world: World,
  chat: ChatRecord,
  userId: number,
  after: MemberRecord,
  actorId: number,
  extras: ChangeExtras = {}
): void => {
  const before = standing(chat, userId)
  if (after.status === "left") chat.members.delete(userId)
  else chat.members.set(userId, after)
  const wasIn = isInChat(before)
  const nowIn = isInChat(after)
  if (nowIn) dropJoinRequest(chat, userId)
  if (chat.type === "group" || chat.type === "supergroup") {
    if (!wasIn && nowIn) serviceMessage(world, chat, actorId, { kind: "new_chat_members", userIds: [userId] })
    if (wasIn && !nowIn) {
      const isBot = world.users.get(userId)?.is_bot === true
      serviceMessage(world, chat, actorId, { kind: "left_chat_member", userId }, isBot ? [userId] : [])
    }
  }
  announceMemberChange(world, chat, {
    actorId,
    date: Math.floor(world.clock.now() / 1000),
    userId,
    before,
    after,
    link: extras.link,
    viaJoinRequest: extras.viaJoinRequest
  })
}

/** Removes a user's pending join request (approved, declined, or they got in another way). */
export const dropJoinRequest = (chat: ChatRecord, userId: number): void => {
  const request = chat.joinRequests.get(userId)
  if (request === undefined) return
  chat.joinRequests.delete(userId)
  if (request.link !== undefined) request.link.pendingRequests--
}

/** The chat's creator, else its first administrator: who acts when the control API changes a standing. */
export const defaultActor = (chat: ChatRecord, fallback: number): number => {
  let admin: number | undefined
  for (const [userId, member] of chat.members) {
    if (member.status === "creator") return userId
    if (member.status === "administrator" && admin === undefined) admin = userId
  }
  return admin ?? fallback
}
