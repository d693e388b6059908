/**
 * The live world as plain records: what the modules of this folder (chats, members, invite links, people, messages,
 * updates, webhooks, flood control, faults, journal, snapshot) read and change. Records never leave the mock: the
 * facade hands out copies in the world-file format (snapshot.ts) or Bot API JSON.
 */
import type { MockClock } from "../MockClock.js"
import type { Bot, ChatType, Member, MemberStatus, User, WorldCaps } from "../WorldSnapshot.js"
import type { BotProfile } from "./botProfile.js"
import type { BotSession } from "./botSession.js"
import type { ChatProfile } from "./chatProfile.js"
import type { FaultQueue } from "./FaultQueue.js"
import type { FileStore } from "./files.js"
import type { FloodControl } from "./FloodControl.js"
import type { InlineState } from "./inline.js"
import type { Journal } from "./Journal.js"
import type { MediaState } from "./mediaState.js"
import type { MessageLog } from "./messages.js"
import type { Observers } from "./observers.js"
import type { PaymentState } from "./payments.js"
import type { TailState } from "./tail.js"
import type { BotState } from "./updates/botState.js"
import type { WebhookDeliverer, WebhookReply } from "./updates/webhookTypes.js"
import type { UserStatusRecord } from "./userStatus.js"

/** An invite link; what create/edit/revoke and joins change. */
export interface LinkRecord {
  readonly url: string
  readonly chatId: number
  readonly creatorId: number
  readonly isPrimary: boolean
  isRevoked: boolean
  /** "" when the link has no name. */
  name: string
  /** 0 when the link does not expire. */
  expireDate: number
  /** 0 when the link has no limit. */
  memberLimit: number
  createsJoinRequest: boolean
  /** Unix time in seconds. */
  readonly createdAt: number
  /** Subscription links: the period in seconds and the price in Stars; 0 for other links. */
  readonly subscriptionPeriod: number
  readonly subscriptionPrice: number
  /** How many people joined through it (counted against memberLimit). */
  joinedCount: number
  /** How many join requests made through it are pending. */
  pendingRequests: number
}

/** A member's rights, restrictions and dates (absent means false, or none). */
export type MemberRights = Omit<Member, "user_id" | "status">

/** One user's standing in a chat. */
export interface MemberRecord {
  status: MemberStatus
  rights: MemberRights
}

/** A person's pending request to join a chat. */
export interface JoinRequestRecord {
  readonly userId: number
  /** Unix time in seconds. */
  readonly date: number
  readonly link: LinkRecord | undefined
  readonly bio: string
}

/** A user's private chat with one bot: started or not, blocked or not, and its messages. */
export interface Conversation {
  /** The user pressed Start (or wrote first): the bot may write to them. */
  started: boolean
  /** The user blocked the bot: sendMessage answers 403. */
  blocked: boolean
  readonly log: MessageLog
}

/** A chat with its members, links, join requests and messages. */
export interface ChatRecord {
  readonly id: number
  readonly type: ChatType
  /** Changed by setChatTitle. */
  title: string | undefined
  readonly username: string | undefined
  /** Description, default permissions, sticker set, banned sender chats, forum topics. */
  readonly profile: ChatProfile
  readonly members: Map<number, MemberRecord>
  /** Each administrator's current primary link. */
  readonly primary: Map<number, LinkRecord>
  /** Each administrator's revoked links, oldest first, capped. */
  readonly revoked: Map<number, Array<LinkRecord>>
  /** Pending join requests by user id. */
  readonly joinRequests: Map<number, JoinRequestRecord>
  /** The messages of a group, supergroup or channel (a private chat keeps one log per bot, in `conversations`). */
  readonly log: MessageLog
  /** Private chats: the user's conversation with each bot. */
  readonly conversations: Map<number, Conversation>
  migratedTo: number | undefined
  /** An upgraded basic group's supergroup remembers where it came from. */
  migratedFrom: number | undefined
  readonly deleted: boolean
}

/** A callback query made by a press, kept until answered or forgotten. */
export interface CallbackQueryRecord {
  readonly id: string
  readonly botId: number
  readonly userId: number
  /** When it was made (ms). */
  readonly at: number
  answer: { readonly text: string; readonly showAlert: boolean; readonly url: string } | undefined
}

/** How the mock's long polls and webhooks behave where the real server's behaviour is switchable here. */
export interface UpdateOptions {
  /** The first update_id of every bot's queue (the real server picks a random one). */
  readonly firstUpdateId: number
  /** Repeated 409s within 3 s answered after a 3 s delay, as the real server does (off by default). */
  readonly conflictDelay: boolean
  /** The real server's anti-busy-loop rules for getUpdates (timeout raised to 3 s, limit forced to 1; off). */
  readonly busyLoopGuard: boolean
  /** How long (s) a callback query may be answered. */
  readonly callbackAnswerSeconds: number
  /** How long (s) an inline query may be answered (the real server drops an unread one after 30 s). */
  readonly inlineAnswerSeconds: number
}

/** What every world of one mock shares: the webhook deliverer and its rules, and the hooks of the facade. */
export interface MockEnv {
  /** Who delivers: the standalone server's node:http deliverer, fetch, a function of a test; none queues. */
  deliver: WebhookDeliverer | undefined
  /** Hosts allowed besides loopback (lower-cased). */
  readonly allowHosts: ReadonlySet<string>
  /** The longest wait (s) between retries of one update (the real server: random 60–120). */
  readonly retryCapSeconds: number
  /** Runs a method a webhook answered with (set by the facade; the result reaches nobody but the journal). */
  executeReply: (botId: number, reply: Extract<WebhookReply, { status: number }>) => void
  /** Reports a defect met outside a request (a timer's callback, a delivery's completion). */
  onDefect: (error: unknown) => void
  /** Who watches the mock (requests answered, updates queued, actions): the console's stream, a test. */
  readonly observers: Observers
  /**
   * Each bot's next update id when its world was last replaced: a new world (reset, a world file) goes on from there,
   * so update ids never go back and a running bot's offset never confirms an update it has not seen.
   */
  readonly nextUpdateIds: Map<number, number>
}

/** The whole live state of one world. */
export interface World {
  readonly clock: MockClock
  readonly caps: WorldCaps
  readonly options: UpdateOptions
  readonly env: MockEnv
  readonly users: Map<number, User>
  /** The bots in world-file order. */
  readonly bots: ReadonlyArray<Bot>
  /** A full token to its bot's user id. */
  readonly botsByToken: Map<string, number>
  /** Each bot's updates, long poll and webhook. */
  readonly botStates: Map<number, BotState>
  /** Each bot's commands, names, descriptions, menu buttons and default rights (made on first use). */
  readonly botProfiles: Map<number, BotProfile>
  /** When the world started (ms): the server's start, for the rule of `close`. */
  readonly startedAt: number
  /** Each bot's sessions: when its client last started (ms), whether it logged out. */
  readonly sessions: Map<number, BotSession>
  /** Tokens of bots that logged out, taken out of `botsByToken` until they may log in again. */
  readonly loggedOut: Map<string, BotSession>
  /** People's emoji statuses and the bots allowed to set them (made on first use). */
  readonly userStatuses: Map<number, UserStatusRecord>
  readonly chats: Map<number, ChatRecord>
  /** Supergroups and channels by normalized username. */
  readonly chatsByUsername: Map<string, ChatRecord>
  /** Every live link by its URL, in creation order (a chat's links are those with its id). */
  readonly linksByUrl: Map<string, LinkRecord>
  /** Uploaded files (and URLs' stand-ins) with their ids. */
  readonly files: FileStore
  readonly callbackQueries: Map<string, CallbackQueryRecord>
  readonly flood: FloodControl
  readonly faults: FaultQueue
  readonly journal: Journal
  /** Cancels every timer the world holds (parked polls, absorbed waits, webhook retries). */
  readonly timers: Set<() => void>
  /** The number of the next supergroup an upgrade makes. */
  nextSupergroupNumber: number
  /** The number behind the next callback query id. */
  nextCallbackQuery: number
  /** Absorbed flood waits in progress. */
  waits: number
  /** URL rule, queued dice, albums, recorded chat actions. */
  readonly media: MediaState
  /** The long tail: sticker sets, games, business connections, gifts and Stars, stories, managed bots, verifiers. */
  readonly tail: TailState
  /** Inline mode: bots' settings, inline queries, inline messages, Mini App queries, prepared messages, guest queries. */
  readonly inline: InlineState
  /** Invoices, checkouts, charges, bot subscriptions and Stars transactions. */
  readonly payments: PaymentState
}
