/**
 * What an administrator (a person, in their app) does, from TypeScript: set a standing, settle a join request, make
 * an invite link. The same operations as the control API's chat routes; refusals throw MockInputError.
 */
import type { ChatInviteLink, ChatMember } from "@grammyjs/types"
import { type AdminLinkInput, decodeAdminLink, decodeStanding, type StandingInput } from "../decode/control.js"
import { createLinkAsAdmin } from "../people/adminLinks.js"
import * as People from "../people/operations.js"
import { type HasInternals, INTERNALS, orThrow } from "./internals.js"

/** What administrators do, as MockTelegram methods. */
export interface AdminMethods {
  /** An administrator changes a user's standing (the bot's own included); returns the new ChatMember. */
  setMember(chatId: number, userId: number, input: StandingInput): ChatMember
  /**
   * An administrator approves a person's pending join request (as a bot would with approveChatJoinRequest): the
   * person becomes a member through the request's link; the bots get the service message and chat_member with
   * `via_join_request`. Returns the new ChatMember. Throws MockInputError when there is no such request.
   */
  approveJoinRequest(chatId: number, userId: number): ChatMember
  /** An administrator declines a person's pending join request. Throws MockInputError when there is none. */
  declineJoinRequest(chatId: number, userId: number): true
  /**
   * An administrator (`by`: the creator by default) makes an invite link in their app: any of a link's fields, a
   * join-request link, a subscription link (30 days, a price in Stars). Returns the ChatInviteLink.
   */
  createInviteLink(chatId: number, input?: AdminLinkInput): ChatInviteLink
}

/** AdminMethods, for MockTelegram's prototype. */
export const adminMethods: AdminMethods & ThisType<HasInternals> = {
  setMember(chatId, userId, input) {
    const body = orThrow(decodeStanding(input))
    const { acted, world } = this[INTERNALS]
    return acted(
      () => People.setMember(world(), chatId, userId, body),
      (member) => ({ action: "set_member", user_id: userId, chat_id: chatId, result: member.status })
    )
  },

  approveJoinRequest(chatId, userId) {
    const { acted, world } = this[INTERNALS]
    return acted(
      () => People.approveJoinRequest(world(), chatId, userId),
      () => ({ action: "approve_join_request", user_id: userId, chat_id: chatId })
    )
  },

  declineJoinRequest(chatId, userId) {
    const { acted, world } = this[INTERNALS]
    return acted(
      () => People.declineJoinRequest(world(), chatId, userId),
      () => ({ action: "decline_join_request", user_id: userId, chat_id: chatId })
    )
  },

  createInviteLink(chatId, input = {}) {
    const body = orThrow(decodeAdminLink(input))
    const { acted, world } = this[INTERNALS]
    return acted(
      () => createLinkAsAdmin(world(), chatId, body),
      (link) => ({ action: "create_invite_link", chat_id: chatId, user_id: link.creator.id, text: link.invite_link })
    )
  }
}
