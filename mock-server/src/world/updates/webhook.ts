/**
 * Webhook delivery, decided in the core (telegram-wire-bots.md §10): which queued update goes out next (one per chat
 * or user key at a time, up to max_connections, only one connection until a delivery succeeds), what a 2xx or a
 * failure does (confirm and run the answered method; or last_error_* and the real backoff: at once, then 2, 4, 8 …
 * s capped, or Retry-After), all on the mock's clock. The deliverer only does the I/O.
 */
import { startTimer } from "../timers.js"
import type { World } from "../World.js"
import type { BotState } from "./botState.js"
import { type QueuedUpdate, updateJson } from "./UpdateQueue.js"
import type { WebhookReply, WebhookState } from "./webhookTypes.js"

/** The real server drops a webhook that answered 410 Gone without a break for this long. */
const DROP_AFTER_GONE_MS = 23 * 3600 * 1000
const MAX_RETRY_AFTER = 3600

/** The Host header of a URL (with the port when it is not the scheme's default). */
const hostHeader = (url: URL): string => url.host

/** The request headers, in the real server's order. */
const deliveryHeaders = (hook: WebhookState, body: string): Array<readonly [string, string]> => {
  const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(hook.url) ? hook.url : `https://${hook.url}`)
  const headers: Array<readonly [string, string]> = [["Host", hostHeader(url)]]
  if (url.username !== "" || url.password !== "") {
    const userinfo = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
    headers.push(["Authorization", `Basic ${Buffer.from(userinfo).toString("base64")}`])
  }
  if (hook.secretToken !== "") headers.push(["X-Telegram-Bot-Api-Secret-Token", hook.secretToken])
  headers.push(["Content-Type", "application/json"], ["Content-Length", String(Buffer.byteLength(body))])
  headers.push(["Connection", "keep-alive"], ["Accept-Encoding", "gzip, deflate"])
  return headers
}

/** Starts whatever deliveries may start now, and sets the loop's next wake-up. */
export const pumpWebhook = (world: World, state: BotState): void => {
  const hook = state.webhook
  if (hook === undefined || world.env.deliver === undefined) return
  const now = world.clock.now()
  const nowSec = Math.floor(now / 1000)
  const connections = now - hook.lastSuccessAt > 10_000 ? 1 : hook.maxConnections
  const busy = new Set<string>()
  let nextWake = Infinity
  // The real server loads at most twice max_connections updates at a time and picks among those.
  for (const update of state.queue.first(hook.maxConnections * 2)) {
    if (busy.has(update.key)) continue
    busy.add(update.key)
    if (update.inFlight) continue
    if (update.expiresAt < nowSec) {
      state.queue.remove(update)
      continue
    }
    if (update.wakeupAt > now) {
      nextWake = Math.min(nextWake, update.wakeupAt)
      continue
    }
    if (hook.inFlight >= connections) break
    send(world, state, hook, update)
  }
  if (nextWake !== Infinity && (hook.timer === undefined || hook.timer.at > nextWake)) {
    hook.timer?.cancel()
    const cancel = startTimer(world, nextWake, () => {
      if (hook.timer?.cancel === cancel) hook.timer = undefined
      pumpWebhook(world, state)
    })
    hook.timer = { at: nextWake, cancel }
  }
}

const send = (world: World, state: BotState, hook: WebhookState, update: QueuedUpdate): void => {
  const body = updateJson(update)
  update.inFlight = true
  hook.inFlight++
  const delivery = {
    botId: state.botId,
    updateId: update.id,
    url: hook.url,
    headers: deliveryHeaders(hook, body),
    body
  }
  let reply: Promise<WebhookReply>
  try {
    reply = world.env.deliver!(delivery)
  } catch (error) {
    reply = Promise.resolve({ error: error instanceof Error ? error.message : String(error) })
  }
  void Promise.resolve(reply).then(
    (answer) => complete(world, state, update, hook.generation, answer),
    (error: unknown) =>
      complete(world, state, update, hook.generation, { error: error instanceof Error ? error.message : String(error) })
  )
}

const complete = (world: World, state: BotState, update: QueuedUpdate, generation: number, reply: WebhookReply) => {
  try {
    const hook = state.webhook
    if (hook === undefined || hook.generation !== generation) {
      // A delivery of a webhook since replaced or removed: the update stays queued, unconfirmed, and its state is the
      // new webhook's (removeWebhook forgot the old one's).
      if (hook !== undefined) pumpWebhook(world, state)
      return
    }
    update.inFlight = false
    hook.inFlight--
    const now = world.clock.now()
    if ("status" in reply && reply.status >= 200 && reply.status <= 299) {
      state.queue.remove(update)
      hook.lastSuccessAt = now
      hook.first410At = 0
      world.env.executeReply(state.botId, reply)
    } else {
      failed(world, state, hook, update, reply, now)
    }
    if (state.webhook === hook) pumpWebhook(world, state)
  } catch (error) {
    world.env.onDefect(error)
  }
}

const failed = (
  world: World,
  state: BotState,
  hook: WebhookState,
  update: QueuedUpdate,
  reply: WebhookReply,
  now: number
): void => {
  hook.lastErrorDate = Math.floor(now / 1000)
  hook.lastErrorMessage = "error" in reply
    ? reply.error
    : `Wrong response from the webhook: ${reply.status} ${reply.statusText}`
  if ("status" in reply && reply.status === 410) {
    if (hook.first410At === 0) hook.first410At = now
    else if (now > hook.first410At + DROP_AFTER_GONE_MS) return removeWebhook(world, state)
  } else {
    hook.first410At = 0
  }
  const retryAfter = "status" in reply ? Math.max(0, Math.min(MAX_RETRY_AFTER, leadingInt(reply.retryAfter))) : 0
  let nextDelay = update.delay
  let wait = retryAfter
  if (retryAfter === 0 && update.failCount > 0) {
    nextDelay = Math.min(world.env.retryCapSeconds, nextDelay * 2)
    wait = nextDelay
  }
  if (Math.floor(now / 1000) + wait > update.expiresAt) {
    state.queue.remove(update)
    return
  }
  update.delay = nextDelay
  update.wakeupAt = now + wait * 1000
  update.failCount++
}

const leadingInt = (text: string | undefined): number => {
  const match = text === undefined ? null : /^\s*-?[0-9]+/.exec(text)
  return match === null ? 0 : Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, Number(match[0])))
}

/**
 * Removes the bot's webhook (deleteWebhook, a new setWebhook, or 23 hours of 410 Gone); queued updates stay, with
 * their delivery state forgotten: the real server's WebhookActor keeps it, and a new webhook is a new actor, so a
 * held update goes out at once instead of waiting out the old backoff.
 */
export const removeWebhook = (_world: World, state: BotState): void => {
  state.webhook?.timer?.cancel()
  state.webhook = undefined
  state.webhookGeneration++
  state.queue.forgetDeliveries()
}
