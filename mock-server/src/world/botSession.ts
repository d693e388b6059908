/**
 * A bot's session with the server, for `close` and `logOut` (Client.cpp on_cmd, get_closing_error,
 * finish_closing): when its client last started, and how long a logged-out bot is answered `Logged out`. A
 * logged-out bot's token leaves `botsByToken` (so the hot path of every other request is untouched) and comes back
 * when the time is over.
 */
import type { World } from "./World.js"

/** One bot's session. */
export interface BotSession {
  readonly botId: number
  readonly token: string
  /** When its client (last) started (ms). */
  clientStartedAt: number
  /** Until when a logged-out bot is answered `Logged out` (ms); 0 when it is logged in. */
  loggedOutUntil: number
}

const MINUTE = 60_000

/** The bot's session (its client started with the server unless it was closed since). */
export const botSession = (world: World, botId: number, token: string): BotSession => {
  let session = world.sessions.get(botId)
  if (session === undefined) {
    session = { botId, token, clientStartedAt: world.startedAt, loggedOutUntil: 0 }
    world.sessions.set(botId, session)
  }
  return session
}

/**
 * The seconds `close` must wait: a client started more than 10 minutes after the server may be closed only when it
 * has run for 10 minutes; 0 when it may close now.
 */
export const closeWait = (world: World, session: BotSession): number => {
  const now = world.clock.now()
  const wait = Math.floor((10 * MINUTE - (now - session.clientStartedAt)) / 1000)
  return wait > 0 && session.clientStartedAt > world.startedAt + 10 * MINUTE ? wait : 0
}

/** The client is closed; the next request starts a new one (taken as starting now). */
export const markClosed = (world: World, session: BotSession): void => {
  session.clientStartedAt = world.clock.now()
}

/**
 * The bot logs out: its token answers `Logged out` while the real server keeps the closed client (30 minutes after a
 * login less than 30 minutes old, else a moment) and at least the 10 minutes Telegram refuses to log it in again.
 */
export const markLoggedOut = (world: World, session: BotSession): void => {
  const now = world.clock.now()
  const kept = now - session.clientStartedAt < 30 * MINUTE ? 30 * MINUTE : 1000
  session.loggedOutUntil = now + Math.max(kept, 10 * MINUTE)
  world.botsByToken.delete(session.token)
  world.loggedOut.set(session.token, session)
}

/** A token of a logged-out bot: true while it is answered `Logged out`; past that, the bot is logged in again. */
export const isLoggedOut = (world: World, token: string): boolean => {
  const session = world.loggedOut.get(token)
  if (session === undefined) return false
  const now = world.clock.now()
  if (now < session.loggedOutUntil) return true
  world.loggedOut.delete(token)
  world.botsByToken.set(token, session.botId)
  session.loggedOutUntil = 0
  session.clientStartedAt = now
  return false
}
