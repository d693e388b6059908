/**
 * promoteChatMember, setChatAdministratorCustomTitle and setChatMemberTag (telegram-wire-chats.md §16.4–16.5): the
 * rights read as flags, fitted to the chat (any right implies can_manage_chat; rights a chat kind lacks are dropped; a
 * channel's administrator may restrict unless told otherwise), TDLib's checks and Telegram's (a bot grants only rights
 * it holds and edits only the administrators it promoted: RIGHT_FORBIDDEN). chat_member / my_chat_member follow.
 */
import { isInChat } from "../../events/recipients.js"
import { changeStanding } from "../../events/standing.js"
import { ADMIN_RIGHT_KEYS as RIGHTS } from "../../input/botInfo.js"
import { standing } from "../../world/members.js"
import type { ChatRecord, MemberRecord, MemberRights } from "../../world/World.js"
import { type AdminRight, holds } from "../adminRights.js"
import { type ApiError, apiError } from "../envelope.js"
import { type Call, commit, method, methods } from "../table/method.js"
import { bool, chat, custom, raw, text, userId } from "../table/params.js"

const bad = (text: string): ApiError => apiError(400, `Bad Request: ${text}`)

type Right = typeof RIGHTS[number]

/** Rights a channel's or a supergroup's administrators cannot have (TDLib drops them silently). */
const DROPPED: Readonly<Record<"channel" | "supergroup", ReadonlyArray<Right>>> = {
  channel: ["can_pin_messages", "can_manage_topics", "can_manage_tags", "is_anonymous"],
  supergroup: ["can_post_messages", "can_edit_messages", "can_manage_direct_messages"]
}

/** The rights a promotion gives in this chat, as TDLib fits them; empty when none (a demotion). */
export const fitRights = (chat: ChatRecord, asked: Readonly<Record<Right, boolean>>, params: Call["params"]) => {
  const rights: Record<string, boolean> = { ...asked }
  const any = RIGHTS.some((key) => asked[key])
  if (chat.type === "channel" && any && params.get("can_restrict_members") === undefined) {
    rights["can_restrict_members"] = true
  }
  for (const key of DROPPED[chat.type === "channel" ? "channel" : "supergroup"]) rights[key] = false
  if (RIGHTS.some((key) => rights[key])) rights["can_manage_chat"] = true
  const kept: Record<string, boolean> = {}
  for (const key of RIGHTS) if (rights[key] === true) kept[key] = true
  return kept as MemberRights
}

/** Telegram: a bot that is not the creator may grant only rights it holds, and edit only administrators it promoted. */
const rightForbidden = (chat: ChatRecord, botId: number, target: Readonly<MemberRecord>, rights: MemberRights) => {
  if (standing(chat, botId).status === "creator") return false
  if (target.status === "administrator" && target.rights.promoted_by !== botId) return true
  return RIGHTS.some((key) => rights[key] === true && key !== "is_anonymous" && !holds(chat, botId, key as AdminRight))
}

const rightParams = Object.fromEntries(RIGHTS.map((key) => [key, bool])) as Record<Right, typeof bool>

/** Bot API 9.5 titles and tags: at most 16 characters, no emoji (Telegram's rules). */
const titleRefusal = (title: string, prefix: "CUSTOM_TITLE" | "TAG"): ApiError | undefined => {
  if (Array.from(title).length > 16) return bad(`${prefix}_INVALID`)
  return /\p{Extended_Pictographic}/u.test(title) ? bad(`${prefix}_EMOJI_NOT_ALLOWED`) : undefined
}

/** Sets a member's title or tag (`""` removes it): the same value in Telegram, shown by status. */
const retitle = (call: Call, chat: ChatRecord, userId: number, title: string) =>
  commit(chat, () => {
    const current = standing(chat, userId)
    const { custom_title: _, ...rights } = current.rights
    changeStanding(call.world, chat, userId, {
      status: current.status,
      rights: title === "" ? rights : { ...rights, custom_title: title }
    }, call.botId)
    return "true"
  })

const groupOnly = (chat: ChatRecord): ApiError | undefined =>
  chat.type === "group" || chat.type === "supergroup"
    ? undefined
    : bad("method is available only for groups and supergroups")

/** promoteChatMember, setChatAdministratorCustomTitle, setChatMemberTag. */
export const promoteMethods = methods({
  promoteChatMember: method({
    family: "administration",
    summary: "promotes a member (every right false demotes); chat_member / my_chat_member follows",
    params: {
      user_id: userId,
      ...rightParams,
      can_manage_video_chats: custom(
        "Boolean",
        (input) => bool.read(input) === true || bool.read({ ...input, name: "can_manage_voice_chats" }) === true,
        {
          note: "or the legacy can_manage_voice_chats"
        }
      ),
      chat_id: chat("write")
    },
    run: (p, call) => {
      const chat = p.chat_id
      const { world, botId } = call
      if (chat.type !== "supergroup" && chat.type !== "channel") {
        return bad("method is available for supergroup and channel chats only")
      }
      const rights = fitRights(chat, p, call.params)
      const target = p.user_id
      if (target !== botId) {
        if (
          chat.type === "channel" && standing(chat, botId).status !== "creator" &&
          standing(chat, botId).status !== "administrator"
        ) {
          return bad("member list is inaccessible")
        }
        if (!world.users.has(target)) return bad("member not found")
      }
      const current = standing(chat, target)
      const promote = Object.keys(rights).length > 0
      const after: MemberRecord = promote
        ? { status: "administrator", rights: { ...tagOf(current.rights), ...rights, promoted_by: botId } }
        : { status: "member", rights: tagOf(current.rights) }
      if (current.status === "creator") return bad("can't remove chat owner")
      if (
        current.status === after.status &&
        (!promote || sameRights(current.rights, rights) && current.rights.promoted_by === botId)
      ) {
        return "true"
      }
      if (promote || current.status === "administrator") {
        if (target === botId) {
          if (promote) return bad("can't promote self")
        } else {
          if (!holds(chat, botId, "can_promote_members")) return bad("not enough rights")
          if (rightForbidden(chat, botId, current, rights)) return bad("RIGHT_FORBIDDEN")
          if (!isInChat(current) && world.users.get(target)?.is_bot !== true) return bad("USER_NOT_MUTUAL_CONTACT")
        }
      } else if (current.status === "restricted" || current.status === "kicked") {
        if (!holds(chat, botId, "can_restrict_members")) {
          return bad("not enough rights to restrict/unrestrict chat member")
        }
      } else {
        return bad("USER_NOT_MUTUAL_CONTACT")
      }
      return commit(chat, () => {
        changeStanding(world, chat, target, after, botId)
        return "true"
      })
    }
  }),

  setChatAdministratorCustomTitle: method({
    family: "administration",
    summary: "sets an administrator's custom title (0-16 characters, no emoji; `\"\"` removes it)",
    params: { user_id: userId, chat_id: chat("write"), custom_title: text },
    run: (p, call) => {
      const chat = p.chat_id
      const refusal = groupOnly(chat)
      if (refusal !== undefined) return refusal
      if (!call.world.users.has(p.user_id)) return bad("member not found")
      const member = standing(chat, p.user_id)
      if (member.status === "creator") return bad("only the owner can edit their custom title")
      if (member.status !== "administrator") return bad("user is not an administrator")
      const editable = p.user_id !== call.botId &&
        (standing(chat, call.botId).status === "creator" || member.rights.promoted_by === call.botId)
      if (!editable) return bad("not enough rights to change custom title of the user")
      return titleRefusal(p.custom_title, "CUSTOM_TITLE") ?? retitle(call, chat, p.user_id, p.custom_title)
    }
  }),

  setChatMemberTag: method({
    family: "administration",
    summary: "sets a member's tag (Bot API 9.5; 0-16 characters, no emoji; needs can_manage_tags)",
    params: { user_id: userId, chat_id: chat("write"), tag: custom("String", (input) => raw(input) ?? "") },
    run: (p, call) => {
      const chat = p.chat_id
      const refusal = groupOnly(chat)
      if (refusal !== undefined) return refusal
      const member = standing(chat, p.user_id)
      if (!isInChat(member)) return bad("USER_NOT_PARTICIPANT")
      const mayTag = holds(chat, call.botId, "can_manage_tags") && member.status !== "creator" &&
        (member.status !== "administrator" || member.rights.promoted_by === call.botId ||
          standing(chat, call.botId).status === "creator")
      if (!mayTag) return bad("TAG_CHANGE_FORBIDDEN")
      return titleRefusal(p.tag, "TAG") ?? retitle(call, chat, p.user_id, p.tag)
    }
  })
})

/** The member's title or tag, which a promotion or a demotion keeps. */
const tagOf = (rights: MemberRights): MemberRights =>
  rights.custom_title === undefined ? {} : { custom_title: rights.custom_title }

const sameRights = (a: MemberRights, b: MemberRights): boolean =>
  RIGHTS.every((key) => (a[key] === true) === (b[key] === true))
