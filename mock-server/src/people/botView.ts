/**
 * A bot's profile as a person's app shows it (and the console reads it): the commands offered in a chat, looked up
 * from the narrowest scope to the default one, and everything the bot set about itself, for a test to inspect.
 */
import type { BotCommand } from "@grammyjs/types"
import type { CommandsQuery } from "../decode/adminControl.js"
import { isAdmin } from "../events/recipients.js"
import { MockInputError } from "../MockInputError.js"
import { type CommandScope, commandsFor, type MenuButton } from "../world/botProfile.js"
import { privateChat } from "../world/chats.js"
import { standing } from "../world/members.js"
import type { World } from "../world/World.js"

/** A scope as the Bot API's BotCommandScope writes it. */
const scopeData = (scope: CommandScope): Record<string, string | number> =>
  "userId" in scope
    ? { type: scope.type, chat_id: scope.chatId, user_id: scope.userId }
    : "chatId" in scope
    ? { type: scope.type, chat_id: scope.chatId }
    : { type: scope.type }

const buttonData = (button: MenuButton) =>
  button.type === "web_app" ? { type: button.type, text: button.text, web_app: { url: button.url } } : button

/** Everything a bot set about itself, in the Bot API's words. */
export interface BotProfileData {
  readonly bot_id: number
  /** The name in the default language (the bot's first name), then per language. */
  readonly name: string
  readonly names: Readonly<Record<string, string>>
  readonly descriptions: Readonly<Record<string, string>>
  readonly short_descriptions: Readonly<Record<string, string>>
  readonly commands: ReadonlyArray<{
    readonly scope: Readonly<Record<string, string | number>>
    readonly language_code: string
    readonly commands: ReadonlyArray<BotCommand>
  }>
  readonly menu_button: unknown
  readonly menu_buttons: ReadonlyArray<{ readonly user_id: number; readonly menu_button: unknown }>
  readonly default_administrator_rights: {
    readonly groups: Readonly<Record<string, boolean>> | null
    readonly channels: Readonly<Record<string, boolean>> | null
  }
}

const bot = (world: World, botId: number): number => {
  if (!world.botStates.has(botId)) throw new MockInputError([`bot_id: no bot ${botId} in this world`])
  return botId
}

/** A bot's profile (a copy). */
export const botProfileData = (world: World, botId: number): BotProfileData => {
  const profile = world.botProfiles.get(bot(world, botId))
  return {
    bot_id: botId,
    name: world.users.get(botId)?.first_name ?? "",
    names: Object.fromEntries(profile?.names ?? []),
    descriptions: Object.fromEntries(profile?.descriptions ?? []),
    short_descriptions: Object.fromEntries(profile?.shortDescriptions ?? []),
    commands: [...profile?.commands.values() ?? []].map((list) => ({
      scope: scopeData(list.scope),
      language_code: list.languageCode,
      commands: list.commands.map((c) => ({ ...c }))
    })),
    menu_button: buttonData(profile?.defaultMenuButton ?? { type: "default" }),
    menu_buttons: [...profile?.menuButtons ?? []].map(([userId, button]) => ({
      user_id: userId,
      menu_button: buttonData(button)
    })),
    default_administrator_rights: {
      groups: profile?.groupRights ?? null,
      channels: profile?.channelRights ?? null
    }
  }
}

/** The commands a person's app shows in a chat (their private chat with the bot when none is named). */
export const commandsShown = (world: World, botId: number, query: CommandsQuery): Array<BotCommand> => {
  bot(world, botId)
  if (!world.users.has(query.user_id)) throw new MockInputError([`user_id: unknown user ${query.user_id}`])
  const chatId = query.chat_id ?? query.user_id
  const chat = chatId > 0 ? privateChat(world, chatId) : world.chats.get(chatId)
  if (chat === undefined) throw new MockInputError([`chat_id: no chat ${chatId} in this world`])
  if (chat.type === "private" && chat.id !== query.user_id) {
    throw new MockInputError([`chat_id: chat ${chatId} is another user's private chat`])
  }
  const profile = world.botProfiles.get(botId)
  if (profile === undefined) return []
  const admin = chat.type !== "private" && isAdmin(standing(chat, query.user_id))
  return commandsFor(profile, chat, admin, query.user_id, query.language_code ?? "").map((c) => ({ ...c }))
}
