/**
 * The live world as plain records: what the modules of this folder (chats, members, invite links, flood control,
 * faults, journal, snapshot) read and change. Records never leave the mock: the facade hands out copies in the
 * world-file format (snapshot.ts).
 */
import type { MockClock } from "../MockClock.js"
import type { Bot, ChatType, Member, MemberStatus, User, WorldCaps } from "../WorldSnapshot.js"
import type { FaultQueue } from "./FaultQueue.js"
import type { FloodControl } from "./FloodControl.js"
import type { Journal } from "./Journal.js"

/** An invite link; what create/edit/revoke change. */
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
}

/** A member's administrator rights (absent means false). */
export type MemberRights = Omit<Member, "user_id" | "status">

/** One user's standing in a chat. */
export interface MemberRecord {
  status: MemberStatus
  rights: MemberRights
}

/** A chat with its members and links. */
export interface ChatRecord {
  readonly id: number
  readonly type: ChatType
  readonly title: string | undefined
  readonly username: string | undefined
  readonly members: Map<number, MemberRecord>
  /** Every link of the chat, in creation order. */
  readonly links: Set<LinkRecord>
  /** Each administrator's current primary link. */
  readonly primary: Map<number, LinkRecord>
  /** Each administrator's revoked links, oldest first, capped. */
  readonly revoked: Map<number, Array<LinkRecord>>
  migratedTo: number | undefined
  readonly deleted: boolean
}

/** The whole live state of one world. */
export interface World {
  readonly clock: MockClock
  readonly caps: WorldCaps
  readonly users: Map<number, User>
  /** The bots in world-file order. */
  readonly bots: ReadonlyArray<Bot>
  /** A full token to its bot's user id. */
  readonly botsByToken: Map<string, number>
  readonly chats: Map<number, ChatRecord>
  /** Supergroups and channels by normalized username. */
  readonly chatsByUsername: Map<string, ChatRecord>
  readonly linksByUrl: Map<string, LinkRecord>
  readonly flood: FloodControl
  readonly faults: FaultQueue
  readonly journal: Journal
  /** The number of the next supergroup an upgrade makes. */
  nextSupergroupNumber: number
}
