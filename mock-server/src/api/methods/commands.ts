/**
 * setMyCommands, getMyCommands, deleteMyCommands (telegram-wire-messages.md §M9.1): the JSON inputs read first
 * (commands, then scope), the scope's chat checked as for reading members, then TDLib's checks (the scope's kind of
 * chat, the language code, each command) and Telegram's (`BOT_COMMAND_INVALID`, `BOT_COMMANDS_TOO_MUCH`). Lists are
 * kept per scope and language; an empty list deletes one. A person's app shows them (the control API's
 * `GET /__mock/bots/{bot_id}/commands`).
 */
import { finishCommands, isLanguageCode, readCommands, readScope, type ScopeInput } from "../../input/commands.js"
import { type BotCommand, botProfile, commandList, type CommandScope, scopeKey } from "../../world/botProfile.js"
import { readableChat } from "../chatAccess.js"
import { type ApiError, apiError } from "../envelope.js"
import { type Call, commit, method, methods } from "../table/method.js"
import { custom, raw, text } from "../table/params.js"

const bad = (text: string): ApiError => apiError(400, `Bad Request: ${text}`)

/** The scope with its chat resolved and checked (read access to members; TDLib's rules of the chat's kind). */
const resolveScope = (call: Call, scope: ScopeInput): CommandScope | ApiError => {
  if (!("chatId" in scope)) return scope
  const chat = readableChat(call.world, scope.chatId, call.botId, true)
  if ("_tag" in chat) return chat
  if (scope.type === "chat_member" && !call.world.users.has(scope.userId)) return bad("user not found")
  if (chat.type === "private" && scope.type !== "chat") return bad("can't use specified scope in private chats")
  if (chat.type === "channel") return bad("can't change commands in channel chats")
  return scope.type === "chat_member"
    ? { type: scope.type, chatId: chat.id, userId: scope.userId }
    : { type: scope.type, chatId: chat.id }
}

const scopeParam = custom<ScopeInput>("BotCommandScope", (input) => {
  const scope = readScope(raw(input))
  return "refusal" in scope ? bad(scope.refusal) : scope
}, { note: "JSON; default: {\"type\":\"default\"}" })

/** The scope resolved and the language code checked, as TDLib does before anything else. */
const target = (call: Call, scope: ScopeInput, languageCode: string): CommandScope | ApiError => {
  const resolved = resolveScope(call, scope)
  if ("_tag" in resolved) return resolved
  return isLanguageCode(languageCode) ? resolved : bad("invalid language code specified")
}

const commandsJson = (commands: ReadonlyArray<BotCommand>): string =>
  `[${
    commands.map((c) => `{"command":${JSON.stringify(c.command)},"description":${JSON.stringify(c.description)}}`).join(
      ","
    )
  }]`

/** setMyCommands, getMyCommands, deleteMyCommands. */
export const commandMethods = methods({
  setMyCommands: method({
    family: "profile",
    summary: "sets the command list of a scope and language (an empty list deletes it)",
    params: {
      commands: custom<ReadonlyArray<BotCommand>>("Array of BotCommand", (input) => {
        const commands = readCommands(raw(input))
        return "refusal" in commands ? bad(commands.refusal) : commands
      }, { note: "at most 100" }),
      scope: scopeParam,
      language_code: text
    },
    run: (p, call) => {
      const scope = target(call, p.scope, p.language_code)
      if ("_tag" in scope) return scope
      const commands = finishCommands(p.commands)
      if ("refusal" in commands) return bad(commands.refusal)
      return commit(undefined, () => {
        const profile = botProfile(call.world, call.botId)
        const key = `${scopeKey(scope)}|${p.language_code}`
        if (commands.length === 0) profile.commands.delete(key)
        else profile.commands.set(key, { scope, languageCode: p.language_code, commands })
        return "true"
      })
    }
  }),

  getMyCommands: method({
    family: "profile",
    summary: "the command list of exactly this scope and language (`[]` when none is set)",
    params: { scope: scopeParam, language_code: text },
    run: (p, call) => {
      const scope = target(call, p.scope, p.language_code)
      if ("_tag" in scope) return scope
      return commit(undefined, () => {
        const profile = call.world.botProfiles.get(call.botId)
        const list = profile === undefined ? undefined : commandList(profile, scope, p.language_code)
        return commandsJson(list?.commands ?? [])
      })
    }
  }),

  deleteMyCommands: method({
    family: "profile",
    summary: "deletes the command list of a scope and language (the next wider scope's list applies)",
    params: { scope: scopeParam, language_code: text },
    run: (p, call) => {
      const scope = target(call, p.scope, p.language_code)
      if ("_tag" in scope) return scope
      return commit(undefined, () => {
        call.world.botProfiles.get(call.botId)?.commands.delete(`${scopeKey(scope)}|${p.language_code}`)
        return "true"
      })
    }
  })
})
