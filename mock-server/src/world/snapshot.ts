/**
 * The world and its data, both ways: a live world built from a (decoded) snapshot, and the live world given back as
 * a deep copy in the world-file format. Nothing returned here shares an object with the live world.
 */
import type { MockClock } from "../MockClock.js"
import type { Chat, InviteLink, JoinRequest, WorldCaps, WorldSnapshot } from "../WorldSnapshot.js"
import { profileToData } from "./chatProfile.js"
import { addChat } from "./chats.js"
import { FaultQueue } from "./FaultQueue.js"
import { FileStore } from "./files.js"
import { filesData, restoreFiles } from "./fileSnapshot.js"
import { FloodControl } from "./FloodControl.js"
import { botData, makeInlineState } from "./inline.js"
import { restoreLink } from "./inviteLinks.js"
import { Journal } from "./Journal.js"
import { makeMediaState } from "./mediaState.js"
import { membersToData } from "./members.js"
import { emptyPayments } from "./payments.js"
import { emptyTail, restoreTail, tailData } from "./tail.js"
import { makeBotState } from "./updates/botState.js"
import type { ChatRecord, LinkRecord, MockEnv, UpdateOptions, World } from "./World.js"

/** What a world is made with besides its data. */
export interface WorldSettings {
  readonly clock: MockClock
  readonly caps: WorldCaps
  readonly options: UpdateOptions
  readonly env: MockEnv
}

/** A live world from a decoded snapshot (which it does not keep a reference into). */
export const makeWorld = (snapshot: WorldSnapshot, settings: WorldSettings): World => {
  const { caps, clock } = settings
  const chatsByUsername = new Map<string, ChatRecord>()
  const world: World = {
    clock,
    caps,
    options: settings.options,
    env: settings.env,
    botStates: new Map(
      snapshot.bots.map((bot) => [
        bot.user_id,
        makeBotState(
          bot.user_id,
          Math.max(settings.options.firstUpdateId, settings.env.nextUpdateIds.get(bot.user_id) ?? 0),
          caps.updatesPerBot
        )
      ])
    ),
    callbackQueries: new Map(),
    botProfiles: new Map(),
    startedAt: clock.now(),
    sessions: new Map(),
    loggedOut: new Map(),
    userStatuses: new Map(),
    timers: new Set(),
    nextCallbackQuery: 1,
    waits: 0,
    users: new Map(snapshot.users.map((user) => [user.id, { ...user }])),
    bots: snapshot.bots.map((bot) => ({ ...bot })),
    botsByToken: new Map(snapshot.bots.map((bot) => [bot.token, bot.user_id])),
    chats: new Map(),
    chatsByUsername,
    linksByUrl: new Map(),
    files: new FileStore(caps.files, caps.fileBytes),
    flood: new FloodControl(clock, caps.floodKeys),
    faults: new FaultQueue((username) => chatsByUsername.get(username)?.id),
    journal: new Journal(caps.journalSize, settings.env.observers),
    nextSupergroupNumber: 1_700_000_000,
    media: makeMediaState(snapshot.file_urls ?? "stand_in"),
    tail: emptyTail(),
    inline: makeInlineState(snapshot.bots),
    payments: emptyPayments()
  }
  for (const chat of snapshot.chats) addChat(world, chat)
  for (const link of snapshot.invite_links) restoreLink(world, link)
  for (const request of snapshot.join_requests) restoreJoinRequest(world, request)
  world.flood.setLimits(snapshot.flood_limits)
  for (const fault of snapshot.faults) world.faults.add(fault)
  restoreFiles(world, snapshot.files ?? [])
  restoreTail(world, snapshot)
  return world
}

const restoreJoinRequest = (world: World, request: JoinRequest): void => {
  const chat = world.chats.get(request.chat_id)!
  const link = request.invite_link === undefined ? undefined : world.linksByUrl.get(request.invite_link)
  chat.joinRequests.set(request.user_id, {
    userId: request.user_id,
    date: request.date,
    link,
    bio: request.bio ?? ""
  })
  if (link !== undefined) link.pendingRequests++
}

/** A private chat's bots in the world-file form: `bot_ids` left out when the user started every bot. */
const conversationData = (world: World | undefined, chat: ChatRecord): Partial<Chat> => {
  if (chat.type !== "private") return {}
  const started = [...chat.conversations].filter(([, c]) => c.started).map(([botId]) => botId)
  const blocked = [...chat.conversations].filter(([, c]) => c.blocked).map(([botId]) => botId)
  const every = world !== undefined && world.bots.length === started.length &&
    world.bots.every((bot) => started.includes(bot.user_id))
  return { ...(every ? {} : { bot_ids: started }), ...(blocked.length > 0 ? { blocked_bot_ids: blocked } : {}) }
}

/** A chat in its world-file form (a copy). */
export const chatData = (chat: ChatRecord, world?: World): Chat => ({
  id: chat.id,
  type: chat.type,
  ...(chat.title !== undefined ? { title: chat.title } : {}),
  ...(chat.username !== undefined ? { username: chat.username } : {}),
  members: membersToData(chat.members),
  ...(chat.migratedTo !== undefined ? { migrated_to_chat_id: chat.migratedTo } : {}),
  deleted: chat.deleted,
  ...profileToData(chat.profile),
  ...conversationData(world, chat)
})

/** A link in its world-file form (a copy). */
export const linkData = (link: LinkRecord): InviteLink => ({
  invite_link: link.url,
  chat_id: link.chatId,
  creator_id: link.creatorId,
  is_primary: link.isPrimary,
  is_revoked: link.isRevoked,
  ...(link.name !== "" ? { name: link.name } : {}),
  ...(link.expireDate !== 0 ? { expire_date: link.expireDate } : {}),
  ...(link.memberLimit !== 0 ? { member_limit: link.memberLimit } : {}),
  creates_join_request: link.createsJoinRequest,
  created_at: link.createdAt,
  ...(link.subscriptionPeriod !== 0
    ? { subscription_period: link.subscriptionPeriod, subscription_price: link.subscriptionPrice }
    : {}),
  ...(link.joinedCount !== 0 ? { joined_count: link.joinedCount } : {})
})

/** The files and the URL rule, only where they say something (a world without them writes neither). */
const filesOf = (world: World): Pick<WorldSnapshot, "files" | "file_urls"> => {
  const files = filesData(world)
  return {
    ...(files !== undefined ? { files } : {}),
    ...(world.media.fileUrls === "refuse" ? { file_urls: "refuse" as const } : {})
  }
}

/**
 * Each chat's links in creation order, from the world's one index of links (a per-chat set as well cost two more hash
 * updates on every link made and forgotten).
 */
const linksByChat = (world: World): Map<number, Array<LinkRecord>> => {
  const byChat = new Map<number, Array<LinkRecord>>()
  for (const link of world.linksByUrl.values()) {
    const own = byChat.get(link.chatId)
    if (own === undefined) byChat.set(link.chatId, [link])
    else own.push(link)
  }
  return byChat
}

/** The whole world in the world-file format: a deep copy. */
export const snapshotOf = (world: World): WorldSnapshot => {
  const chats: Array<Chat> = []
  const links: Array<InviteLink> = []
  const requests: Array<JoinRequest> = []
  const linksOfChats = linksByChat(world)
  for (const chat of world.chats.values()) {
    chats.push(chatData(chat, world))
    for (const link of linksOfChats.get(chat.id) ?? []) links.push(linkData(link))
    for (const request of chat.joinRequests.values()) {
      requests.push({
        chat_id: chat.id,
        user_id: request.userId,
        date: request.date,
        ...(request.link !== undefined && world.linksByUrl.has(request.link.url)
          ? { invite_link: request.link.url }
          : {}),
        ...(request.bio !== "" ? { bio: request.bio } : {})
      })
    }
  }
  return {
    bots: world.bots.map((bot) => botData(world, bot)),
    users: [...world.users.values()].map((user) => ({ ...user })),
    chats,
    invite_links: links,
    flood_limits: world.flood.limits(),
    faults: world.faults.pending(),
    join_requests: requests,
    ...filesOf(world),
    ...tailData(world)
  }
}
