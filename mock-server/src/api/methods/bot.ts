/** Methods about the bot itself. */
import { botUserJson } from "../../wire/user.js"
import { floodRefusal, type MethodFamily } from "./common.js"

/** getMe. */
export const botMethods: MethodFamily = {
  getMe: (call) => floodRefusal(call, undefined) ?? botUserJson(call.world, call.botId)
}
