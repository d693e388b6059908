/**
 * The method table: every Bot API method the mock serves, gathered from the family files. A new family is a new file
 * and one entry in FAMILIES.
 */
import { botMethods } from "./bot.js"
import { callbackMethods } from "./callbacks.js"
import { chatMethods } from "./chats.js"
import type { MethodFamily, MethodHandler } from "./common.js"
import { inviteLinkMethods } from "./inviteLinks.js"
import { joinRequestMethods } from "./joinRequests.js"
import { memberMethods } from "./members.js"
import { messageMethods } from "./messages.js"
import { subscriptionLinkMethods } from "./subscriptionLinks.js"
import { updateMethods } from "./updates.js"
import { webhookMethods } from "./webhooks.js"

const FAMILIES: ReadonlyArray<MethodFamily> = [
  botMethods,
  chatMethods,
  inviteLinkMethods,
  subscriptionLinkMethods,
  updateMethods,
  webhookMethods,
  messageMethods,
  callbackMethods,
  memberMethods,
  joinRequestMethods
]

const handlers = new Map<string, MethodHandler>()
const canonicalNames = new Map<string, string>()
for (const family of FAMILIES) {
  for (const [name, handler] of Object.entries(family)) {
    handlers.set(name.toLowerCase(), handler)
    canonicalNames.set(name.toLowerCase(), name)
  }
}

/** The handler of a method (lower-cased name: method names are case-insensitive). */
export const methodHandler = (method: string): MethodHandler | undefined => handlers.get(method)

/** The Bot API's spelling of a served method (`exportChatInviteLink`), from its lower-cased name. */
export const canonicalMethodName = (method: string): string | undefined => canonicalNames.get(method)

/** The Bot API methods the mock serves, as the Bot API spells them; every other method answers 404. */
export const SERVED_METHODS: ReadonlyArray<string> = [...canonicalNames.values()]
