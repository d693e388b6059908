/**
 * The decoders of the people routes' bodies (and of the same MockTelegram methods): a new person, a message, a press,
 * a join, a leave, a block, a standing. Each names every wrong field on a line of its own, like the world file.
 */
import type { FloodLimit } from "../FaultTypes.js"
import {
  array,
  boolean,
  type Decoded,
  decoder,
  intBetween,
  literal,
  nonEmptyString,
  optional,
  pattern,
  refine,
  safeInt,
  string,
  stringBetween,
  struct,
  type StructOf,
  union
} from "./decoder.js"
import { decodeFloodLimits, memberRightsFields, memberStatus, userId, username } from "./world.js"

/** A positive safe integer (message ids). */
export const positiveInt = intBetween(1, Number.MAX_SAFE_INTEGER, "a positive integer")
const atMost = (max: number) => refine(string, `a string of at most ${max} characters`, (s) => s.length <= max)

/** `POST /__mock/users`. */
const newUserFields = {
  id: userId,
  first_name: refine(nonEmptyString, "a string of at most 64 characters", (s) => s.length <= 64),
  last_name: optional(atMost(64)),
  username: optional(username)
}
const newUserDecoder = struct(newUserFields)

/** `POST /__mock/users/:user_id/send`. */
const sendFields = {
  text: stringBetween(1, 4096),
  chat_id: optional(safeInt),
  bot_id: optional(userId),
  reply_to_message_id: optional(positiveInt),
  message_thread_id: optional(positiveInt)
}
const sendDecoder = struct(sendFields)

/** `POST /__mock/users/:user_id/press`. */
const pressDecoder = struct({
  chat_id: optional(safeInt),
  message_id: positiveInt,
  data: atMost(64),
  bot_id: optional(userId)
})

/** `POST /__mock/users/:user_id/join`. */
const joinDecoder = struct({ invite_link: stringBetween(1, 256), pay_stars: optional(boolean) })

/** `POST /__mock/users/:user_id/leave`. */
const leaveDecoder = struct({ chat_id: safeInt })

/** `POST /__mock/users/:user_id/block`. */
const blockDecoder = struct({ bot_id: optional(userId) })

/** `PUT /__mock/chats/:chat_id/members/:user_id`: a member's standing without its user, and who acts. */
const standingDecoder = struct({ status: memberStatus, ...memberRightsFields, by: optional(userId) })

/** What the people routes take, decoded. */
export type NewUser = StructOf<typeof newUserFields>
export type SendInput = StructOf<typeof sendFields>
export type PressInput = StructOf<typeof pressDecoder.fields>
export type JoinInput = StructOf<typeof joinDecoder.fields>
export type LeaveInput = StructOf<typeof leaveDecoder.fields>
export type BlockInput = StructOf<typeof blockDecoder.fields>
export type StandingInput = StructOf<typeof standingDecoder.fields>

export const decodeNewUser: (input: unknown) => Decoded<NewUser> = decoder(newUserDecoder, "user")
export const decodeSend: (input: unknown) => Decoded<SendInput> = decoder(sendDecoder, "message")
export const decodePress: (input: unknown) => Decoded<PressInput> = decoder(pressDecoder, "press")
export const decodeJoin: (input: unknown) => Decoded<JoinInput> = decoder(joinDecoder, "join")
export const decodeLeave: (input: unknown) => Decoded<LeaveInput> = decoder(leaveDecoder, "leave")
export const decodeBlock: (input: unknown) => Decoded<BlockInput> = decoder(blockDecoder, "block")
export const decodeStanding: (input: unknown) => Decoded<StandingInput> = decoder(standingDecoder, "member")

/** `POST /__mock/upgrade`: the basic group to upgrade. */
const upgradeDecoder = struct({ chat_id: safeInt })
export type UpgradeInput = StructOf<typeof upgradeDecoder.fields>
export const decodeUpgrade: (input: unknown) => Decoded<UpgradeInput> = decoder(upgradeDecoder, "upgrade")

/** `PUT /__mock/world`: any JSON here; the world's own decoder (with its references) reads it whole. */
export const decodeWorldBody = (input: unknown): Decoded<unknown> => ({ ok: true, value: input })

/** `PUT /__mock/limits`: an array of limits, or `{"flood_limits": […]}` as in a world file. */
export const decodeLimitsBody = (input: unknown): Decoded<ReadonlyArray<FloodLimit>> =>
  decodeFloodLimits(
    typeof input === "object" && input !== null && !Array.isArray(input) && "flood_limits" in input
      ? (input as { readonly flood_limits: unknown }).flood_limits
      : input
  )

/** `POST /__mock/chats/:chat_id/invite_links`: a link an administrator (a person) makes in their app. */
const adminLinkDecoder = struct({
  by: optional(userId),
  name: optional(refine(string, "a string of at most 32 characters", (s) => s.length <= 32)),
  expire_date: optional(positiveInt),
  member_limit: optional(intBetween(1, 100_000)),
  creates_join_request: optional(boolean),
  subscription_period: optional(intBetween(2_592_000, 2_592_000, "2592000 (30 days: the only period Telegram offers)")),
  subscription_price: optional(intBetween(1, 10_000))
})
export type AdminLinkInput = StructOf<typeof adminLinkDecoder.fields>
export const decodeAdminLink: (input: unknown) => Decoded<AdminLinkInput> = decoder(adminLinkDecoder, "invite link")
/** Where a person's message is: a chat (their private chat with `bot_id` when left out) and the message's id. */
const messagePlace = { chat_id: optional(safeInt), bot_id: optional(userId), message_id: positiveInt }

/** `POST /__mock/users/:user_id/edit`: a person edits their text message. */
const editDecoder = struct({ ...messagePlace, text: stringBetween(1, 4096) })

/** `POST /__mock/users/:user_id/forward`: a person forwards a message they can read to a bot or a chat. */
const forwardDecoder = struct({
  from_chat_id: safeInt,
  from_bot_id: optional(userId),
  message_id: positiveInt,
  chat_id: optional(safeInt),
  bot_id: optional(userId)
})

/** `POST /__mock/users/:user_id/vote`: a person's choice in a poll (`[]` retracts it). */
const voteDecoder = struct({ ...messagePlace, option_ids: array(intBetween(0, 11)) })

/** A reaction a person sets: an emoji or a custom emoji (its id as decimal text). */
const reactionDecoder = union([
  struct({ type: literal("emoji"), emoji: stringBetween(1, 16) }),
  struct({
    type: literal("custom_emoji"),
    custom_emoji_id: pattern(/^[1-9][0-9]{0,18}$/, "a custom emoji id (digits)")
  })
], { expected: `{"type":"emoji","emoji":…} or {"type":"custom_emoji","custom_emoji_id":…}` })

/** `POST /__mock/users/:user_id/react`: a person's reactions on a message (`[]` removes them). */
const reactDecoder = struct({ ...messagePlace, reaction: array(reactionDecoder) })

export type EditInput = StructOf<typeof editDecoder.fields>
export type ForwardInput = StructOf<typeof forwardDecoder.fields>
export type VoteInput = StructOf<typeof voteDecoder.fields>
export type ReactInput = StructOf<typeof reactDecoder.fields>

export const decodeEdit: (input: unknown) => Decoded<EditInput> = decoder(editDecoder, "edit")
export const decodeForward: (input: unknown) => Decoded<ForwardInput> = decoder(forwardDecoder, "forward")
export const decodeVote: (input: unknown) => Decoded<VoteInput> = decoder(voteDecoder, "vote")
export const decodeReact: (input: unknown) => Decoded<ReactInput> = decoder(reactDecoder, "reaction")
