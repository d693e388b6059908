/**
 * The `ChatInviteLink` object returned by create/edit/revokeChatInviteLink, and its `User` creator.
 * Only the fields the library reads are declared; others are ignored.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * A Telegram user (the link's creator).
 *
 * @since 0.1.0
 */
export const User = Schema.Struct({
  id: Schema.Number,
  is_bot: Schema.Boolean,
  first_name: Schema.String,
  last_name: Schema.optional(Schema.String),
  username: Schema.optional(Schema.String)
})

/** @since 0.1.0 */
export type User = typeof User.Type

/**
 * An invite link with its settings.
 *
 * @since 0.1.0
 */
export const ChatInviteLink = Schema.Struct({
  invite_link: Schema.String,
  creator: User,
  creates_join_request: Schema.Boolean,
  is_primary: Schema.Boolean,
  is_revoked: Schema.Boolean,
  name: Schema.optional(Schema.String),
  expire_date: Schema.optional(Schema.Number),
  member_limit: Schema.optional(Schema.Number),
  pending_join_request_count: Schema.optional(Schema.Number),
  /** Subscription links (since 0.2.0): seconds a subscription lasts, and its price in Telegram Stars. */
  subscription_period: Schema.optional(Schema.Number),
  subscription_price: Schema.optional(Schema.Number)
})

/** @since 0.1.0 */
export type ChatInviteLink = typeof ChatInviteLink.Type

/**
 * Optional settings of createChatInviteLink / editChatInviteLink (wire names).
 *
 * @since 0.1.0
 */
export interface Options {
  readonly name?: string
  readonly expire_date?: number
  readonly member_limit?: number
  readonly creates_join_request?: boolean
}

/**
 * Settings of createChatSubscriptionInviteLink (wire names): the period must be 30 days (2592000 s) and the price
 * 1–10000 Stars, as Telegram checks them.
 *
 * @since 0.2.0
 */
export interface SubscriptionOptions {
  readonly subscription_period: number
  readonly subscription_price: number
  readonly name?: string
}
