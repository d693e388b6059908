/**
 * The invite-link methods: exportChatInviteLink (telegram-wire.md §4) and create/edit/revokeChatInviteLink (§4b),
 * each making the real server's checks in its order before the world changes.
 */
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
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { type Call, commit, method, methods } from "../table/method.js"
import { bool, chat, custom, int, raw, text } from "../table/params.js"

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
const linkFields = {
  name: custom("String", (input) => cleanLinkName(raw(input) ?? ""), { note: "cleaned and cut to 32 characters" }),
  expire_date: int({ min: 0, max: 2 ** 31 - 1 }),
  member_limit: int({ min: 0, max: MAX_MEMBER_LIMIT }),
  creates_join_request: bool
}

const optionsOf = (p: { name: string; expire_date: number; member_limit: number; creates_join_request: boolean }) => ({
  name: p.name,
  expireDate: p.expire_date,
  memberLimit: p.member_limit,
  createsJoinRequest: p.creates_join_request
})

const clashRefusal = (options: LinkOptions): ApiError | undefined =>
  options.createsJoinRequest && options.memberLimit > 0 ? LIMIT_WITH_JOIN_REQUEST : undefined

const expiryRefusal = (world: World, options: LinkOptions): ApiError | undefined =>
  options.expireDate !== 0 && options.expireDate <= Math.floor(world.clock.now() / 1000)
    ? EXPIRE_DATE_INVALID
    : undefined

const linkParamRefusal = (url: string): ApiError | undefined => (url === "" ? INVITE_LINK_EMPTY : undefined)

/** The bot's own live link of this chat named by `invite_link`, for edit and revoke. */
const ownLink = (call: Call, chat: ChatRecord, url: string): LinkRecord | ApiError => {
  const link = findLink(call.world, url)
  if (link === undefined || link.chatId !== chat.id || link.isRevoked) return INVITE_HASH_EXPIRED
  if (link.creatorId !== call.botId) return CHAT_ADMIN_REQUIRED
  return link
}

/** exportChatInviteLink, createChatInviteLink, editChatInviteLink, revokeChatInviteLink. */
export const inviteLinkMethods = methods({
  exportChatInviteLink: method({
    family: "administration",
    summary: "a new primary link for the bot; its previous primary link is revoked",
    params: { chat_id: chat("write") },
    // A new link's URL is `https://t.me/+` and base64url: nothing to escape, so it is quoted without JSON.stringify.
    run: ({ chat_id: chat }, call) =>
      rightsRefusal(chat, call.botId) ??
        commit(chat, () => `"${replacePrimaryLink(call.world, chat, call.botId).url}"`)
  }),

  // Order (§4b): chat access, then the join-request/limit clash, then the rights.
  createChatInviteLink: method({
    family: "administration",
    summary: "an additional link with a name, an expiry, a member limit or join requests",
    params: { chat_id: chat("write"), ...linkFields },
    run: (p, call) => {
      const options = optionsOf(p)
      return clashRefusal(options) ?? rightsRefusal(p.chat_id, call.botId) ??
        commit(p.chat_id, () =>
          expiryRefusal(call.world, options) ??
            linkJson(call.world, createLink(call.world, p.chat_id, call.botId, options)))
    }
  }),

  // Order (§4b): chat access, then the rights, then the clash, then the link.
  editChatInviteLink: method({
    family: "administration",
    summary: "sets every field of one of the bot's links (what it leaves out is reset)",
    params: { chat_id: chat("write"), invite_link: text, ...linkFields },
    run: (p, call) => {
      const options = optionsOf(p)
      const refusal = rightsRefusal(p.chat_id, call.botId) ?? clashRefusal(options) ?? linkParamRefusal(p.invite_link)
      if (refusal !== undefined) return refusal
      return commit(p.chat_id, () => {
        const link = ownLink(call, p.chat_id, p.invite_link)
        if (isApiError(link)) return link
        if (link.isPrimary) return CHAT_INVITE_PERMANENT
        return expiryRefusal(call.world, options) ?? linkJson(call.world, editLink(link, options))
      })
    }
  }),

  revokeChatInviteLink: method({
    family: "administration",
    summary: "revokes one of the bot's links; a revoked primary link is replaced",
    params: { chat_id: chat("write"), invite_link: text },
    run: (p, call) =>
      rightsRefusal(p.chat_id, call.botId) ?? linkParamRefusal(p.invite_link) ??
        commit(p.chat_id, () => {
          const link = ownLink(call, p.chat_id, p.invite_link)
          return isApiError(link) ? link : linkJson(call.world, revokeLink(call.world, p.chat_id, link))
        })
  })
})
