/** Who holds an administrator right in a chat: the creator holds them all; an administrator those it was given. */
import { standing } from "../world/members.js"
import type { ChatRecord, MemberRights } from "../world/World.js"

/** The administrator rights a member record can hold. */
export type AdminRight = Extract<keyof MemberRights, `can_${string}`>

/** True for the creator, and for an administrator given `right` (every administrator may manage the chat). */
export const holds = (chat: ChatRecord, userId: number, right: AdminRight): boolean => {
  const member = standing(chat, userId)
  if (member.status === "creator") return true
  return member.status === "administrator" && (right === "can_manage_chat" || member.rights[right] === true)
}
