/**
 * Conformance of the bot's profile (telegram-wire-messages.md §M9) and of close / logOut (Client.cpp on_cmd) on every
 * transport: commands per scope and language with the real parsing errors and TDLib's checks, the lookup a person's
 * app makes (control API), names and descriptions (getMe shows the name), the menu button, default administrator
 * rights, and what close and logOut do to the bot's session.
 */
import { DEFAULT_BOT_TOKEN } from "telegram-bot-api-mock"
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const SUPERGROUP = -1001234567890
const CHANNEL = -1001000000001
const BOT = 123456
const OWNER = 1000
const ALICE = 42

export const profileConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, the bot's profile (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { api, control, refusal, result } = wireClient(() => t)
    const shown = async (query: string) => (await control("GET", `bots/${BOT}/commands?${query}`)).body.result

    describe("setMyCommands, getMyCommands, deleteMyCommands", () => {
      it("reads commands, then the scope, with the real errors", async () => {
        const cases: Array<[Record<string, unknown>, string]> = [
          [{ commands: "{bad" }, "can't parse commands JSON object"],
          [{ commands: "{}" }, "expected an Array of BotCommand"],
          [{ commands: "[1]" }, "can't parse BotCommand: expected an Object"],
          [{ commands: [{ description: "d" }] }, `can't parse BotCommand: Can't find field "command"`],
          [{ commands: [{ command: "a" }] }, `can't parse BotCommand: Can't find field "description"`],
          [{ commands: "{bad", scope: "{bad" }, "can't parse commands JSON object"],
          [{ scope: "{bad" }, "can't parse BotCommandScope JSON object"],
          [{ scope: "[]" }, "can't parse BotCommandScope: BotCommandScope must be an Object"],
          [{ scope: {} }, `can't parse BotCommandScope: Can't find field "type"`],
          [{ scope: { type: "everyone" } }, "can't parse BotCommandScope: Unsupported type specified"],
          [{ scope: { type: "chat" } }, `can't parse BotCommandScope: Can't find field "chat_id"`],
          [{ scope: { type: "chat", chat_id: "" } }, "can't parse BotCommandScope: Empty chat_id specified"],
          [{ scope: { type: "chat_member", chat_id: 1 } }, `can't parse BotCommandScope: Can't find field "user_id"`],
          [
            { scope: { type: "chat_member", chat_id: 1, user_id: 0 } },
            "can't parse BotCommandScope: Invalid user_id specified"
          ],
          [{ scope: { type: "chat", chat_id: -1 } }, "chat not found"],
          [{ scope: { type: "chat_administrators", chat_id: ALICE } }, "can't use specified scope in private chats"],
          [{ scope: { type: "chat", chat_id: CHANNEL } }, "can't change commands in channel chats"],
          [{ scope: { type: "chat_member", chat_id: SUPERGROUP, user_id: 777 } }, "user not found"],
          [{ language_code: "EN" }, "invalid language code specified"],
          [{ language_code: "eng" }, "invalid language code specified"]
        ]
        for (const [params, description] of cases) {
          await refusal("setMyCommands", params, 400, `Bad Request: ${description}`)
        }
        await refusal(
          "getMyCommands",
          { scope: "[]" },
          400,
          "Bad Request: can't parse BotCommandScope: BotCommandScope must be an Object"
        )
        await refusal("deleteMyCommands", { language_code: "x" }, 400, "Bad Request: invalid language code specified")
      })

      it("checks each command as TDLib and Telegram do", async () => {
        const one = (command: unknown, description: unknown = "d") => ({ commands: [{ command, description }] })
        const cases: Array<[Record<string, unknown>, string]> = [
          [one(" / "), "command must be non-empty"],
          [one("a".repeat(33)), "command length must not exceed 32"],
          [one("a", "  "), "command description must be non-empty"],
          [one("a", "d".repeat(257)), "command description length must not exceed 256"],
          [one("Start"), "BOT_COMMAND_INVALID"],
          [one("st-art"), "BOT_COMMAND_INVALID"],
          [
            { commands: Array.from({ length: 101 }, (_, i) => ({ command: `c${i}`, description: "d" })) },
            "BOT_COMMANDS_TOO_MUCH"
          ]
        ]
        for (const [params, description] of cases) {
          await refusal("setMyCommands", params, 400, `Bad Request: ${description}`)
        }
        expect(
          await result("setMyCommands", {
            commands: [{ command: " /start ", description: " Begin " }, { command: 7, description: 8 }]
          })
        )
          .toBe(true)
        expect(await result("getMyCommands")).toEqual([
          { command: "start", description: "Begin" },
          { command: "7", description: "8" }
        ])
      })

      it("keeps a list per scope and language; get reads exactly one; an empty list or delete removes it", async () => {
        expect(await result("getMyCommands")).toEqual([])
        await result("setMyCommands", { commands: [{ command: "help", description: "Help" }] })
        await result("setMyCommands", { commands: [{ command: "hilfe", description: "Hilfe" }], language_code: "de" })
        const admins = { type: "chat_administrators", chat_id: SUPERGROUP }
        await result("setMyCommands", { commands: [{ command: "ban", description: "Ban" }], scope: admins })
        await result("setMyCommands", {
          commands: [{ command: "dm", description: "DM" }],
          scope: { type: "chat", chat_id: ALICE }
        })
        expect(await result("getMyCommands", { language_code: "de" })).toEqual([{
          command: "hilfe",
          description: "Hilfe"
        }])
        expect(await result("getMyCommands", { language_code: "fr" })).toEqual([])
        expect(await result("getMyCommands", { scope: JSON.stringify(admins) })).toEqual([{
          command: "ban",
          description: "Ban"
        }])
        expect(await result("getMyCommands", { scope: { type: "all_group_chats" } })).toEqual([])
        expect(await result("setMyCommands", { commands: [], language_code: "de" })).toBe(true)
        expect(await result("getMyCommands", { language_code: "de" })).toEqual([])
        expect(await result("deleteMyCommands", { scope: admins })).toBe(true)
        expect(await result("getMyCommands", { scope: admins })).toEqual([])
      })

      it("a person's app shows the narrowest scope set, in their language when there is one", async () => {
        const list = (command: string) => ({ commands: [{ command, description: command }] })
        await result("setMyCommands", list("everyone"))
        await result("setMyCommands", { ...list("jeder"), language_code: "de" })
        await result("setMyCommands", { ...list("groups"), scope: { type: "all_group_chats" } })
        await result("setMyCommands", { ...list("admins"), scope: { type: "all_chat_administrators" } })
        await result("setMyCommands", {
          ...list("alice"),
          scope: { type: "chat_member", chat_id: SUPERGROUP, user_id: ALICE }
        })
        const names = (commands: Array<{ command: string }>) => commands.map((c) => c.command)
        expect(names(await shown(`user_id=${ALICE}`))).toEqual(["everyone"])
        expect(names(await shown(`user_id=${ALICE}&language_code=de`))).toEqual(["jeder"])
        expect(names(await shown(`user_id=${ALICE}&chat_id=${SUPERGROUP}`))).toEqual(["alice"])
        expect(names(await shown(`user_id=${OWNER}&chat_id=${SUPERGROUP}`))).toEqual(["admins"])
        expect(names(await shown(`user_id=43&chat_id=${SUPERGROUP}`))).toEqual(["groups"])
        const profile = (await control("GET", `bots/${BOT}/profile`)).body.result
        expect(profile.commands).toContainEqual({
          scope: { type: "chat_member", chat_id: SUPERGROUP, user_id: ALICE },
          language_code: "",
          commands: [{ command: "alice", description: "alice" }]
        })
        expect((await control("GET", `bots/${BOT}/commands?chat_id=${SUPERGROUP}`)).body.description)
          .toBe(`user_id: expected an integer id, got ""`)
      })
    })

    describe("names, descriptions", () => {
      it("setMyName in the default language renames the bot (getMe), per language otherwise", async () => {
        expect(await result("getMyName")).toEqual({ name: "Seed Invite Bot" })
        expect(await result("setMyName", { name: "Invite Helper" })).toBe(true)
        expect((await result("getMe")).first_name).toBe("Invite Helper")
        expect(await result("setMyName", { name: "Einlader", language_code: "de" })).toBe(true)
        expect(await result("getMyName", { language_code: "de" })).toEqual({ name: "Einlader" })
        expect(await result("getMyName", { language_code: "fr" })).toEqual({ name: "" })
        await refusal(
          "setMyName",
          { name: "x", language_code: "deu" },
          400,
          "Bad Request: invalid language code specified"
        )
        await refusal("getMyName", { language_code: "1" }, 400, "Bad Request: invalid language code specified")
        await refusal("setMyName", { name: "n".repeat(65) }, 400, "Bad Request: FIRSTNAME_INVALID")
        expect(await result("setMyName", { name: "", language_code: "de" })).toBe(true)
        expect(await result("getMyName", { language_code: "de" })).toEqual({ name: "" })
      })

      it("descriptions and short descriptions per language, with Telegram's caps", async () => {
        expect(await result("getMyDescription")).toEqual({ description: "" })
        expect(await result("setMyDescription", { description: "Makes invite links." })).toBe(true)
        expect(await result("getMyDescription")).toEqual({ description: "Makes invite links." })
        await refusal("setMyDescription", { description: "d".repeat(513) }, 400, "Bad Request: ABOUT_TOO_LONG")
        expect(await result("setMyShortDescription", { short_description: "Links", language_code: "en" })).toBe(true)
        expect(await result("getMyShortDescription", { language_code: "en" })).toEqual({ short_description: "Links" })
        await refusal(
          "setMyShortDescription",
          { short_description: "s".repeat(121) },
          400,
          "Bad Request: ABOUT_TOO_LONG"
        )
        expect((await control("GET", `bots/${BOT}/profile`)).body.result).toMatchObject({
          descriptions: { "": "Makes invite links." },
          short_descriptions: { en: "Links" }
        })
      })
    })

    describe("the menu button and default administrator rights", () => {
      it("sets the default and a user's menu button, with the real parsing and URL errors", async () => {
        expect(await result("getChatMenuButton")).toEqual({ type: "default" })
        const cases: Array<[Record<string, unknown>, string]> = [
          [{ menu_button: "{bad" }, "can't parse menu button JSON object"],
          [{ menu_button: "[]" }, "can't parse menu button: MenuButton must be an Object"],
          [{ menu_button: { type: "x" } }, "can't parse menu button: MenuButton has unsupported type"],
          [{ menu_button: { type: "web_app" } }, `can't parse menu button: Can't find field "text"`],
          [{ menu_button: { type: "web_app", text: "Go" } }, `can't parse menu button: Can't find field "web_app"`],
          [
            { menu_button: { type: "web_app", text: "Go", web_app: 1 } },
            `can't parse menu button: Field "web_app" must be of type Object`
          ],
          [
            { menu_button: { type: "web_app", text: "Go", web_app: {} } },
            `can't parse menu button: Can't find field "url"`
          ],
          [
            { menu_button: { type: "web_app", text: "", web_app: { url: "https://a.io" } } },
            "menu button text must be non-empty"
          ],
          [
            { menu_button: { type: "web_app", text: "Go", web_app: { url: "http://a.io" } } },
            "menu button Web App URL 'http://a.io' is invalid: Only HTTPS links are allowed"
          ],
          [{ menu_button: { type: "commands" }, chat_id: 0 }, "invalid chat_id specified"],
          [{ menu_button: { type: "commands" }, chat_id: 777 }, "user not found"]
        ]
        for (const [params, description] of cases) {
          await refusal("setChatMenuButton", params, 400, `Bad Request: ${description}`)
        }
        expect(await result("setChatMenuButton", { menu_button: { type: "commands" } })).toBe(true)
        expect(await result("getChatMenuButton")).toEqual({ type: "commands" })
        const app = { type: "web_app", text: "Open", web_app: { url: "https://app.example.com/x" } }
        expect(await result("setChatMenuButton", { chat_id: ALICE, menu_button: app })).toBe(true)
        expect(await result("getChatMenuButton", { chat_id: ALICE })).toEqual(app)
        expect(await result("getChatMenuButton", { chat_id: 43 })).toEqual({ type: "default" })
        expect(await result("setChatMenuButton", { chat_id: ALICE })).toBe(true)
        expect(await result("getChatMenuButton", { chat_id: ALICE })).toEqual({ type: "default" })
        await refusal("getChatMenuButton", { chat_id: "x" }, 400, "Bad Request: invalid chat_id specified")
      })

      it("default rights for groups and channels, fitted to each, in the real key order", async () => {
        const groups = await result("getMyDefaultAdministratorRights")
        expect(Object.keys(groups)).toEqual([
          "can_manage_chat",
          "can_change_info",
          "can_delete_messages",
          "can_invite_users",
          "can_restrict_members",
          "can_pin_messages",
          "can_manage_topics",
          "can_promote_members",
          "can_manage_video_chats",
          "can_post_stories",
          "can_edit_stories",
          "can_delete_stories",
          "can_manage_tags",
          "is_anonymous"
        ])
        expect(Object.values(groups).every((value) => value === false)).toBe(true)
        await refusal(
          "setMyDefaultAdministratorRights",
          { rights: "{bad" },
          400,
          "Bad Request: can't parse ChatAdministratorRights JSON object"
        )
        await refusal(
          "setMyDefaultAdministratorRights",
          { rights: { can_invite_users: "yes" } },
          400,
          `Bad Request: can't parse ChatAdministratorRights: Field "can_invite_users" must be of type Boolean`
        )
        await result("setMyDefaultAdministratorRights", { rights: { can_invite_users: true, can_post_messages: true } })
        expect(await result("getMyDefaultAdministratorRights")).toMatchObject({
          can_manage_chat: true,
          can_invite_users: true
        })
        await result("setMyDefaultAdministratorRights", {
          for_channels: true,
          rights: { can_post_messages: true, can_pin_messages: true }
        })
        const channels = await result("getMyDefaultAdministratorRights", { for_channels: true })
        expect(channels).toMatchObject({ can_manage_chat: true, can_post_messages: true })
        expect(channels).not.toHaveProperty("can_pin_messages")
        await result("setMyDefaultAdministratorRights", {})
        expect((await result("getMyDefaultAdministratorRights")).can_invite_users).toBe(false)
        expect(await result("removeMyProfilePhoto")).toBe(true)
      })
    })

    describe("close and logOut", () => {
      it("close answers true and a waiting getUpdates at once; a client that started late waits 10 minutes", async () => {
        const parked = api("getUpdates", { timeout: 50 })
        while (t.clock.pendingTimers() < 1) await new Promise((resolve) => setImmediate(resolve))
        expect(await result("close")).toBe(true)
        expect((await parked).body).toEqual({ ok: true, result: [] })
        t.clock.advance(11 * 60_000)
        expect(await result("close")).toBe(true)
        const { body } = await api("close")
        expect(body).toMatchObject({ ok: false, error_code: 429, parameters: { retry_after: 600 } })
        t.clock.advance(600_000)
        expect(await result("close")).toBe(true)
        expect(await result("getMe")).toMatchObject({ id: BOT })
      })

      it("logOut drops the updates and the webhook, then answers `400 Logged out` until it may log in again", async () => {
        await control("POST", `users/${ALICE}/send`, { text: "queued" })
        expect(await result("logOut")).toBe(true)
        for (const method of ["getMe", "getUpdates", "sendMessage"]) {
          const response = await t.request(`/bot${DEFAULT_BOT_TOKEN}/${method}`)
          expect(await response.json()).toEqual({ ok: false, error_code: 400, description: "Logged out" })
        }
        t.clock.advance(30 * 60_000)
        expect(await result("getMe")).toMatchObject({ id: BOT })
        expect(await result("getUpdates")).toEqual([])
      })
    })
  })
}
