/** Members and their standing: who is in a chat, with which rights, and what that lets them do. */
import type { Member } from "../WorldSnapshot.js"
import type { ChatRecord, MemberRecord } from "./World.js"

/** The standing of someone a chat does not list. Shared and frozen: callers only read a standing. */
const LEFT: MemberRecord = Object.freeze({ status: "left", rights: Object.freeze({}) })

/** The standing of a user in a chat; someone the chat does not list has left it. */
export const standing = (chat: ChatRecord, userId: number): Readonly<MemberRecord> => chat.members.get(userId) ?? LEFT

/** The creator, or an administrator with `can_invite_users`: who may export, create, edit and revoke links. */
export const canManageInviteLinks = (chat: ChatRecord, userId: number): boolean => {
  const member = standing(chat, userId)
  return member.status === "creator" || (member.status === "administrator" && member.rights.can_invite_users === true)
}

/** Member records from their world-file form. */
export const membersFromData = (members: ReadonlyArray<Member>): Map<number, MemberRecord> => {
  const records = new Map<number, MemberRecord>()
  for (const { status, user_id, ...rights } of members) records.set(user_id, { status, rights })
  return records
}

/** Member records in their world-file form (new objects). */
export const membersToData = (members: ReadonlyMap<number, MemberRecord>): Array<Member> =>
  [...members].map(([user_id, member]) => ({ user_id, status: member.status, ...member.rights }))
