/**
 * The bot's names, descriptions, menu button and default administrator rights (telegram-wire-messages.md §M9.2–M9.4):
 * setMyName / getMyName, setMyDescription / getMyDescription, setMyShortDescription / getMyShortDescription,
 * setChatMenuButton / getChatMenuButton, setMyDefaultAdministratorRights / getMyDefaultAdministratorRights. Values are kept per language; the default-language name is the bot's first name (getMe).
 */
import { ADMIN_RIGHT_KEYS, readAdminRights, readMenuButton } from "../../input/botInfo.js"
import { isLanguageCode } from "../../input/commands.js"
import { checkWebAppUrl } from "../../internal/webAppUrl.js"
import { adminRightsJson } from "../../wire/rights.js"
import { type BotProfile, botProfile, type MenuButton } from "../../world/botProfile.js"
import { type ApiError, apiError } from "../envelope.js"
import { type Call, commit, method, type MethodEntry, methods } from "../table/method.js"
import { bool, custom, raw, text, userId } from "../table/params.js"

const bad = (text: string): ApiError => apiError(400, `Bad Request: ${text}`)
const json = JSON.stringify

/** A localized text of the profile: its key in the result, its map, and Telegram's cap (the mock's rule). */
interface InfoText {
  readonly key: "name" | "description" | "short_description"
  readonly values: (profile: BotProfile) => Map<string, string>
  readonly max: number
  readonly tooLong: string
}

const NAME: InfoText = { key: "name", values: (p) => p.names, max: 64, tooLong: "FIRSTNAME_INVALID" }
const DESCRIPTION: InfoText = { key: "description", values: (p) => p.descriptions, max: 512, tooLong: "ABOUT_TOO_LONG" }
const SHORT: InfoText = {
  key: "short_description",
  values: (p) => p.shortDescriptions,
  max: 120,
  tooLong: "ABOUT_TOO_LONG"
}

/** The value shown for a language: the name in the default language is the bot's first name. */
const infoValue = (call: Call, info: InfoText, languageCode: string): string => {
  if (info === NAME && languageCode === "") return call.world.users.get(call.botId)?.first_name ?? ""
  return call.world.botProfiles.get(call.botId) === undefined
    ? ""
    : info.values(botProfile(call.world, call.botId)).get(languageCode) ?? ""
}

const setInfo = (info: InfoText): MethodEntry =>
  method({
    family: "profile",
    summary: info === NAME
      ? "sets the bot's name for a language (the default one is its first name, as getMe shows)"
      : `sets the bot's ${info.key.replace("_", " ")} for a language (\`""\` removes it)`,
    params: { [info.key]: text, language_code: text } as Record<string, typeof text>,
    run: (p, call) => {
      const value = p[info.key]!
      const languageCode = p["language_code"]!
      if (!isLanguageCode(languageCode)) return bad("invalid language code specified")
      if (Array.from(value).length > info.max) return bad(info.tooLong)
      if (info === NAME && languageCode === "" && value === "") return bad("FIRSTNAME_INVALID")
      return commit(undefined, () => {
        const { users } = call.world
        if (info === NAME && languageCode === "") {
          users.set(call.botId, { ...users.get(call.botId)!, first_name: value })
        } else if (value === "") info.values(botProfile(call.world, call.botId)).delete(languageCode)
        else info.values(botProfile(call.world, call.botId)).set(languageCode, value)
        return "true"
      })
    }
  })

const getInfo = (info: InfoText): MethodEntry =>
  method({
    family: "profile",
    summary: `the bot's ${info.key.replace("_", " ")} for a language (\`""\` when none is set)`,
    params: { language_code: text },
    run: ({ language_code: languageCode }, call) => {
      if (!isLanguageCode(languageCode)) return bad("invalid language code specified")
      return commit(undefined, () => `{"${info.key}":${json(infoValue(call, info, languageCode))}}`)
    }
  })

const menuButtonJson = (button: MenuButton): string =>
  button.type === "web_app"
    ? `{"type":"web_app","text":${json(button.text)},"web_app":{"url":${json(button.url)}}}`
    : `{"type":"${button.type}"}`

/** chat_id of the menu-button methods: a user id (its private chat), absent for the bot's default button. */
const menuChatId = custom<number | undefined>("Integer", (input) => {
  if (raw(input) === undefined) return undefined
  const id = userId.read(input)
  if (typeof id !== "number") return id
  return input.call.world.users.has(id) ? id : bad("user not found")
}, { note: "a user's private chat; absent: the bot's default button" })

/** The rights a bot asks for by default, as TDLib fits them to groups (supergroups) or channels. */
const fitDefaultRights = (rights: Record<string, boolean>, forChannels: boolean): Record<string, boolean> => {
  const dropped = forChannels
    ? ["can_pin_messages", "can_manage_topics", "can_manage_tags", "is_anonymous"]
    : ["can_post_messages", "can_edit_messages", "can_manage_direct_messages"]
  const out: Record<string, boolean> = {}
  for (const key of ADMIN_RIGHT_KEYS) out[key] = rights[key] === true && !dropped.includes(key)
  if (ADMIN_RIGHT_KEYS.some((key) => out[key])) out["can_manage_chat"] = true
  return out
}

/** The bot-information methods. */
export const botInfoMethods = methods({
  setMyName: setInfo(NAME),
  getMyName: getInfo(NAME),
  setMyDescription: setInfo(DESCRIPTION),
  getMyDescription: getInfo(DESCRIPTION),
  setMyShortDescription: setInfo(SHORT),
  getMyShortDescription: getInfo(SHORT),

  setChatMenuButton: method({
    family: "profile",
    summary: "sets the menu button of a user's private chat, or the bot's default one",
    params: {
      menu_button: custom("MenuButton", (input) => {
        const button = readMenuButton(raw(input))
        return "refusal" in button ? bad(button.refusal) : button
      }, { note: "JSON; default: {\"type\":\"default\"}" }),
      chat_id: menuChatId
    },
    run: (p, call) => {
      let button: MenuButton = p.menu_button
      if (button.type === "web_app") {
        if (button.text === "") return bad("menu button text must be non-empty")
        const url = checkWebAppUrl(button.url, call.testEnvironment !== true)
        if (typeof url !== "string") return bad(`menu button Web App ${url.error}`)
        button = { ...button, url }
      }
      return commit(undefined, () => {
        const profile = botProfile(call.world, call.botId)
        if (p.chat_id === undefined) profile.defaultMenuButton = button
        else if (button.type === "default") profile.menuButtons.delete(p.chat_id)
        else profile.menuButtons.set(p.chat_id, button)
        return "true"
      })
    }
  }),

  getChatMenuButton: method({
    family: "profile",
    summary: "the menu button of a user's private chat (`default`: the bot's applies), or the bot's default one",
    params: { chat_id: menuChatId },
    run: ({ chat_id: chatId }, call) =>
      commit(undefined, () => {
        const profile = call.world.botProfiles.get(call.botId)
        const button = chatId === undefined
          ? profile?.defaultMenuButton
          : profile?.menuButtons.get(chatId)
        return menuButtonJson(button ?? { type: "default" })
      })
  }),

  setMyDefaultAdministratorRights: method({
    family: "profile",
    summary: "sets the rights the bot asks for when added to groups or (for_channels) channels",
    params: {
      for_channels: bool,
      rights: custom("ChatAdministratorRights", (input) => {
        const rights = readAdminRights(raw(input))
        return rights !== undefined && "refusal" in rights ? bad(String(rights["refusal"])) : rights
      }, { note: "JSON; absent: none" })
    },
    run: (p, call) =>
      commit(undefined, () => {
        const profile = botProfile(call.world, call.botId)
        const rights = p.rights === undefined ? undefined : fitDefaultRights(p.rights, p.for_channels)
        if (p.for_channels) profile.channelRights = rights
        else profile.groupRights = rights
        return "true"
      })
  }),

  getMyDefaultAdministratorRights: method({
    family: "profile",
    summary: "the rights the bot asks for by default in groups or (for_channels) channels",
    params: { for_channels: bool },
    run: ({ for_channels: forChannels }, call) =>
      commit(undefined, () => {
        const profile = call.world.botProfiles.get(call.botId)
        return adminRightsJson((forChannels ? profile?.channelRights : profile?.groupRights) ?? {}, forChannels)
      })
  })
})
