/**
 * What an administrator (a person, in their app) does, from TypeScript: set a standing, settle a join request, make
 * an invite link, make a supergroup a forum and create a topic. The same operations as the control API's chat routes; refusals throw MockInputError.
 */
import type { ChatInviteLink, ChatMember, ForumTopic } from "@grammyjs/types"
import { decodeForum, decodeTopic, type ForumInput, type TopicInput } from "../decode/adminControl.js"
import { type AdminLinkInput, decodeAdminLink, decodeStanding, type StandingInput } from "../decode/control.js"
import { createLinkAsAdmin } from "../people/adminLinks.js"
import { createTopicAs, setForum } from "../people/forums.js"
import * as People from "../people/operations.js"
import type { Chat } from "../WorldSnapshot.js"
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
  /** Switches a supergroup's topics on or off (`{ is_forum }`); the chat in the world-file format. */
  setForum(chatId: number, input: ForumInput): Chat
  /**
   * An administrator (`by`: the creator by default; one who manages topics) creates a forum topic (`{ name,
   * icon_color?, icon_custom_emoji_id? }`); the bots get `forum_topic_created`. Returns the ForumTopic.
   */
  createTopic(chatId: number, input: TopicInput): ForumTopic
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
  },

  setForum(chatId, input) {
    const body = orThrow(decodeForum(input))
    const { acted, world } = this[INTERNALS]
    return acted(() => setForum(world(), chatId, body), () => ({ action: "set_forum", chat_id: chatId }))
  },

  createTopic(chatId, input) {
    const body = orThrow(decodeTopic(input))
    const { acted, world } = this[INTERNALS]
    return acted(
      () => createTopicAs(world(), chatId, body),
      (topic) => ({ action: "create_topic", chat_id: chatId, text: topic.name })
    )
  }
}
