/**
 * restrictChatMember and setChatPermissions (telegram-wire-chats.md §16.1–16.3): the permissions read as the real
 * server reads them, the chat checked, then TDLib's rules (until_date under 30 s or over 366 days is forever; all
 * permissions lift a restriction; the owner, the bot itself, rights) and Telegram's (an administrator can't be
 * restricted). A restriction or its end reaches the administering bots as chat_member (the bot's own: my_chat_member).
 */
import { isInChat } from "../../events/recipients.js"
import { changeStanding } from "../../events/standing.js"
import { readPermissions } from "../../input/permissions.js"
import { standing } from "../../world/members.js"
import { allGranted, permissionsFrom, samePermissions } from "../../world/permissions.js"
import type { MemberRecord, MemberRights } from "../../world/World.js"
import { holds } from "../adminRights.js"
import { type ApiError, apiError } from "../envelope.js"
import { commit, method, methods } from "../table/method.js"
import { bool, chat, custom, int, userId } from "../table/params.js"

const bad = (text: string): ApiError => apiError(400, `Bad Request: ${text}`)

/** An until_date as TDLib keeps it: 0 (forever) unless it is 30 s to 366 days from now. */
export const fixUntilDate = (until: number, nowSeconds: number): number =>
  until === 0 || until < nowSeconds + 30 || until > nowSeconds + 366 * 86_400 ? 0 : until

/** The member's title or tag, which every standing keeps. */
const tagOf = (rights: MemberRights): MemberRights =>
  rights.custom_title === undefined ? {} : { custom_title: rights.custom_title }

/** True when two standings are the same to TDLib (status, permissions, until_date, membership). */
const sameRestriction = (a: Readonly<MemberRecord>, b: MemberRecord): boolean => {
  if (a.status !== b.status) return false
  if (a.status !== "restricted") return true
  return samePermissions(permissionsFrom(a.rights), permissionsFrom(b.rights)) &&
    (a.rights.until_date ?? 0) === (b.rights.until_date ?? 0) &&
    (a.rights.is_member !== false) === (b.rights.is_member !== false)
}

const permissionsParam = (allowLegacy: boolean) =>
  custom("ChatPermissions", (input) => {
    const independent = input.earlier["use_independent_chat_permissions"] === true
    const read = readPermissions(input.call.params, allowLegacy, independent)
    return "refusal" in read ? bad(read.refusal) : read
  }, { note: "JSON; absent: every permission false" })

/** restrictChatMember, setChatPermissions. */
export const restrictMethods = methods({
  restrictChatMember: method({
    family: "administration",
    summary: "restricts a supergroup member (all permissions true lifts it); chat_member / my_chat_member follows",
    params: {
      user_id: userId,
      until_date: int({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      use_independent_chat_permissions: bool,
      permissions: permissionsParam(true),
      chat_id: chat("write")
    },
    run: (p, call) => {
      const chat = p.chat_id
      const { world, botId } = call
      if (chat.type !== "supergroup") return bad("method is available only for supergroups")
      if (!world.users.has(p.user_id)) return bad("member not found")
      const current = standing(chat, p.user_id)
      let permissions = p.permissions.permissions
      if (p.permissions.keepCurrent && current.status === "restricted") {
        const kept = permissionsFrom(current.rights)
        permissions = {
          ...permissions,
          can_send_polls: kept.can_send_polls,
          can_change_info: kept.can_change_info,
          can_invite_users: kept.can_invite_users,
          can_pin_messages: kept.can_pin_messages,
          can_manage_topics: kept.can_manage_topics
        }
      }
      const isMember = current.status === "creator" ? true : isInChat(current)
      const now = Math.floor(world.clock.now() / 1000)
      const after: MemberRecord = allGranted(permissions)
        ? { status: isMember ? "member" : "left", rights: tagOf(current.rights) }
        : {
          status: "restricted",
          rights: {
            ...tagOf(current.rights),
            ...permissions,
            is_member: isMember,
            until_date: fixUntilDate(p.until_date, now)
          }
        }
      if (current.status !== "creator" && sameRestriction(current, after)) return "true"
      if (current.status === "creator") return bad("can't remove chat owner")
      if (current.status === "administrator" && after.status === "member") {
        // Lifting every restriction of an administrator demotes them (TDLib takes the promotion path).
        if (p.user_id !== botId && !holds(chat, botId, "can_promote_members")) return bad("not enough rights")
        if (p.user_id !== botId && current.rights.promoted_by !== botId && standing(chat, botId).status !== "creator") {
          return bad("RIGHT_FORBIDDEN")
        }
      } else {
        if (p.user_id === botId) return bad(after.status === "member" ? "can't unrestrict self" : "can't restrict self")
        if (!holds(chat, botId, "can_restrict_members")) {
          return bad("not enough rights to restrict/unrestrict chat member")
        }
        if (current.status === "administrator") return bad("user is an administrator of the chat")
      }
      return commit(chat, () => {
        changeStanding(world, chat, p.user_id, after, botId)
        return "true"
      })
    }
  }),

  setChatPermissions: method({
    family: "administration",
    summary: "sets what members may do (no permissions: all false); people's messages follow them; getChat shows them",
    params: {
      use_independent_chat_permissions: bool,
      permissions: permissionsParam(false),
      chat_id: chat("write")
    },
    run: (p, call) => {
      const chat = p.chat_id
      if (chat.type === "private") return bad("can't change private chat permissions")
      if (chat.type === "channel") return bad("can't change channel chat permissions")
      if (!holds(chat, call.botId, "can_restrict_members")) return bad("not enough rights to change chat permissions")
      const permissions = p.permissions.permissions
      if (samePermissions(chat.profile.permissions, permissions)) return "true"
      return commit(chat, () => {
        chat.profile.permissions = permissions
        return "true"
      })
    }
  })
})
