/**
 * The method table: every Bot API method the mock serves, gathered from the family files, with the real server's
 * old aliases. A new family is a new file and one entry in TABLES.
 */
import { BOT_API_ALIASES } from "../table/botApiMethods.js"
import type { Method } from "../table/method.js"
import { botMethods } from "./bot.js"
import { callbackMethods } from "./callbacks.js"
import { chatMethods } from "./chats.js"
import { documentMethods } from "./documents.js"
import { fileMethods } from "./files.js"
import { inviteLinkMethods } from "./inviteLinks.js"
import { joinRequestMethods } from "./joinRequests.js"
import { memberMethods } from "./members.js"
import { messageMethods } from "./messages.js"
import { subscriptionLinkMethods } from "./subscriptionLinks.js"
import { updateMethods } from "./updates.js"
import { webhookMethods } from "./webhooks.js"

const TABLES: ReadonlyArray<ReadonlyArray<Method>> = [
  updateMethods,
  webhookMethods,
  botMethods,
  messageMethods,
  documentMethods,
  fileMethods,
  callbackMethods,
  chatMethods,
  memberMethods,
  inviteLinkMethods,
  subscriptionLinkMethods,
  joinRequestMethods
]

/** Every method the mock serves, aliases included (an alias is its method under another name). */
export const METHODS: ReadonlyArray<Method> = (() => {
  const all = TABLES.flat()
  const byName = new Map(all.map((method) => [method.name, method]))
  for (const [alias, target] of Object.entries(BOT_API_ALIASES)) {
    const method = byName.get(target)
    if (method !== undefined) all.push({ ...method, name: alias })
  }
  return all
})()

const byLowerName = new Map(METHODS.map((method) => [method.name.toLowerCase(), method]))

/** The method a lower-cased name calls (method names are case-insensitive). */
export const methodByName = (method: string): Method | undefined => byLowerName.get(method)

/** The Bot API's spelling of a served method (`exportChatInviteLink`), from its lower-cased name. */
export const canonicalMethodName = (method: string): string | undefined => byLowerName.get(method)?.name

/** The Bot API methods the mock serves, as the Bot API spells them; every other method answers 404. */
export const SERVED_METHODS: ReadonlyArray<string> = METHODS.map((method) => method.name)
