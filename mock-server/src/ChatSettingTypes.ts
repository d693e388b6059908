/** A chat's settings in the world file: its default permissions, and a forum's topics (world-file parts). */

/** What the members of a group may do, as the Bot API's ChatPermissions (a permission left out is false). */
export interface ChatPermissions {
  /** May send text messages, contacts, locations, venues. */
  readonly can_send_messages?: boolean | undefined
  /** May send music. */
  readonly can_send_audios?: boolean | undefined
  /** May send documents. */
  readonly can_send_documents?: boolean | undefined
  /** May send photos. */
  readonly can_send_photos?: boolean | undefined
  /** May send videos. */
  readonly can_send_videos?: boolean | undefined
  /** May send video notes. */
  readonly can_send_video_notes?: boolean | undefined
  /** May send voice notes. */
  readonly can_send_voice_notes?: boolean | undefined
  /** May send polls and checklists. */
  readonly can_send_polls?: boolean | undefined
  /** May send stickers, animations, games, dice and use inline bots. */
  readonly can_send_other_messages?: boolean | undefined
  /** Their links get previews. */
  readonly can_add_web_page_previews?: boolean | undefined
  /** May react to messages. */
  readonly can_react_to_messages?: boolean | undefined
  /** May edit their own tag. */
  readonly can_edit_tag?: boolean | undefined
  /** May change the chat's title, photo and other settings. */
  readonly can_change_info?: boolean | undefined
  /** May invite users (an administrator: and manage invite links, what the invite-link methods require of a bot). */
  readonly can_invite_users?: boolean | undefined
  /** May pin messages. */
  readonly can_pin_messages?: boolean | undefined
  /** Supergroups: may create topics (an administrator: create, edit, close and reopen them). */
  readonly can_manage_topics?: boolean | undefined
}

/** A forum topic of a supergroup that is a forum. */
export interface ForumTopic {
  /** The topic's id: the id of the message that created it (above 1; the General topic is 1). */
  readonly message_thread_id: number
  /** Its name, 1-128 characters. */
  readonly name: string
  /** The icon's color as an RGB number (0 when left out). */
  readonly icon_color?: number | undefined
  /** The custom emoji of its icon, if any. */
  readonly icon_custom_emoji_id?: string | undefined
  /** Who created it (a bot may edit, close and delete the topics it created). */
  readonly creator_id?: number | undefined
  /** Closed: only administrators may write in it. */
  readonly is_closed?: boolean | undefined
}

/** The General topic of a forum. */
export interface GeneralForumTopic {
  /** Its name ("General" when left out). */
  readonly name?: string | undefined
  readonly is_closed?: boolean | undefined
  readonly is_hidden?: boolean | undefined
}
