/** A world file's chat settings that only some kinds of chat have (description, permissions, forum topics, …). */
import type { Chat, User } from "../WorldSnapshot.js"

/** Every problem of one chat's settings, one line each, appended to `problems`. */
export const checkChatSettings = (chat: Chat, at: string, users: Map<number, User>, problems: Array<string>) => {
  const only = (field: string, kinds: ReadonlyArray<Chat["type"]>, present: boolean): void => {
    if (present && !kinds.includes(chat.type)) problems.push(`${at}.${field}: a ${chat.type} has no ${field}`)
  }
  only("description", ["group", "supergroup", "channel"], chat.description !== undefined)
  only("permissions", ["group", "supergroup"], chat.permissions !== undefined)
  only("sticker_set_name", ["supergroup"], chat.sticker_set_name !== undefined)
  only("banned_sender_chat_ids", ["supergroup", "channel"], chat.banned_sender_chat_ids !== undefined)
  only("is_forum", ["supergroup"], chat.is_forum === true)
  only("forum_topics", ["supergroup"], chat.forum_topics !== undefined)
  only("general_forum_topic", ["supergroup"], chat.general_forum_topic !== undefined)
  for (const [j, member] of chat.members.entries()) {
    if (member.promoted_by !== undefined && !users.has(member.promoted_by)) {
      problems.push(`${at}.members.${j}.promoted_by: unknown user ${member.promoted_by}`)
    }
  }
  const ids = new Set<number>()
  for (const [j, topic] of (chat.forum_topics ?? []).entries()) {
    if (ids.has(topic.message_thread_id)) {
      problems.push(`${at}.forum_topics.${j}.message_thread_id: duplicate topic ${topic.message_thread_id}`)
    }
    ids.add(topic.message_thread_id)
    if (topic.creator_id !== undefined && !users.has(topic.creator_id)) {
      problems.push(`${at}.forum_topics.${j}.creator_id: unknown user ${topic.creator_id}`)
    }
  }
}
