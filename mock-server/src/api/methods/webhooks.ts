/**
 * setWebhook, deleteWebhook and getWebhookInfo (telegram-wire-bots.md §10), in the real order: 1 s between non-empty
 * setWebhooks, "already set/deleted" when nothing changed, the parked poll ended, the old webhook removed and
 * drop_pending_updates applied before the URL is checked. Like a local server, http:// and any port are accepted; unlike
 * any server, only loopback hosts (and the hosts the mock's options allow) are.
 */
import { parseUrl } from "../../internal/HttpUrl.js"
import type { BotState } from "../../world/updates/botState.js"
import { allowedUpdateNames, DEFAULT_ALLOWED_UPDATES } from "../../world/updates/updateTypes.js"
import { pumpWebhook, removeWebhook } from "../../world/updates/webhook.js"
import type { World } from "../../world/World.js"
import { apiError, type Described, floodError } from "../envelope.js"
import { type Call, method, methods, type ValuesOf } from "../table/method.js"
import { bool, int, text } from "../table/params.js"
import { abortPoll, allowedUpdates } from "./updates.js"

const described = (description: string): Described => ({ _tag: "Described", result: "true", description })
const SECRET = /^[A-Za-z0-9_-]*$/
const IPV4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])$/

const isLoopback = (host: string): boolean =>
  host === "localhost" || /^127\.[0-9]+\.[0-9]+\.[0-9]+$/.test(host) || host === "[::1]" ||
  host === "[0:0:0:0:0:0:0:1]"

/** What getWebhookInfo shows as the address: the fixed one, the literal address, or loopback for localhost. */
const shownAddress = (host: string, fixed: string): string =>
  fixed !== ""
    ? fixed
    : IPV4.test(host)
    ? host
    : host === "localhost"
    ? "127.0.0.1"
    : host.startsWith("[")
    ? host.slice(1, -1)
    : "<unknown>"

const saveAllowed = (state: BotState, mask: number): void => {
  if (mask !== 0) state.allowedUpdates = mask
}

/** The new webhook's checks, once the old one is gone: the URL, the secret token, the address, the host. */
const newWebhookRefusal = (world: World, url: string, secret: string, fixedIp: string) => {
  const parsed = parseUrl(url, "https")
  if ("error" in parsed) return { refusal: apiError(400, "Bad Request: invalid webhook URL specified") }
  if (secret.length > 256) return { refusal: apiError(400, "Bad Request: secret token is too long") }
  if (!SECRET.test(secret)) return { refusal: apiError(400, "Bad Request: secret token contains unallowed characters") }
  if (fixedIp !== "" && !IPV4.test(fixedIp) && !/^[0-9a-fA-F:]+$/.test(fixedIp)) {
    return { refusal: apiError(400, "Bad Request: bad webhook: Invalid IP address specified") }
  }
  if (!isLoopback(parsed.host) && !world.env.allowHosts.has(parsed.host)) {
    return {
      refusal: apiError(
        400,
        `Bad Request: bad webhook: the mock delivers webhooks to loopback hosts only; allow ${parsed.host} with ` +
          `the server option --webhook-host ${parsed.host} (webhooks.allowHosts in MockTelegram.make)`
      )
    }
  }
  return { host: parsed.host }
}

// The real server reads these without refusing anything; its checks come in setWebhook's own order below.
const webhookParams = {
  url: text,
  certificate: text,
  ip_address: text,
  max_connections: int({ min: 1, max: 100, default: 40 }),
  allowed_updates: allowedUpdates,
  drop_pending_updates: bool,
  secret_token: text
}

const { url: _url, ...webhookParamsButUrl } = webhookParams

const setWebhook = (p: ValuesOf<typeof webhookParams>, call: Call, isSet: boolean) => {
  const { world } = call
  const state = world.botStates.get(call.botId)!
  const now = world.clock.now()
  const url = isSet ? p.url : ""
  if (url !== "") {
    if (now < state.nextSetWebhookAt) return floodError(1)
    state.nextSetWebhookAt = now + 1000
  }
  const maxConnections = url === "" ? 0 : p.max_connections
  const fixedIp = url === "" ? "" : p.ip_address
  const secret = url === "" ? "" : p.secret_token
  const drop = p.drop_pending_updates
  const hook = state.webhook
  const unchanged = (hook?.url ?? "") === url && (hook?.maxConnections ?? 0) === maxConnections &&
    (hook?.fixedIp ?? "") === fixedIp && (hook?.secretToken ?? "") === secret && !drop
  if (unchanged) {
    saveAllowed(state, p.allowed_updates)
    return described(url === "" ? "Webhook is already deleted" : "Webhook is already set")
  }
  if (url !== "") abortPoll(world, state, "Conflict: terminated by setWebhook request")
  const wasSet = hook !== undefined
  if (wasSet) removeWebhook(world, state)
  if (drop) state.queue.clear()
  if (url === "") return described(wasSet ? "Webhook was deleted" : "Webhook is already deleted")
  const checked = newWebhookRefusal(world, url, secret, fixedIp)
  if ("refusal" in checked) return checked.refusal
  state.webhook = {
    url,
    secretToken: secret,
    maxConnections,
    fixedIp,
    ipAddress: shownAddress(checked.host, fixedIp),
    generation: state.webhookGeneration,
    lastErrorDate: 0,
    lastErrorMessage: "",
    inFlight: 0,
    lastSuccessAt: -Infinity,
    first410At: 0,
    timer: undefined
  }
  saveAllowed(state, p.allowed_updates)
  pumpWebhook(world, state)
  return described("Webhook was set")
}

const webhookInfo = (call: Call): string => {
  const state = call.world.botStates.get(call.botId)!
  const hook = state.webhook
  let out = `{"url":${JSON.stringify(hook?.url ?? "")},"has_custom_certificate":false`
  out += `,"pending_update_count":${state.queue.size}`
  if (hook !== undefined && hook.lastErrorDate > 0) {
    out += `,"last_error_date":${hook.lastErrorDate},"last_error_message":${JSON.stringify(hook.lastErrorMessage)}`
  }
  if (hook !== undefined) {
    out += `,"max_connections":${hook.maxConnections},"ip_address":${JSON.stringify(hook.ipAddress)}`
  }
  if (state.allowedUpdates !== DEFAULT_ALLOWED_UPDATES) {
    out += `,"allowed_updates":${JSON.stringify(allowedUpdateNames(state.allowedUpdates))}`
  }
  return out + "}"
}

/** setWebhook, deleteWebhook, getWebhookInfo. */
export const webhookMethods = methods({
  setWebhook: method({
    family: "updates",
    summary: "webhooks to loopback (and allowed) hosts, delivered with retries on the mock's clock",
    params: webhookParams,
    run: (p, call) => setWebhook(p, call, true)
  }),
  deleteWebhook: method({
    family: "updates",
    summary: "removes the webhook (drop_pending_updates clears the queue)",
    // The same handler as setWebhook's, which never reads `url` here.
    params: { ...webhookParamsButUrl },
    run: (p, call) => setWebhook({ ...p, url: "" }, call, false)
  }),
  getWebhookInfo: method({
    family: "updates",
    summary: "the webhook's URL, pending updates, last error, max connections, address, allowed updates",
    params: {},
    run: (_, call) => webhookInfo(call)
  })
})
