/**
 * Invite links: one primary link per administrator and chat, extra links with a name, expiry, limit or join requests,
 * and revocation, with the revoked history capped per administrator.
 */
import { nodeCrypto } from "../internal/lazyBuiltin.js"
import type { InviteLink } from "../WorldSnapshot.js"
import type { ChatRecord, LinkRecord, World } from "./World.js"

/** The settable fields of a link, as create and edit pass them (already cleaned and clamped). */
export interface LinkOptions {
  /** "" for no name. */
  readonly name: string
  /** 0 for no expiry. */
  readonly expireDate: number
  /** 0 for no limit. */
  readonly memberLimit: number
  readonly createsJoinRequest: boolean
  /** Subscription links: the period (s) and price (Stars); 0 for other links. */
  readonly subscriptionPeriod?: number
  readonly subscriptionPrice?: number
}

/**
 * 12 random bytes as base64url (16 characters), drawn from a pool filled by the CSPRNG 512 hashes at a time: one
 * `randomBytes(12)` call per link cost ~4 µs, the largest single item of exportChatInviteLink in a CPU profile. The
 * pool is encoded once per refill (12 bytes are 16 characters with no padding, so each hash is a plain substring of
 * the whole): a native base64 call per hash was the next largest item.
 */
const HASH_BYTES = 12
const HASH_CHARS = 16
const HASHES_PER_POOL = 512
const hashBytes = Buffer.allocUnsafe(HASH_BYTES * HASHES_PER_POOL)
let hashPool = ""
let hashPoolOffset = 0
const randomHash = (): string => {
  if (hashPoolOffset === hashPool.length) {
    hashPool = nodeCrypto().randomFillSync(hashBytes).toString("base64url")
    hashPoolOffset = 0
  }
  const hash = hashPool.slice(hashPoolOffset, hashPoolOffset + HASH_CHARS)
  hashPoolOffset += HASH_CHARS
  return hash
}

const newLinkUrl = (world: World): string => {
  let url: string
  do url = `https://t.me/+${randomHash()}`
  while (world.linksByUrl.has(url))
  return url
}

/** A link by its URL. */
export const findLink = (world: World, url: string): LinkRecord | undefined => world.linksByUrl.get(url)

/** The administrator's current primary link in the chat, if any. */
export const primaryLink = (chat: ChatRecord, userId: number): LinkRecord | undefined => chat.primary.get(userId)

/** Adds a link from its world-file form (a world being built). */
export const restoreLink = (world: World, link: InviteLink): void => {
  const chat = world.chats.get(link.chat_id)!
  const record: LinkRecord = {
    url: link.invite_link,
    chatId: link.chat_id,
    creatorId: link.creator_id,
    isPrimary: link.is_primary,
    isRevoked: link.is_revoked,
    name: link.name ?? "",
    expireDate: link.expire_date ?? 0,
    memberLimit: link.member_limit ?? 0,
    createsJoinRequest: link.creates_join_request,
    createdAt: link.created_at,
    subscriptionPeriod: link.subscription_period ?? 0,
    subscriptionPrice: link.subscription_price ?? 0,
    joinedCount: link.joined_count ?? 0,
    pendingRequests: 0
  }
  world.linksByUrl.set(record.url, record)
  if (record.isPrimary && !record.isRevoked) chat.primary.set(record.creatorId, record)
  if (record.isRevoked) rememberRevoked(world, chat, record)
}

/** Keeps a revoked link in its administrator's history; past the cap the oldest is forgotten entirely. */
const rememberRevoked = (world: World, chat: ChatRecord, link: LinkRecord): void => {
  let list = chat.revoked.get(link.creatorId)
  if (list === undefined) chat.revoked.set(link.creatorId, list = [])
  list.push(link)
  while (list.length > world.caps.revokedLinksPerAdmin) {
    const forgotten = list.shift()!
    world.linksByUrl.delete(forgotten.url)
  }
}

const revoke = (world: World, chat: ChatRecord, link: LinkRecord): void => {
  if (link.isRevoked) return
  link.isRevoked = true
  if (chat.primary.get(link.creatorId) === link) chat.primary.delete(link.creatorId)
  rememberRevoked(world, chat, link)
}

const NO_OPTIONS: LinkOptions = { name: "", expireDate: 0, memberLimit: 0, createsJoinRequest: false }

const makeLink = (world: World, chat: ChatRecord, creatorId: number, isPrimary: boolean, options: LinkOptions) => {
  const link: LinkRecord = {
    url: newLinkUrl(world),
    chatId: chat.id,
    creatorId,
    isPrimary,
    isRevoked: false,
    name: options.name,
    expireDate: options.expireDate,
    memberLimit: options.memberLimit,
    createsJoinRequest: options.createsJoinRequest,
    createdAt: Math.floor(world.clock.now() / 1000),
    subscriptionPeriod: options.subscriptionPeriod ?? 0,
    subscriptionPrice: options.subscriptionPrice ?? 0,
    joinedCount: 0,
    pendingRequests: 0
  }
  world.linksByUrl.set(link.url, link)
  if (isPrimary) chat.primary.set(creatorId, link)
  return link
}

/** exportChatInviteLink: a new primary link for this administrator; their previous one is revoked. */
export const replacePrimaryLink = (world: World, chat: ChatRecord, userId: number): LinkRecord => {
  const previous = chat.primary.get(userId)
  // Revoked in place (a primary entry is never a revoked link): the new link overwrites the entry, where a delete,
  // then a set, would churn the map's table.
  if (previous !== undefined) {
    previous.isRevoked = true
    rememberRevoked(world, chat, previous)
  }
  return makeLink(world, chat, userId, true, NO_OPTIONS)
}

/** createChatInviteLink: an extra (not primary) link. */
export const createLink = (world: World, chat: ChatRecord, userId: number, options: LinkOptions): LinkRecord =>
  makeLink(world, chat, userId, false, options)

/** editChatInviteLink: every field is set, so what the call left out is reset (telegram-wire.md §4b). */
export const editLink = (link: LinkRecord, options: LinkOptions): LinkRecord => {
  link.name = options.name
  link.expireDate = options.expireDate
  link.memberLimit = options.memberLimit
  link.createsJoinRequest = options.createsJoinRequest
  return link
}

/** revokeChatInviteLink: revokes the link; a revoked primary link is replaced by a new one at once. */
export const revokeLink = (world: World, chat: ChatRecord, link: LinkRecord): LinkRecord => {
  const wasPrimary = link.isPrimary && chat.primary.get(link.creatorId) === link
  revoke(world, chat, link)
  if (wasPrimary) makeLink(world, chat, link.creatorId, true, NO_OPTIONS)
  return link
}
