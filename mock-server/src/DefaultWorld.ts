/** The world the mock starts with when none is given: used by `npm start` and documented in the README. */
import type { WorldSnapshotInput } from "./WorldSnapshot.js"

/** The default bot's token. It is a test token of the mock only; real Telegram does not know it. */
export const DEFAULT_BOT_TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
/** The default bot's user id (`@seed_invite_bot`). */
export const DEFAULT_BOT_ID = 123456
/** The human who created every group of the default world, with their own primary links. */
export const DEFAULT_OWNER_ID = 1000

/** 2026-01-01T00:00:00Z, when the default world's links were made. */
const CREATED_AT = 1_767_225_600

const botAdmin = {
  user_id: DEFAULT_BOT_ID,
  status: "administrator",
  can_manage_chat: true,
  can_invite_users: true
} as const
const owner = { user_id: DEFAULT_OWNER_ID, status: "creator" } as const
const ownerLink = (chatId: number, hash: string) => ({
  invite_link: `https://t.me/+${hash}`,
  chat_id: chatId,
  creator_id: DEFAULT_OWNER_ID,
  is_primary: true,
  created_at: CREATED_AT
})

/**
 * The default world: one bot, its owner, a chat of each kind the invite-link rules tell apart (README table), Alice
 * who has started the bot, and Bob, Carol and Dave who have not (they are in no chat: they join through links).
 */
export const defaultWorld: WorldSnapshotInput = {
  bots: [{ token: DEFAULT_BOT_TOKEN, user_id: DEFAULT_BOT_ID }],
  users: [
    { id: DEFAULT_BOT_ID, is_bot: true, first_name: "Seed Invite Bot", username: "seed_invite_bot" },
    { id: DEFAULT_OWNER_ID, first_name: "Olga", last_name: "Owner", username: "olga_owner" },
    { id: 42, first_name: "Alice" },
    { id: 43, first_name: "Bob", username: "bob" },
    { id: 44, first_name: "Carol", username: "carol" },
    { id: 45, first_name: "Dave" }
  ],
  chats: [
    { id: -1001234567890, type: "supergroup", title: "Seed Supergroup", members: [owner, botAdmin] },
    {
      id: -1001000000001,
      type: "channel",
      title: "My Test Channel",
      username: "my_test_channel",
      members: [owner, { ...botAdmin, can_post_messages: true }]
    },
    {
      id: -987654321,
      type: "group",
      title: "Old Basic Group",
      members: [owner, botAdmin],
      migrated_to_chat_id: -1009876543210
    },
    { id: -1009876543210, type: "supergroup", title: "Old Basic Group", members: [owner, botAdmin] },
    { id: -555555555, type: "group", title: "Basic Group", members: [owner, botAdmin] },
    {
      id: -1002000000002,
      type: "supergroup",
      title: "Admin Without Invite Rights",
      members: [owner, {
        user_id: DEFAULT_BOT_ID,
        status: "administrator",
        can_manage_chat: true,
        can_invite_users: false
      }]
    },
    {
      id: -1002000000003,
      type: "supergroup",
      title: "Bot Is A Member",
      members: [owner, { user_id: DEFAULT_BOT_ID, status: "member" }]
    },
    {
      id: -1002000000004,
      type: "supergroup",
      title: "Bot Was Kicked",
      members: [owner, { user_id: DEFAULT_BOT_ID, status: "kicked" }]
    },
    { id: -1002000000005, type: "channel", title: "Channel Without The Bot", members: [owner] },
    { id: 42, type: "private" }
  ],
  invite_links: [
    ownerLink(-1001234567890, "OwnerSuperGrp01"),
    ownerLink(-1001000000001, "OwnerChannel001"),
    ownerLink(-1009876543210, "OwnerMigrated01"),
    ownerLink(-555555555, "OwnerBasicGrp01")
  ]
}
