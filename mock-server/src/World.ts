/**
 * The mock's world: bots, users, chats, members' standing, invite links, upgrades, flood control,
 * injected faults and the request journal. State and rules only, no I/O: both transports (MSW and
 * the standalone server) drive this one object through `MockTelegram`.
 */
import { randomFillSync } from "node:crypto"
import type { MockClock } from "./MockClock.js"
import { normalizeUsername } from "./WorldSnapshot.js"
import type {
  Chat as ChatData,
  ChatType,
  Fault,
  FaultReply,
  FloodLimit,
  InviteLink as InviteLinkData,
  Member as MemberData,
  User,
  WorldSnapshot
} from "./WorldSnapshot.js"

/** A Bot API failure: becomes `{"ok":false,"error_code":…,"description":…,"parameters":…}`. */
export interface ApiError {
  readonly _tag: "ApiError"
  readonly code: number
  readonly description: string
  readonly retryAfter?: number
  readonly migrateToChatId?: number
}

export const apiError = (code: number, description: string): ApiError => ({ _tag: "ApiError", code, description })

/** The bounds of everything that grows with traffic; all configurable. */
export interface WorldCaps {
  /** Requests kept in the journal (a ring buffer). */
  readonly journalSize: number
  /** Revoked links kept per administrator and chat; older ones are forgotten. */
  readonly revokedLinksPerAdmin: number
  /** Flood-control counters kept at once; idle ones are dropped first. */
  readonly floodKeys: number
}

export const defaultCaps: WorldCaps = { journalSize: 1000, revokedLinksPerAdmin: 20, floodKeys: 10_000 }

export interface LinkState {
  readonly url: string
  readonly chatId: number
  readonly creatorId: number
  readonly isPrimary: boolean
  isRevoked: boolean
  name: string
  expireDate: number
  memberLimit: number
  createsJoinRequest: boolean
  readonly createdAt: number
}

export interface MemberState {
  status: MemberData["status"]
  rights: Omit<MemberData, "user_id" | "status">
}

export interface ChatState {
  readonly id: number
  readonly type: ChatType
  readonly title: string | undefined
  readonly username: string | undefined
  readonly members: Map<number, MemberState>
  /** Every link of the chat, in creation order. */
  readonly links: Set<LinkState>
  /** Each administrator's current primary link. */
  readonly primary: Map<number, LinkState>
  /** Each administrator's revoked links, oldest first, capped. */
  readonly revoked: Map<number, Array<LinkState>>
  migratedTo: number | undefined
  readonly deleted: boolean
}

export interface JournalEntry {
  /** Unix time in milliseconds, from the mock's clock. */
  readonly at: number
  /** The bot's id (never its token); null when the token was refused before it was known. */
  readonly bot_id: number | null
  readonly method: string
  readonly chat_id?: string
  readonly status: number
  readonly test_environment?: true
  /** Set when an injected fault answered. */
  readonly fault?: string
}

/** A sliding-window log of one (limit, bot, method, chat): a ring of the last `max` call times. */
interface FloodCounter {
  readonly stamps: Array<number>
  head: number
  readonly windowMs: number
  readonly max: number
}

interface ActiveFault {
  readonly method: string
  readonly chat: number | string | undefined
  remaining: number
  readonly fault: Fault
}

/**
 * 12 random bytes as base64url (16 characters), drawn from a pool filled by the CSPRNG 512 hashes at a time: one
 * `randomBytes(12)` call per link cost ~4 µs, the largest single item of exportChatInviteLink in a CPU profile.
 */
const HASH_BYTES = 12
const hashPool = Buffer.allocUnsafe(HASH_BYTES * 512)
let hashPoolOffset = hashPool.length
const randomHash = (): string => {
  if (hashPoolOffset === hashPool.length) {
    randomFillSync(hashPool)
    hashPoolOffset = 0
  }
  const hash = hashPool.toString("base64url", hashPoolOffset, hashPoolOffset + HASH_BYTES)
  hashPoolOffset += HASH_BYTES
  return hash
}

/** Live state built from a snapshot; `snapshot()` gives it back as data. */
export class World {
  private readonly users = new Map<number, User>()
  private readonly botsByToken = new Map<string, number>()
  private readonly botTokens: Array<{ token: string; user_id: number }> = []
  private readonly chats = new Map<number, ChatState>()
  private readonly chatsByUsername = new Map<string, ChatState>()
  private readonly linksByUrl = new Map<string, LinkState>()
  private floodLimits: ReadonlyArray<FloodLimit & { readonly methodLower: string | undefined }> = []
  private readonly flood = new Map<string, FloodCounter>()
  private floodChecks = 0
  private faults: Array<ActiveFault> = []
  private readonly journalRing: Array<JournalEntry | undefined>
  private journalNext = 0
  private journalCount = 0
  private nextSupergroupNumber = 1_700_000_000

  constructor(snapshot: WorldSnapshot, readonly clock: MockClock, readonly caps: WorldCaps = defaultCaps) {
    this.journalRing = new Array(caps.journalSize)
    for (const user of snapshot.users) this.users.set(user.id, user)
    for (const bot of snapshot.bots) {
      this.botsByToken.set(bot.token, bot.user_id)
      this.botTokens.push({ token: bot.token, user_id: bot.user_id })
    }
    for (const chat of snapshot.chats) this.addChat(chat)
    for (const link of snapshot.invite_links) this.addLink(link)
    this.setFloodLimits(snapshot.flood_limits)
    for (const fault of snapshot.faults) this.addFault(fault)
  }

  private addChat(chat: ChatData): void {
    const members = new Map<number, MemberState>()
    for (const { status, user_id, ...rights } of chat.members) members.set(user_id, { status, rights })
    const state: ChatState = {
      id: chat.id,
      type: chat.type,
      title: chat.title,
      username: chat.username,
      members,
      links: new Set(),
      primary: new Map(),
      revoked: new Map(),
      migratedTo: chat.migrated_to_chat_id,
      deleted: chat.deleted
    }
    this.chats.set(chat.id, state)
    if (chat.username !== undefined) this.chatsByUsername.set(normalizeUsername(chat.username), state)
  }

  private addLink(link: InviteLinkData): void {
    const chat = this.chats.get(link.chat_id)!
    const state: LinkState = {
      url: link.invite_link,
      chatId: link.chat_id,
      creatorId: link.creator_id,
      isPrimary: link.is_primary,
      isRevoked: link.is_revoked,
      name: link.name ?? "",
      expireDate: link.expire_date ?? 0,
      memberLimit: link.member_limit ?? 0,
      createsJoinRequest: link.creates_join_request,
      createdAt: link.created_at
    }
    chat.links.add(state)
    this.linksByUrl.set(state.url, state)
    if (state.isPrimary && !state.isRevoked) chat.primary.set(state.creatorId, state)
    if (state.isRevoked) this.rememberRevoked(chat, state)
  }

  // ---- bots, users, chats ------------------------------------------------------------------

  /** The bot's user id for a full token, or undefined when Telegram does not know the token. */
  botIdForToken(token: string): number | undefined {
    return this.botsByToken.get(token)
  }

  user(id: number): User | undefined {
    return this.users.get(id)
  }

  chat(id: number): ChatState | undefined {
    return this.chats.get(id)
  }

  chatByUsername(username: string): ChatState | undefined {
    return this.chatsByUsername.get(normalizeUsername(username))
  }

  /** A private chat with a known user; made on first use, as Telegram does. */
  privateChat(userId: number): ChatState | undefined {
    const existing = this.chats.get(userId)
    if (existing !== undefined) return existing
    if (!this.users.has(userId)) return undefined
    const chat: ChatState = {
      id: userId,
      type: "private",
      title: undefined,
      username: undefined,
      members: new Map(),
      links: new Set(),
      primary: new Map(),
      revoked: new Map(),
      migratedTo: undefined,
      deleted: false
    }
    return chat
  }

  /** The standing of a user in a chat; someone the chat does not list has left it. */
  standing(chat: ChatState, userId: number): MemberState {
    return chat.members.get(userId) ?? { status: "left", rights: {} }
  }

  canManageInviteLinks(chat: ChatState, userId: number): boolean {
    const member = this.standing(chat, userId)
    return member.status === "creator" || (member.status === "administrator" && member.rights.can_invite_users === true)
  }

  /** Upgrades a basic group to a new supergroup; its members keep their standing. */
  upgradeGroup(chatId: number): number | string {
    const group = this.chats.get(chatId)
    if (group === undefined) return `chat ${chatId} not found`
    if (group.type !== "group") return `chat ${chatId} is a ${group.type}, not a basic group`
    if (group.deleted) return `chat ${chatId} was deleted`
    if (group.migratedTo !== undefined) return `chat ${chatId} was already upgraded to ${group.migratedTo}`
    let newId: number
    do newId = -1_000_000_000_000 - this.nextSupergroupNumber++
    while (this.chats.has(newId))
    this.addChat({
      id: newId,
      type: "supergroup",
      title: group.title,
      username: undefined,
      members: [...group.members].map(([user_id, member]) => ({ user_id, status: member.status, ...member.rights })),
      migrated_to_chat_id: undefined,
      deleted: false
    })
    group.migratedTo = newId
    return newId
  }

  // ---- invite links ------------------------------------------------------------------------

  private newLinkUrl(): string {
    let url: string
    do url = `https://t.me/+${randomHash()}`
    while (this.linksByUrl.has(url))
    return url
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now() / 1000)
  }

  link(url: string): LinkState | undefined {
    return this.linksByUrl.get(url)
  }

  private rememberRevoked(chat: ChatState, link: LinkState): void {
    let list = chat.revoked.get(link.creatorId)
    if (list === undefined) chat.revoked.set(link.creatorId, list = [])
    list.push(link)
    while (list.length > this.caps.revokedLinksPerAdmin) {
      const forgotten = list.shift()!
      chat.links.delete(forgotten)
      this.linksByUrl.delete(forgotten.url)
    }
  }

  private revoke(chat: ChatState, link: LinkState): void {
    if (link.isRevoked) return
    link.isRevoked = true
    if (chat.primary.get(link.creatorId) === link) chat.primary.delete(link.creatorId)
    this.rememberRevoked(chat, link)
  }

  private makeLink(chat: ChatState, creatorId: number, isPrimary: boolean, options?: LinkOptions): LinkState {
    const link: LinkState = {
      url: this.newLinkUrl(),
      chatId: chat.id,
      creatorId,
      isPrimary,
      isRevoked: false,
      name: options?.name ?? "",
      expireDate: options?.expireDate ?? 0,
      memberLimit: options?.memberLimit ?? 0,
      createsJoinRequest: options?.createsJoinRequest ?? false,
      createdAt: this.nowSeconds()
    }
    chat.links.add(link)
    this.linksByUrl.set(link.url, link)
    if (isPrimary) chat.primary.set(creatorId, link)
    return link
  }

  primaryLink(chat: ChatState, userId: number): LinkState | undefined {
    return chat.primary.get(userId)
  }

  /** exportChatInviteLink: a new primary link for this administrator; their previous one is revoked. */
  replacePrimaryLink(chat: ChatState, userId: number): LinkState {
    const previous = chat.primary.get(userId)
    if (previous !== undefined) this.revoke(chat, previous)
    return this.makeLink(chat, userId, true)
  }

  createLink(chat: ChatState, userId: number, options: LinkOptions): LinkState {
    return this.makeLink(chat, userId, false, options)
  }

  editLink(link: LinkState, options: LinkOptions): LinkState {
    link.name = options.name ?? ""
    link.expireDate = options.expireDate ?? 0
    link.memberLimit = options.memberLimit ?? 0
    link.createsJoinRequest = options.createsJoinRequest ?? false
    return link
  }

  /** revokeChatInviteLink: revokes the link; a revoked primary link is replaced by a new one. */
  revokeLink(chat: ChatState, link: LinkState): LinkState {
    const wasPrimary = link.isPrimary && chat.primary.get(link.creatorId) === link
    this.revoke(chat, link)
    if (wasPrimary) this.makeLink(chat, link.creatorId, true)
    return link
  }

  // ---- flood control -----------------------------------------------------------------------

  setFloodLimits(limits: ReadonlyArray<FloodLimit>): void {
    this.floodLimits = limits.map((limit) => ({ ...limit, methodLower: limit.method?.toLowerCase() }))
    this.flood.clear()
  }

  /**
   * Counts a call against every matching limit: undefined when it may go, else the whole
   * seconds until a slot frees (at least 1). A refused call is not counted.
   */
  floodCheck(botId: number, method: string, chatId: number | undefined): number | undefined {
    const limits = this.floodLimits
    if (limits.length === 0) return undefined
    const now = this.clock.now()
    let retryAfter = 0
    const counters: Array<FloodCounter> = []
    for (let i = 0; i < limits.length; i++) {
      const limit = limits[i]!
      if (limit.methodLower !== undefined && limit.methodLower !== method) continue
      if (limit.chat_id !== undefined && limit.chat_id !== chatId) continue
      const key = `${i}|${botId}|${method}|${chatId ?? ""}`
      let counter = this.flood.get(key)
      if (counter === undefined) {
        counter = { stamps: [], head: 0, windowMs: limit.per_seconds * 1000, max: limit.max_calls }
        this.flood.set(key, counter)
        if (this.flood.size > this.caps.floodKeys) this.dropIdleFlood(now, key)
      }
      if (counter.stamps.length >= limit.max_calls) {
        const oldest = counter.stamps[counter.head]!
        const wait = oldest + counter.windowMs - now
        if (wait > 0) retryAfter = Math.max(retryAfter, Math.max(1, Math.ceil(wait / 1000)))
      }
      counters.push(counter)
    }
    if (retryAfter > 0) return retryAfter
    for (const counter of counters) {
      if (counter.stamps.length < counter.max) counter.stamps.push(now)
      else {
        counter.stamps[counter.head] = now
        counter.head = (counter.head + 1) % counter.max
      }
    }
    if (++this.floodChecks % 4096 === 0) this.dropIdleFlood(now, undefined)
    return undefined
  }

  /** Drops counters whose newest call left the window; over the cap, the oldest go too. */
  private dropIdleFlood(now: number, keep: string | undefined): void {
    for (const [key, counter] of this.flood) {
      const newest = counter.stamps[(counter.head + counter.stamps.length - 1) % Math.max(1, counter.stamps.length)]
      if (key !== keep && (newest === undefined || newest + counter.windowMs <= now)) this.flood.delete(key)
    }
    for (const key of this.flood.keys()) {
      if (this.flood.size <= this.caps.floodKeys) break
      if (key !== keep) this.flood.delete(key)
    }
  }

  /** How many flood counters are alive (for tests of the cap). */
  get floodCounterCount(): number {
    return this.flood.size
  }

  // ---- faults ------------------------------------------------------------------------------

  addFault(fault: Fault): void {
    const chat = typeof fault.chat_id === "string" ? normalizeUsername(fault.chat_id.replace(/^@/, "")) : fault.chat_id
    this.faults.push({ method: fault.method.toLowerCase(), chat, remaining: fault.times, fault })
  }

  clearFaults(): void {
    this.faults = []
  }

  /** Takes one use of the first fault matching this call, if any. */
  takeFault(method: string, chatParam: string | undefined): FaultReply | undefined {
    if (this.faults.length === 0) return undefined
    for (let i = 0; i < this.faults.length; i++) {
      const active = this.faults[i]!
      if (active.method !== method) continue
      if (active.chat !== undefined && !this.faultMatchesChat(active.chat, chatParam)) continue
      if (--active.remaining <= 0) this.faults.splice(i, 1)
      return active.fault.reply
    }
    return undefined
  }

  private faultMatchesChat(chat: number | string, chatParam: string | undefined): boolean {
    if (chatParam === undefined) return false
    if (chatParam.startsWith("@")) {
      const name = normalizeUsername(chatParam.slice(1))
      return typeof chat === "string" ? chat === name : this.chatsByUsername.get(name)?.id === chat
    }
    if (typeof chat === "number") return String(chat) === chatParam
    return this.chatsByUsername.get(chat)?.id === Number(chatParam)
  }

  // ---- journal -----------------------------------------------------------------------------

  record(entry: JournalEntry): void {
    if (this.journalRing.length === 0) return
    this.journalRing[this.journalNext] = entry
    this.journalNext = (this.journalNext + 1) % this.journalRing.length
    if (this.journalCount < this.journalRing.length) this.journalCount++
  }

  /** The journal, oldest first. */
  journal(): Array<JournalEntry> {
    const out: Array<JournalEntry> = []
    const size = this.journalRing.length
    for (let i = 0; i < this.journalCount; i++) {
      out.push(this.journalRing[(this.journalNext - this.journalCount + i + size) % size]!)
    }
    return out
  }

  // ---- snapshot ----------------------------------------------------------------------------

  /** The world as data, in the world-file format. */
  snapshot(): WorldSnapshot {
    const chats: Array<ChatData> = []
    const links: Array<InviteLinkData> = []
    for (const chat of this.chats.values()) {
      chats.push({
        id: chat.id,
        type: chat.type,
        ...(chat.title !== undefined ? { title: chat.title } : {}),
        ...(chat.username !== undefined ? { username: chat.username } : {}),
        members: [...chat.members].map(([user_id, member]) => ({ user_id, status: member.status, ...member.rights })),
        ...(chat.migratedTo !== undefined ? { migrated_to_chat_id: chat.migratedTo } : {}),
        deleted: chat.deleted
      })
      for (const link of chat.links) {
        links.push({
          invite_link: link.url,
          chat_id: link.chatId,
          creator_id: link.creatorId,
          is_primary: link.isPrimary,
          is_revoked: link.isRevoked,
          ...(link.name !== "" ? { name: link.name } : {}),
          ...(link.expireDate !== 0 ? { expire_date: link.expireDate } : {}),
          ...(link.memberLimit !== 0 ? { member_limit: link.memberLimit } : {}),
          creates_join_request: link.createsJoinRequest,
          created_at: link.createdAt
        })
      }
    }
    return {
      bots: this.botTokens.map((bot) => ({ ...bot })),
      users: [...this.users.values()],
      chats,
      invite_links: links,
      flood_limits: this.floodLimits.map(({ methodLower: _, ...limit }) => limit),
      faults: this.faults.map((active) => ({ ...active.fault, times: active.remaining }))
    }
  }
}

export interface LinkOptions {
  readonly name?: string
  readonly expireDate?: number
  readonly memberLimit?: number
  readonly createsJoinRequest?: boolean
}
