/**
 * The mock's world as data: what a world file holds, what `GET /__mock/world` returns and
 * `PUT /__mock/world` accepts. Field names follow the Bot API's snake_case.
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

const SafeInt = Schema.Int.pipe(Schema.filter((n) => Number.isSafeInteger(n), { message: () => "a safe integer" }))
const UserId = SafeInt.pipe(Schema.between(1, 2 ** 40 - 1, { message: () => "a user id from 1 to 2^40-1" }))
const Username = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z](?!.*__)[A-Za-z0-9_]{0,30}[A-Za-z0-9]$|^[A-Za-z]$/, {
    message: () => "a username: 1-32 characters, a letter first, letters, digits and _ only, no trailing _, no __"
  })
)

export const User = Schema.Struct({
  id: UserId,
  is_bot: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  first_name: Schema.NonEmptyString,
  last_name: Schema.optional(Schema.String),
  username: Schema.optional(Username)
})
export type User = typeof User.Type

export const Bot = Schema.Struct({
  /** The full token, `<bot id>:<secret>`; the bot id must be a user with `is_bot: true`. */
  token: Schema.String.pipe(
    Schema.pattern(/^[1-9][0-9]{0,15}:[A-Za-z0-9_-]{24,64}$/, {
      message: () => "a token `<bot id>:<secret>` with a secret of 24-64 base64url characters"
    })
  ),
  user_id: UserId
})
export type Bot = typeof Bot.Type

/** Administrator rights, as in the Bot API's ChatAdministratorRights; absent means false. */
const adminRights = {
  is_anonymous: Schema.optional(Schema.Boolean),
  can_manage_chat: Schema.optional(Schema.Boolean),
  can_delete_messages: Schema.optional(Schema.Boolean),
  can_manage_video_chats: Schema.optional(Schema.Boolean),
  can_restrict_members: Schema.optional(Schema.Boolean),
  can_promote_members: Schema.optional(Schema.Boolean),
  can_change_info: Schema.optional(Schema.Boolean),
  can_invite_users: Schema.optional(Schema.Boolean),
  can_post_messages: Schema.optional(Schema.Boolean),
  can_edit_messages: Schema.optional(Schema.Boolean),
  can_pin_messages: Schema.optional(Schema.Boolean)
}

export const MemberStatus = Schema.Literal("creator", "administrator", "member", "left", "kicked")
export type MemberStatus = typeof MemberStatus.Type

export const Member = Schema.Struct({
  user_id: UserId,
  status: MemberStatus,
  ...adminRights
})
export type Member = typeof Member.Type

export const ChatType = Schema.Literal("private", "group", "supergroup", "channel")
export type ChatType = typeof ChatType.Type

export const Chat = Schema.Struct({
  id: SafeInt,
  type: ChatType,
  title: Schema.optional(Schema.String),
  username: Schema.optional(Username),
  members: Schema.optionalWith(Schema.Array(Member), { default: () => [] }),
  /** Set on a basic group upgraded to a supergroup: the supergroup's id. */
  migrated_to_chat_id: Schema.optional(SafeInt),
  /** A basic group deleted without an upgrade. */
  deleted: Schema.optionalWith(Schema.Boolean, { default: () => false })
})
export type Chat = typeof Chat.Type

export const InviteLink = Schema.Struct({
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
  member_limit: Schema.optional(SafeInt.pipe(Schema.between(1, 99999))),
  creates_join_request: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  /** Unix time in seconds. */
  created_at: SafeInt
})
export type InviteLink = typeof InviteLink.Type

/** At most `max_calls` calls per `per_seconds` for each (bot, method, chat) that matches. */
export const FloodLimit = Schema.Struct({
  /** Case-insensitive; absent: every method, each counted on its own. */
  method: Schema.optional(Schema.String),
  /** Absent: every chat, each counted on its own. */
  chat_id: Schema.optional(SafeInt),
  max_calls: SafeInt.pipe(Schema.between(1, 1_000_000)),
  per_seconds: Schema.Number.pipe(Schema.finite(), Schema.greaterThan(0), Schema.lessThanOrEqualTo(86_400))
})
export type FloodLimit = typeof FloodLimit.Type

export const FaultReply = Schema.Union(
  Schema.Struct({
    error_code: SafeInt.pipe(Schema.between(400, 599)),
    description: Schema.optional(Schema.String),
    retry_after: Schema.optional(SafeInt.pipe(Schema.between(0, 10_000_000))),
    migrate_to_chat_id: Schema.optional(SafeInt)
  }),
  Schema.Struct({ html: SafeInt.pipe(Schema.between(400, 599)) }),
  Schema.Struct({ drop: Schema.Literal(true) }),
  Schema.Struct({ delay_ms: SafeInt.pipe(Schema.between(0, 600_000)) })
)
export type FaultReply = typeof FaultReply.Type

export const Fault = Schema.Struct({
  /** Case-insensitive method name. */
  method: Schema.NonEmptyString,
  /** Only calls for this chat (an id, or an @username); absent: every chat. */
  chat_id: Schema.optional(Schema.Union(SafeInt, Schema.String)),
  /** How many matching calls get this reply. */
  times: Schema.optionalWith(SafeInt.pipe(Schema.between(1, 1_000_000)), { default: () => 1 }),
  reply: FaultReply
})
export type Fault = typeof Fault.Type

export const WorldSnapshot = Schema.Struct({
  bots: Schema.Array(Bot),
  users: Schema.Array(User),
  chats: Schema.Array(Chat),
  invite_links: Schema.optionalWith(Schema.Array(InviteLink), { default: () => [] }),
  flood_limits: Schema.optionalWith(Schema.Array(FloodLimit), { default: () => [] }),
  faults: Schema.optionalWith(Schema.Array(Fault), { default: () => [] })
})
export type WorldSnapshot = typeof WorldSnapshot.Type
/** A world as written in a file: defaults may be left out. */
export type WorldSnapshotInput = typeof WorldSnapshot.Encoded

const formatIssues = (error: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(error)
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ")

const decodeUnknown = Schema.decodeUnknownEither(WorldSnapshot, { errors: "all", onExcessProperty: "error" })

/**
 * Validates a world: its shape (Schema) and its references (every member, bot and link creator is
 * a known user, chat ids fit their kind, ids are unique). The error names the field.
 */
export const decodeWorld = (input: unknown): Either.Either<WorldSnapshot, string> =>
  Either.flatMap(
    Either.mapLeft(decodeUnknown(input), formatIssues),
    (world) => {
      const problem = checkReferences(world)
      return problem === undefined ? Either.right(world) : Either.left(problem)
    }
  )

/** A decoded world's flaws that Schema alone cannot see; undefined when there are none. */
const checkReferences = (world: WorldSnapshot): string | undefined => {
  const users = new Map<number, User>()
  for (const [i, user] of world.users.entries()) {
    if (users.has(user.id)) return `users.${i}.id: duplicate user id ${user.id}`
    users.set(user.id, user)
  }
  const tokens = new Set<string>()
  for (const [i, bot] of world.bots.entries()) {
    const user = users.get(bot.user_id)
    if (user === undefined) return `bots.${i}.user_id: unknown user ${bot.user_id}`
    if (!user.is_bot) return `bots.${i}.user_id: user ${bot.user_id} is not a bot (is_bot: true)`
    if (bot.token.split(":")[0] !== String(bot.user_id)) {
      return `bots.${i}.token: the token's bot id must be user_id ${bot.user_id}`
    }
    if (tokens.has(bot.token)) return `bots.${i}.token: duplicate token`
    tokens.add(bot.token)
  }
  const chats = new Map<number, Chat>()
  const usernames = new Set<string>()
  for (const [i, chat] of world.chats.entries()) {
    if (chats.has(chat.id)) return `chats.${i}.id: duplicate chat id ${chat.id}`
    chats.set(chat.id, chat)
    const rangeProblem = chatIdProblem(chat)
    if (rangeProblem !== undefined) return `chats.${i}.id: ${rangeProblem}`
    if (chat.type === "private") {
      if (!users.has(chat.id)) return `chats.${i}.id: a private chat's id must be a known user`
    } else if (chat.title === undefined || chat.title.length === 0) {
      return `chats.${i}.title: a ${chat.type} needs a title`
    }
    if (chat.username !== undefined) {
      if (chat.type === "group") return `chats.${i}.username: basic groups have no username`
      const key = normalizeUsername(chat.username)
      if (usernames.has(key)) return `chats.${i}.username: duplicate username ${chat.username}`
      usernames.add(key)
    }
    if (chat.migrated_to_chat_id !== undefined && chat.type !== "group") {
      return `chats.${i}.migrated_to_chat_id: only a basic group is upgraded`
    }
    const seen = new Set<number>()
    for (const [j, member] of chat.members.entries()) {
      if (!users.has(member.user_id)) return `chats.${i}.members.${j}.user_id: unknown user ${member.user_id}`
      if (seen.has(member.user_id)) return `chats.${i}.members.${j}.user_id: duplicate member ${member.user_id}`
      seen.add(member.user_id)
      if (chat.type === "private") return `chats.${i}.members: a private chat has no member list`
    }
  }
  for (const [i, chat] of world.chats.entries()) {
    if (chat.migrated_to_chat_id !== undefined) {
      const target = chats.get(chat.migrated_to_chat_id)
      if (target === undefined || target.type !== "supergroup") {
        return `chats.${i}.migrated_to_chat_id: ${chat.migrated_to_chat_id} is not a supergroup of this world`
      }
    }
  }
  const links = new Set<string>()
  const primaries = new Set<string>()
  for (const [i, link] of world.invite_links.entries()) {
    if (links.has(link.invite_link)) return `invite_links.${i}.invite_link: duplicate link`
    links.add(link.invite_link)
    const chat = chats.get(link.chat_id)
    if (chat === undefined || chat.type === "private") {
      return `invite_links.${i}.chat_id: ${link.chat_id} is not a group, supergroup or channel of this world`
    }
    if (!users.has(link.creator_id)) return `invite_links.${i}.creator_id: unknown user ${link.creator_id}`
    if (link.is_primary && !link.is_revoked) {
      const key = `${link.chat_id}:${link.creator_id}`
      if (primaries.has(key)) return `invite_links.${i}.is_primary: a second active primary link of one administrator`
      primaries.add(key)
    }
    if (link.creates_join_request && link.member_limit !== undefined) {
      return `invite_links.${i}.member_limit: a link that creates join requests has no member limit`
    }
  }
  return undefined
}

const chatIdProblem = (chat: Chat): string | undefined => {
  switch (chat.type) {
    case "private":
      return chat.id >= 1 && chat.id < 2 ** 40 ? undefined : "a private chat's id is its user's id (1 to 2^40-1)"
    case "group":
      return chat.id <= -1 && chat.id >= -999_999_999_999 ? undefined : "a basic group's id is -1 to -999999999999"
    case "supergroup":
    case "channel":
      return chat.id < -1_000_000_000_000 && chat.id > -1_000_000_000_000 - 2 ** 40
        ? undefined
        : `a ${chat.type}'s id is -100 followed by its number (-1000000000001 and below)`
  }
}

/** How Telegram matches a username: lower-cased, dots removed. */
export const normalizeUsername = (username: string): string => username.toLowerCase().replaceAll(".", "")
