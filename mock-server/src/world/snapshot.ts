/**
 * The world and its data, both ways: a live world built from a (decoded) snapshot, and the live world given back as
 * a deep copy in the world-file format. Nothing returned here shares an object with the live world.
 */
import type { MockClock } from "../MockClock.js"
import type { Chat, InviteLink, WorldCaps, WorldSnapshot } from "../WorldSnapshot.js"
import { addChat } from "./chats.js"
import { FaultQueue } from "./FaultQueue.js"
import { FloodControl } from "./FloodControl.js"
import { restoreLink } from "./inviteLinks.js"
import { Journal } from "./Journal.js"
import { membersToData } from "./members.js"
import type { ChatRecord, LinkRecord, World } from "./World.js"

/** A live world from a decoded snapshot (which it does not keep a reference into). */
export const makeWorld = (snapshot: WorldSnapshot, clock: MockClock, caps: WorldCaps): World => {
  const chatsByUsername = new Map<string, ChatRecord>()
  const world: World = {
    clock,
    caps,
    users: new Map(snapshot.users.map((user) => [user.id, { ...user }])),
    bots: snapshot.bots.map((bot) => ({ ...bot })),
    botsByToken: new Map(snapshot.bots.map((bot) => [bot.token, bot.user_id])),
    chats: new Map(),
    chatsByUsername,
    linksByUrl: new Map(),
    flood: new FloodControl(clock, caps.floodKeys),
    faults: new FaultQueue((username) => chatsByUsername.get(username)?.id),
    journal: new Journal(caps.journalSize),
    nextSupergroupNumber: 1_700_000_000
  }
  for (const chat of snapshot.chats) addChat(world, chat)
  for (const link of snapshot.invite_links) restoreLink(world, link)
  world.flood.setLimits(snapshot.flood_limits)
  for (const fault of snapshot.faults) world.faults.add(fault)
  return world
}

/** A chat in its world-file form (a copy). */
export const chatData = (chat: ChatRecord): Chat => ({
  id: chat.id,
  type: chat.type,
  ...(chat.title !== undefined ? { title: chat.title } : {}),
  ...(chat.username !== undefined ? { username: chat.username } : {}),
  members: membersToData(chat.members),
  ...(chat.migratedTo !== undefined ? { migrated_to_chat_id: chat.migratedTo } : {}),
  deleted: chat.deleted
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
  created_at: link.createdAt
})

/** The whole world in the world-file format: a deep copy. */
export const snapshotOf = (world: World): WorldSnapshot => {
  const chats: Array<Chat> = []
  const links: Array<InviteLink> = []
  for (const chat of world.chats.values()) {
    chats.push(chatData(chat))
    for (const link of chat.links) links.push(linkData(link))
  }
  return {
    bots: world.bots.map((bot) => ({ ...bot })),
    users: [...world.users.values()].map((user) => ({ ...user })),
    chats,
    invite_links: links,
    flood_limits: world.flood.limits(),
    faults: world.faults.pending()
  }
}
