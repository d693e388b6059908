/**
 * The invite-link methods: exportChatInviteLink (telegram-wire.md §4) and create/edit/revokeChatInviteLink (§4b),
 * each making the real server's checks in its order before the world changes.
 */
import { type Params, toBool, toLenientInt } from "../../internal/Params.js"
import { cleanLinkName } from "../../internal/text.js"
import { linkJson } from "../../wire/inviteLink.js"
import {
  createLink,
  editLink,
  findLink,
  type LinkOptions,
  replacePrimaryLink,
  revokeLink
} from "../../world/inviteLinks.js"
import { canManageInviteLinks } from "../../world/members.js"
import type { ChatRecord, LinkRecord, World } from "../../world/World.js"
import { writableChat } from "../chatAccess.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { type Call, floodRefusal, type MethodFamily } from "./common.js"

const PRIVATE_CHAT_NO_LINKS = apiError(400, "Bad Request: can't invite members to a private chat")
const NOT_ENOUGH_RIGHTS = apiError(400, "Bad Request: not enough rights to manage chat invite link")
const LIMIT_WITH_JOIN_REQUEST = apiError(
  400,
  "Bad Request: member limit can't be specified for links requiring administrator approval"
)
const INVITE_LINK_EMPTY = apiError(400, "Bad Request: invite link must be non-empty")
const INVITE_HASH_EXPIRED = apiError(400, "Bad Request: INVITE_HASH_EXPIRED")
const CHAT_ADMIN_REQUIRED = apiError(400, "Bad Request: CHAT_ADMIN_REQUIRED")
const CHAT_INVITE_PERMANENT = apiError(400, "Bad Request: CHAT_INVITE_PERMANENT")
// Telegram's own answer to a past expiry is not in the open source: this is the mock's inference (§4b).
const EXPIRE_DATE_INVALID = apiError(400, "Bad Request: EXPIRE_DATE_INVALID")

/** The largest member_limit: a larger one is clamped to it, not refused. */
const MAX_MEMBER_LIMIT = 100_000

/** TDLib's rights check (can_manage_dialog_invite_links): a private chat has no links; the bot needs the right. */
const rightsRefusal = (chat: ChatRecord, botId: number): ApiError | undefined => {
  if (chat.type === "private") return PRIVATE_CHAT_NO_LINKS
  return canManageInviteLinks(chat, botId) ? undefined : NOT_ENOUGH_RIGHTS
}

/**
 * A link's settable fields as the real server reads them: the name cleaned (TDLib's clean_name); the integers read
 * leniently and clamped, so 0, negative or fractional values below 1 mean "none" and the limit stops at 100000.
 */
const linkOptions = (params: Params): LinkOptions => ({
  name: cleanLinkName(params.get("name") ?? ""),
  expireDate: Math.max(0, toLenientInt(params.get("expire_date"))),
  memberLimit: Math.min(MAX_MEMBER_LIMIT, Math.max(0, toLenientInt(params.get("member_limit")))),
  createsJoinRequest: toBool(params.get("creates_join_request"))
})

const clashRefusal = (options: LinkOptions): ApiError | undefined =>
  options.createsJoinRequest && options.memberLimit > 0 ? LIMIT_WITH_JOIN_REQUEST : undefined

const expiryRefusal = (world: World, options: LinkOptions): ApiError | undefined =>
  options.expireDate !== 0 && options.expireDate <= Math.floor(world.clock.now() / 1000)
    ? EXPIRE_DATE_INVALID
    : undefined

const linkParamRefusal = (params: Params): ApiError | undefined =>
  (params.get("invite_link") ?? "") === "" ? INVITE_LINK_EMPTY : undefined

/** The bot's own live link of this chat named by `invite_link`, for edit and revoke. */
const ownLink = (call: Call, chat: ChatRecord): LinkRecord | ApiError => {
  const link = findLink(call.world, call.params.get("invite_link")!)
  if (link === undefined || link.chatId !== chat.id || link.isRevoked) return INVITE_HASH_EXPIRED
  if (link.creatorId !== call.botId) return CHAT_ADMIN_REQUIRED
  return link
}

/** exportChatInviteLink, createChatInviteLink, editChatInviteLink, revokeChatInviteLink. */
export const inviteLinkMethods: MethodFamily = {
  exportChatInviteLink: (call) => {
    const chat = writableChat(call.world, call.params.get("chat_id"), call.botId)
    if (isApiError(chat)) return chat
    const refusal = rightsRefusal(chat, call.botId) ?? floodRefusal(call, chat)
    return refusal ?? JSON.stringify(replacePrimaryLink(call.world, chat, call.botId).url)
  },

  // Order (§4b): chat access, then the join-request/limit clash, then the rights.
  createChatInviteLink: (call) => {
    const chat = writableChat(call.world, call.params.get("chat_id"), call.botId)
    if (isApiError(chat)) return chat
    const options = linkOptions(call.params)
    const refusal = clashRefusal(options) ?? rightsRefusal(chat, call.botId) ?? floodRefusal(call, chat) ??
      expiryRefusal(call.world, options)
    return refusal ?? linkJson(call.world, createLink(call.world, chat, call.botId, options))
  },

  // Order (§4b): chat access, then the rights, then the clash, then the link.
  editChatInviteLink: (call) => {
    const chat = writableChat(call.world, call.params.get("chat_id"), call.botId)
    if (isApiError(chat)) return chat
    const options = linkOptions(call.params)
    const refusal = rightsRefusal(chat, call.botId) ?? clashRefusal(options) ?? linkParamRefusal(call.params) ??
      floodRefusal(call, chat)
    if (refusal) return refusal
    const link = ownLink(call, chat)
    if (isApiError(link)) return link
    if (link.isPrimary) return CHAT_INVITE_PERMANENT
    return expiryRefusal(call.world, options) ?? linkJson(call.world, editLink(link, options))
  },

  revokeChatInviteLink: (call) => {
    const chat = writableChat(call.world, call.params.get("chat_id"), call.botId)
    if (isApiError(chat)) return chat
    const refusal = rightsRefusal(chat, call.botId) ?? linkParamRefusal(call.params) ?? floodRefusal(call, chat)
    if (refusal) return refusal
    const link = ownLink(call, chat)
    if (isApiError(link)) return link
    return linkJson(call.world, revokeLink(call.world, chat, link))
  }
}
