/**
 * A bot's profile as it sets it (telegram-wire-messages.md §M9): command lists per scope and language, names and
 * descriptions per language, menu buttons (the default one and per user), default administrator rights for groups
 * and channels; and what a person's app shows: the commands for a person in a chat, looked up from the narrowest scope
 * to the default one (https://core.telegram.org/bots/api#determining-list-of-commands).
 */
import type { PhotoSizeRecord } from "./content.js"
import type { ChatRecord, World } from "./World.js"

/** One command of a list. */
export interface BotCommand {
  readonly command: string
  readonly description: string
}

/** Where a command list applies, as BotCommandScope says (chats resolved to their ids). */
export type CommandScope =
  | { readonly type: "default" | "all_private_chats" | "all_group_chats" | "all_chat_administrators" }
  | { readonly type: "chat" | "chat_administrators"; readonly chatId: number }
  | { readonly type: "chat_member"; readonly chatId: number; readonly userId: number }

/** A bot's menu button. */
export type MenuButton =
  | { readonly type: "default" | "commands" }
  | { readonly type: "web_app"; readonly text: string; readonly url: string }

/** The seventeen administrator rights a bot asks for by default (every one false when left out). */
export type AdminRightsRecord = Readonly<Record<string, boolean>>

/** A command list with its scope and language. */
export interface CommandList {
  readonly scope: CommandScope
  readonly languageCode: string
  readonly commands: ReadonlyArray<BotCommand>
}

/** What a bot set about itself. */
export interface BotProfile {
  /** Command lists by scope and language (`scopeKey|language`). */
  readonly commands: Map<string, CommandList>
  /** Localized names, descriptions and short descriptions by language code ("" is the default). */
  readonly names: Map<string, string>
  readonly descriptions: Map<string, string>
  readonly shortDescriptions: Map<string, string>
  /** The menu button of private chats without their own. */
  defaultMenuButton: MenuButton
  /** Menu buttons set for one user's private chat. */
  readonly menuButtons: Map<number, MenuButton>
  /** Default administrator rights asked when the bot is added to a group, and to a channel. */
  groupRights: AdminRightsRecord | undefined
  channelRights: AdminRightsRecord | undefined
  /** Its profile photos, the current one first. */
  readonly photos: Array<PhotoSizeRecord>
}

/** The bot's profile, made on first use. */
export const botProfile = (world: World, botId: number): BotProfile => {
  let profile = world.botProfiles.get(botId)
  if (profile === undefined) {
    profile = {
      commands: new Map(),
      names: new Map(),
      descriptions: new Map(),
      shortDescriptions: new Map(),
      defaultMenuButton: { type: "default" },
      menuButtons: new Map(),
      groupRights: undefined,
      channelRights: undefined,
      photos: []
    }
    world.botProfiles.set(botId, profile)
  }
  return profile
}

/** The key of a scope in the profile's command lists. */
export const scopeKey = (scope: CommandScope): string => {
  switch (scope.type) {
    case "chat":
    case "chat_administrators":
      return `${scope.type}:${scope.chatId}`
    case "chat_member":
      return `${scope.type}:${scope.chatId}:${scope.userId}`
    default:
      return scope.type
  }
}

/** The command list set for exactly this scope and language, if any. */
export const commandList = (
  profile: BotProfile,
  scope: CommandScope,
  languageCode: string
): CommandList | undefined => profile.commands.get(`${scopeKey(scope)}|${languageCode}`)

/**
 * The commands a person's app shows in a chat: the first scope of the documented order that has a list (for the
 * person's language, else for all languages). In a private chat: chat, all_private_chats, default; in a group:
 * chat_member, chat_administrators (administrators), chat, all_chat_administrators (administrators),
 * all_group_chats, default.
 */
export const commandsFor = (
  profile: BotProfile,
  chat: ChatRecord,
  isAdmin: boolean,
  userId: number,
  languageCode: string
): ReadonlyArray<BotCommand> => {
  const scopes: Array<CommandScope> = chat.type === "private"
    ? [{ type: "chat", chatId: chat.id }, { type: "all_private_chats" }, { type: "default" }]
    : [
      { type: "chat_member", chatId: chat.id, userId },
      ...(isAdmin ? [{ type: "chat_administrators" as const, chatId: chat.id }] : []),
      { type: "chat", chatId: chat.id },
      ...(isAdmin ? [{ type: "all_chat_administrators" as const }] : []),
      { type: "all_group_chats" },
      { type: "default" }
    ]
  for (const scope of scopes) {
    const list = (languageCode !== "" ? commandList(profile, scope, languageCode) : undefined) ??
      commandList(profile, scope, "")
    if (list !== undefined) return list.commands
  }
  return []
}
