/**
 * Bot API objects as TypeScript values: what the facade hands to tests (a Message, a ChatMember), parsed from the
 * JSON the wire layer renders, typed with @grammyjs/types (the Bot API's declarations, no code).
 */
import type { ChatInviteLink, ChatMember, Message } from "@grammyjs/types"

/** A Message from its rendered JSON. */
export const asMessage = (json: string): Message => JSON.parse(json) as Message

/** A ChatMember from its rendered JSON. */
export const asChatMember = (json: string): ChatMember => JSON.parse(json) as ChatMember

/** A ChatInviteLink from its rendered JSON. */
export const asInviteLink = (json: string): ChatInviteLink => JSON.parse(json) as ChatInviteLink
