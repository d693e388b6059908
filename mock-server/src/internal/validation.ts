/**
 * The Schemas of the world file, faults and flood limits, and their errors as one line per problem. The Schemas stay
 * in here: the public types are the plain interfaces of WorldSnapshot.ts, and the checks below prove at compile time
 * that each Schema decodes to (and is written as) exactly its interface.
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
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
  Member,
  User,
  UserInput,
  WorldSnapshot,
  WorldSnapshotInput
} from "../WorldSnapshot.js"

const SafeInt = Schema.Int.pipe(Schema.filter((n) => Number.isSafeInteger(n), { message: () => "a safe integer" }))
const UserId = SafeInt.pipe(Schema.between(1, 2 ** 40 - 1, { message: () => "a user id from 1 to 2^40-1" }))
const Username = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z](?!.*__)[A-Za-z0-9_]{0,30}[A-Za-z0-9]$|^[A-Za-z]$/, {
    message: () => "a username: 1-32 characters, a letter first, letters, digits and _ only, no trailing _, no __"
  })
)
const optionalBoolean = Schema.optional(Schema.Boolean)

const UserSchema = Schema.Struct({
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

const MemberSchema = Schema.Struct({
  user_id: UserId,
  status: Schema.Literal("creator", "administrator", "member", "left", "kicked"),
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
  can_pin_messages: optionalBoolean
})

const ChatSchema = Schema.Struct({
  id: SafeInt,
  type: Schema.Literal("private", "group", "supergroup", "channel"),
  title: Schema.optional(Schema.String),
  username: Schema.optional(Username),
  members: Schema.optionalWith(Schema.Array(MemberSchema), { default: () => [] }),
  migrated_to_chat_id: Schema.optional(SafeInt),
  deleted: Schema.optionalWith(Schema.Boolean, { default: () => false })
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
  created_at: SafeInt
})

const FloodLimitSchema = Schema.Struct({
  method: Schema.optional(Schema.String),
  chat_id: Schema.optional(SafeInt),
  max_calls: SafeInt.pipe(Schema.between(1, 1_000_000)),
  per_seconds: Schema.Number.pipe(Schema.finite(), Schema.greaterThan(0), Schema.lessThanOrEqualTo(86_400))
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
  faults: Schema.optionalWith(Schema.Array(FaultSchema), { default: () => [] })
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
sameTypes<FloodLimit, FloodLimit, typeof FloodLimitSchema>(FloodLimitSchema, [true, true])
sameTypes<FaultErrorReply, FaultErrorReply, typeof ErrorReplySchema>(ErrorReplySchema, [true, true])
sameTypes<FaultHtmlReply, FaultHtmlReply, typeof HtmlReplySchema>(HtmlReplySchema, [true, true])
sameTypes<FaultDropReply, FaultDropReply, typeof DropReplySchema>(DropReplySchema, [true, true])
sameTypes<FaultDelayReply, FaultDelayReply, typeof DelayReplySchema>(DelayReplySchema, [true, true])
sameTypes<FaultReply, FaultReply, typeof FaultReplySchema>(FaultReplySchema, [true, true])
sameTypes<Fault, FaultInput, typeof FaultSchema>(FaultSchema, [true, true])
sameTypes<WorldSnapshot, WorldSnapshotInput, typeof WorldSchema>(WorldSchema, [true, true])

// ---- errors, one line per problem -------------------------------------------------------------------------------

/** More problems than this are summed up in a last line; a line longer than `MAX_LINE` is cut. */
const MAX_PROBLEMS = 20
const MAX_LINE = 300

/** A decoded value, or one line per problem (`path: what was expected`). */
export type Decoded<A> = { readonly ok: true; readonly value: A } | {
  readonly ok: false
  readonly problems: Array<string>
}

/** Caps a list of problems: at most MAX_PROBLEMS lines, each at most MAX_LINE characters. */
export const boundProblems = (problems: ReadonlyArray<string>): Array<string> => {
  const lines = problems.slice(0, MAX_PROBLEMS).map((line) =>
    line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line
  )
  if (problems.length > MAX_PROBLEMS) lines.push(`… and ${problems.length - MAX_PROBLEMS} more problems`)
  return lines
}

const issuesOf = (composite: ParseResult.Composite): ReadonlyArray<ParseResult.ParseIssue> =>
  (Array.isArray(composite.issues) ? composite.issues : [composite.issues]) as ReadonlyArray<ParseResult.ParseIssue>

const isUndefinedMember = (issue: ParseResult.ParseIssue): boolean =>
  issue._tag === "Type" && issue.ast._tag === "UndefinedKeyword"

/** How badly a union member's keys fit the input: its missing and unexpected keys. */
const keyMisfit = (issue: ParseResult.ParseIssue): number => {
  if (issue._tag !== "Composite") return 0
  return issuesOf(issue).filter((i) =>
    i._tag === "Pointer" && (i.issue._tag === "Missing" || i.issue._tag === "Unexpected")
  )
    .length
}

/** The member issue a union failure should report, or undefined when no member fits better than the others. */
const closestMember = (members: ReadonlyArray<ParseResult.ParseIssue>): ParseResult.ParseIssue | undefined => {
  const candidates = members.filter((member) => !isUndefinedMember(member))
  if (candidates.length === 1) return candidates[0]
  if (candidates.length === 0) return undefined
  const scores = candidates.map(keyMisfit)
  const best = Math.min(...scores)
  return scores.filter((score) => score === best).length === 1 ? candidates[scores.indexOf(best)] : undefined
}

/** What a Schema node expects, in words: "an object", "an array", or the type's own name. */
const expectedOf = (ast: AST.AST): string =>
  AST.isTypeLiteral(ast)
    ? "an object"
    : AST.isTupleType(ast)
    ? "an array"
    : AST.isRefinement(ast)
    ? expectedOf(ast.from)
    : AST.isUnion(ast)
    ? ast.types.map(expectedOf).join(" or ")
    : String(ast)

/** A value as a short line: its JSON, cut to 60 characters (and never a stack overflow on deep input). */
const shortJson = (value: unknown): string => {
  let text: string
  try {
    text = value === undefined ? "undefined" : JSON.stringify(value) ?? String(value)
  } catch {
    text = Array.isArray(value) ? "an array" : typeof value
  }
  return text.length > 60 ? `${text.slice(0, 59)}…` : text
}

/** A Type issue with its message spelled out here (Effect's default prints the whole actual value, at any depth). */
const typeIssue = (ast: AST.AST, actual: unknown): ParseResult.Type =>
  new ParseResult.Type(ast, actual, `Expected ${expectedOf(ast)}, actual ${shortJson(actual)}`)

/**
 * Simplifies an issue tree before it is formatted: a union reports every member's complaint (an optional field adds
 * "Expected undefined"), so keep only the member the input was plainly meant to be, or one line for the union when
 * that is unclear; and spell out type mismatches briefly.
 */
const simplify = (issue: ParseResult.ParseIssue): ParseResult.ParseIssue => {
  switch (issue._tag) {
    case "Pointer":
      return new ParseResult.Pointer(issue.path, issue.actual, simplify(issue.issue))
    case "Refinement":
      return new ParseResult.Refinement(issue.ast, issue.actual, issue.kind, simplify(issue.issue))
    case "Transformation":
      return new ParseResult.Transformation(issue.ast, issue.actual, issue.kind, simplify(issue.issue))
    case "Type":
      return issue.message === undefined && !AST.isRefinement(issue.ast) ? typeIssue(issue.ast, issue.actual) : issue
    case "Composite": {
      const issues = issuesOf(issue)
      if (!AST.isUnion(issue.ast)) {
        return new ParseResult.Composite(issue.ast, issue.actual, issues.map(simplify) as never, issue.output)
      }
      const member = closestMember(issues)
      if (member !== undefined) return simplify(member)
      const members = issue.ast.types.filter((type) => type._tag !== "UndefinedKeyword")
      return typeIssue(members.length === issue.ast.types.length ? issue.ast : AST.Union.make(members), issue.actual)
    }
    default:
      return issue
  }
}

/** One line per problem; `what` names the whole input in a line about the input itself. */
const problemLines = (error: ParseResult.ParseError, what: string): Array<string> =>
  boundProblems(
    ParseResult.ArrayFormatter.formatIssueSync(simplify(error.issue)).map((issue) =>
      `${issue.path.length > 0 ? issue.path.join(".") : what}: ${issue.message}`
    )
  )

const decoder = <A>(schema: Schema.Schema<A, any>, what: string) => {
  const decode = Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "error" })
  return (input: unknown): Decoded<A> => {
    try {
      const result = decode(input)
      return Either.isRight(result)
        ? { ok: true, value: result.right }
        : { ok: false, problems: problemLines(result.left, what) }
    } catch (error) {
      // Only input nested deeper than the stack allows gets here; anything else is a defect of the mock.
      if (error instanceof RangeError) return { ok: false, problems: [`${what}: nested too deeply to be read`] }
      throw error
    }
  }
}

/** A world's shape (Schema only; `checkReferences` does the rest). */
export const decodeWorldShape: (input: unknown) => Decoded<WorldSnapshot> = decoder(WorldSchema, "world")
/** A fault as `injectFault` and `POST /__mock/faults` take it. */
export const decodeFault: (input: unknown) => Decoded<Fault> = decoder(FaultSchema, "fault")
/** Flood limits as `setFloodLimits` and `PUT /__mock/limits` take them. */
export const decodeFloodLimits: (input: unknown) => Decoded<ReadonlyArray<FloodLimit>> = decoder(
  Schema.Array(FloodLimitSchema),
  "flood limits"
)
