/**
 * The Schemas of the world file, faults and flood limits. They stay in here: the public types are the plain
 * interfaces of WorldSnapshot.ts, and the checks below prove at compile time that each Schema decodes to (and is
 * written as) exactly its interface.
 */
import * as Schema from "effect/Schema"
import type {
  Bot,
  Chat,
  ChatInput,
  Fault,
  FaultDelayReply,
  FaultDropReply,
  FaultErrorReply,
  FaultHtmlReply,
  FaultInput,
  FaultReply,
  FloodLimit,
  InviteLink,
  InviteLinkInput,
  JoinRequest,
  Member,
  User,
  UserInput,
  WorldSnapshot,
  WorldSnapshotInput
} from "../WorldSnapshot.js"
import { type Decoded, decoder } from "./validation.js"

/** A safe integer. */
export const SafeInt = Schema.Int.pipe(
  Schema.filter((n) => Number.isSafeInteger(n), { message: () => "a safe integer" })
)
/** A user id, 1 to 2^40-1. */
export const UserId = SafeInt.pipe(Schema.between(1, 2 ** 40 - 1, { message: () => "a user id from 1 to 2^40-1" }))
/** A username: 1-32 characters, a letter first. */
export const Username = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z](?!.*__)[A-Za-z0-9_]{0,30}[A-Za-z0-9]$|^[A-Za-z]$/, {
    message: () => "a username: 1-32 characters, a letter first, letters, digits and _ only, no trailing _, no __"
  })
)
const optionalBoolean = Schema.optional(Schema.Boolean)

/** A user as the world file and `POST /__mock/users` take it. */
export const UserSchema = Schema.Struct({
  id: UserId,
  is_bot: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  first_name: Schema.NonEmptyString,
  last_name: Schema.optional(Schema.String),
  username: Schema.optional(Username)
})

const BotSchema = Schema.Struct({
  token: Schema.String.pipe(
    Schema.pattern(/^[1-9][0-9]{0,15}:[A-Za-z0-9_-]{24,64}$/, {
      message: () => "a token `<bot id>:<secret>` with a secret of 24-64 base64url characters"
    })
  ),
  user_id: UserId
})

/** A member as the world file and `PUT /__mock/chats/:chat_id/members/:user_id` take it. */
export const MemberSchema = Schema.Struct({
  user_id: UserId,
  status: Schema.Literal("creator", "administrator", "member", "restricted", "left", "kicked"),
  is_anonymous: optionalBoolean,
  can_manage_chat: optionalBoolean,
  can_delete_messages: optionalBoolean,
  can_manage_video_chats: optionalBoolean,
  can_restrict_members: optionalBoolean,
  can_promote_members: optionalBoolean,
  can_change_info: optionalBoolean,
  can_invite_users: optionalBoolean,
  can_post_messages: optionalBoolean,
  can_edit_messages: optionalBoolean,
  can_pin_messages: optionalBoolean,
  can_send_messages: optionalBoolean,
  is_member: optionalBoolean,
  until_date: Schema.optional(SafeInt.pipe(Schema.nonNegative()))
})

const ChatSchema = Schema.Struct({
  id: SafeInt,
  type: Schema.Literal("private", "group", "supergroup", "channel"),
  title: Schema.optional(Schema.String),
  username: Schema.optional(Username),
  members: Schema.optionalWith(Schema.Array(MemberSchema), { default: () => [] }),
  migrated_to_chat_id: Schema.optional(SafeInt),
  deleted: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  bot_ids: Schema.optional(Schema.Array(UserId)),
  blocked_bot_ids: Schema.optional(Schema.Array(UserId))
})

const InviteLinkSchema = Schema.Struct({
  invite_link: Schema.String.pipe(
    Schema.pattern(/^https:\/\/t\.me\/(\+|joinchat\/)[A-Za-z0-9_-]{8,64}$/, {
      message: () => "a link of the form https://t.me/+<hash>"
    })
  ),
  chat_id: SafeInt,
  creator_id: UserId,
  is_primary: Schema.Boolean,
  is_revoked: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  name: Schema.optional(Schema.String.pipe(Schema.maxLength(32))),
  expire_date: Schema.optional(SafeInt),
  // The real server clamps a requested limit to 100000 (telegram-wire.md §4b), so a snapshot can hold it.
  member_limit: Schema.optional(SafeInt.pipe(Schema.between(1, 100_000))),
  creates_join_request: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  created_at: SafeInt,
  subscription_period: Schema.optional(SafeInt.pipe(Schema.between(1, 1_000_000_000))),
  subscription_price: Schema.optional(SafeInt.pipe(Schema.between(1, 1_000_000))),
  joined_count: Schema.optional(SafeInt.pipe(Schema.between(0, 1_000_000_000)))
})

const JoinRequestSchema = Schema.Struct({
  chat_id: SafeInt,
  user_id: UserId,
  date: SafeInt,
  invite_link: Schema.optional(Schema.String),
  bio: Schema.optional(Schema.String.pipe(Schema.maxLength(70)))
})

const FloodLimitSchema = Schema.Struct({
  method: Schema.optional(Schema.String),
  chat_id: Schema.optional(SafeInt),
  max_calls: SafeInt.pipe(Schema.between(1, 1_000_000)),
  per_seconds: Schema.Number.pipe(Schema.finite(), Schema.greaterThan(0), Schema.lessThanOrEqualTo(86_400)),
  absorb_seconds: Schema.optional(Schema.Number.pipe(Schema.finite(), Schema.between(0, 3600)))
})

const HttpStatus = SafeInt.pipe(Schema.between(400, 599))
const ErrorReplySchema = Schema.Struct({
  error_code: HttpStatus,
  description: Schema.optional(Schema.String),
  retry_after: Schema.optional(SafeInt.pipe(Schema.between(0, 10_000_000))),
  migrate_to_chat_id: Schema.optional(SafeInt)
})
const HtmlReplySchema = Schema.Struct({ html: HttpStatus })
const DropReplySchema = Schema.Struct({ drop: Schema.Literal(true) })
const DelayReplySchema = Schema.Struct({ delay_ms: SafeInt.pipe(Schema.between(0, 600_000)) })
const FaultReplySchema = Schema.Union(ErrorReplySchema, HtmlReplySchema, DropReplySchema, DelayReplySchema)
  .annotations({
    message: () =>
      "expected one of {error_code, description?, retry_after?, migrate_to_chat_id?}, {html}, {drop: true}, {delay_ms}"
  })

const FaultSchema = Schema.Struct({
  method: Schema.NonEmptyString,
  chat_id: Schema.optional(Schema.Union(SafeInt, Schema.String)),
  times: Schema.optionalWith(SafeInt.pipe(Schema.between(1, 1_000_000)), { default: () => 1 }),
  reply: FaultReplySchema
})

const WorldSchema = Schema.Struct({
  bots: Schema.Array(BotSchema),
  users: Schema.Array(UserSchema),
  chats: Schema.Array(ChatSchema),
  invite_links: Schema.optionalWith(Schema.Array(InviteLinkSchema), { default: () => [] }),
  flood_limits: Schema.optionalWith(Schema.Array(FloodLimitSchema), { default: () => [] }),
  faults: Schema.optionalWith(Schema.Array(FaultSchema), { default: () => [] }),
  join_requests: Schema.optionalWith(Schema.Array(JoinRequestSchema), { default: () => [] })
})

// ---- compile-time proof that the Schemas and the public interfaces are the same types -------------------------

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false
/** Type-checks only when the Schema's decoded and written types are exactly `A` and `I`. */
const sameTypes = <A, I, S extends { readonly Type: unknown; readonly Encoded: unknown }>(
  _schema: S,
  _proof: [Same<S["Type"], A>, Same<S["Encoded"], I>]
): void => {}
sameTypes<User, UserInput, typeof UserSchema>(UserSchema, [true, true])
sameTypes<Bot, Bot, typeof BotSchema>(BotSchema, [true, true])
sameTypes<Member, Member, typeof MemberSchema>(MemberSchema, [true, true])
sameTypes<Chat, ChatInput, typeof ChatSchema>(ChatSchema, [true, true])
sameTypes<InviteLink, InviteLinkInput, typeof InviteLinkSchema>(InviteLinkSchema, [true, true])
sameTypes<JoinRequest, JoinRequest, typeof JoinRequestSchema>(JoinRequestSchema, [true, true])
sameTypes<FloodLimit, FloodLimit, typeof FloodLimitSchema>(FloodLimitSchema, [true, true])
sameTypes<FaultErrorReply, FaultErrorReply, typeof ErrorReplySchema>(ErrorReplySchema, [true, true])
sameTypes<FaultHtmlReply, FaultHtmlReply, typeof HtmlReplySchema>(HtmlReplySchema, [true, true])
sameTypes<FaultDropReply, FaultDropReply, typeof DropReplySchema>(DropReplySchema, [true, true])
sameTypes<FaultDelayReply, FaultDelayReply, typeof DelayReplySchema>(DelayReplySchema, [true, true])
sameTypes<FaultReply, FaultReply, typeof FaultReplySchema>(FaultReplySchema, [true, true])
sameTypes<Fault, FaultInput, typeof FaultSchema>(FaultSchema, [true, true])
sameTypes<WorldSnapshot, WorldSnapshotInput, typeof WorldSchema>(WorldSchema, [true, true])

/** A world's shape (Schema only; `checkReferences` does the rest). */
export const decodeWorldShape: (input: unknown) => Decoded<WorldSnapshot> = decoder(WorldSchema, "world")
/** A fault as `injectFault` and `POST /__mock/faults` take it. */
export const decodeFault: (input: unknown) => Decoded<Fault> = decoder(FaultSchema, "fault")
/** Flood limits as `setFloodLimits` and `PUT /__mock/limits` take them. */
export const decodeFloodLimits: (input: unknown) => Decoded<ReadonlyArray<FloodLimit>> = decoder(
  Schema.Array(FloodLimitSchema),
  "flood limits"
)
