/** The bot itself: getMe. */
import { botUserJson } from "../../wire/user.js"
import { commit, method, methods } from "../table/method.js"

/** getMe. */
export const botMethods = methods({
  getMe: method({
    family: "profile",
    summary: "the bot's User, with its bot-only fields",
    params: {},
    run: (_, call) => commit(undefined, () => botUserJson(call.world, call.botId))
  })
})
