/**
 * The Schemas of the people routes' bodies (and the same MockTelegram methods): a new person, a message, a press, a
 * join, a leave, a block, a standing. Each decodes to one line per wrong field, like the world file.
 */
import * as Schema from "effect/Schema"
import { type Decoded, decoder } from "./validation.js"
import { MemberSchema, SafeInt, UserId, Username } from "./worldSchemas.js"

const PositiveInt = SafeInt.pipe(Schema.positive({ message: () => "a positive integer" }))

/** `POST /__mock/users`. */
export const NewUserSchema = Schema.Struct({
  id: UserId,
  first_name: Schema.NonEmptyString.pipe(Schema.maxLength(64)),
  last_name: Schema.optional(Schema.String.pipe(Schema.maxLength(64))),
  username: Schema.optional(Username)
})

/** `POST /__mock/users/:user_id/send`. */
export const SendSchema = Schema.Struct({
  text: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(4096)),
  chat_id: Schema.optional(SafeInt),
  bot_id: Schema.optional(UserId),
  reply_to_message_id: Schema.optional(PositiveInt)
})

/** `POST /__mock/users/:user_id/press`. */
export const PressSchema = Schema.Struct({
  chat_id: Schema.optional(SafeInt),
  message_id: PositiveInt,
  data: Schema.String.pipe(Schema.maxLength(64)),
  bot_id: Schema.optional(UserId)
})

/** `POST /__mock/users/:user_id/join`. */
export const JoinSchema = Schema.Struct({
  invite_link: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(256)),
  pay_stars: Schema.optional(Schema.Boolean)
})

/** `POST /__mock/users/:user_id/leave`. */
export const LeaveSchema = Schema.Struct({ chat_id: SafeInt })

/** `POST /__mock/users/:user_id/block`. */
export const BlockSchema = Schema.Struct({ bot_id: Schema.optional(UserId) })

/** `PUT /__mock/chats/:chat_id/members/:user_id`: a member's standing without its user, and who acts. */
export const StandingSchema = Schema.Struct({
  ...MemberSchema.omit("user_id").fields,
  by: Schema.optional(UserId)
})

/** What the people routes take, decoded. */
export type NewUser = typeof NewUserSchema.Type
export type SendInput = typeof SendSchema.Type
export type PressInput = typeof PressSchema.Type
export type JoinInput = typeof JoinSchema.Type
export type StandingInput = typeof StandingSchema.Type

export const decodeNewUser: (input: unknown) => Decoded<NewUser> = decoder(NewUserSchema, "user")
export const decodeSend: (input: unknown) => Decoded<SendInput> = decoder(SendSchema, "message")
export const decodePress: (input: unknown) => Decoded<PressInput> = decoder(PressSchema, "press")
export const decodeJoin: (input: unknown) => Decoded<JoinInput> = decoder(JoinSchema, "join")
export const decodeLeave: (input: unknown) => Decoded<typeof LeaveSchema.Type> = decoder(LeaveSchema, "leave")
export const decodeBlock: (input: unknown) => Decoded<typeof BlockSchema.Type> = decoder(BlockSchema, "block")
export const decodeStanding: (input: unknown) => Decoded<StandingInput> = decoder(StandingSchema, "member")
