/**
 * `tg-invite demo` (what `npm start` runs): a short narrated scenario on the embedded mock world,
 * nothing to start or configure: revocation, a flood wait, a migration followed, typed refusals.
 *
 * The summary says what happened, not what was meant to: each row's requests are the mock's journal entries of that
 * step, its outcome is read from the results, the policy's events and the mock's world (is the first link revoked?
 * did the remembered call go straight to the new chat?), and its time is measured on Effect's clock.
 */
import * as BotApi from "effect-telegram-invite/BotApi"
import type { BotApiError } from "effect-telegram-invite/BotApiError"
import type { ChatMigrations } from "effect-telegram-invite/ChatMigrations"
import type { FloodGate } from "effect-telegram-invite/FloodGate"
import * as Policy from "effect-telegram-invite/Policy"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { JournalEntry, MockTelegram } from "telegram-bot-api-mock"
import { CliOutput } from "./CliOutput.js"
import { describeError, showEvent } from "./ExportCommand.js"

/** One row of the summary. */
export interface DemoRow {
  readonly step: "export" | "export again" | "flood wait" | "migration" | "remembered" | "refusal"
  readonly chat: string
  readonly outcome: string
  /** Requests the mock answered during the step (its journal), retries included. */
  readonly requests: number
  /** Time of the step on Effect's clock. */
  readonly ms: number
}

/** What the demo did: the summary's rows and the links it got, in order. */
export interface DemoReport {
  readonly rows: ReadonlyArray<DemoRow>
  readonly links: ReadonlyArray<string>
}

const SUPERGROUP = -1001234567890
const UPGRADED_GROUP = -987654321
const NO_RIGHTS = -1002000000002
const PRIVATE_CHAT = 42
/** Short enough that the demo ends in seconds, long enough to watch. */
const DEMO_RETRY_AFTER = 2

const pad = (text: string, width: number): string => text + " ".repeat(Math.max(0, width - text.length))

/** The summary table, as printed. */
export const summaryTable = (rows: ReadonlyArray<DemoRow>): string => {
  const cells = rows.map((row) => [row.step, row.chat, row.outcome, String(row.requests), `${row.ms} ms`])
  const head = ["step", "chat", "outcome", "requests", "time"]
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)))
  const line = (cols: ReadonlyArray<string>) => `  ${cols.map((c, i) => pad(c, widths[i]!)).join("  ")}`.trimEnd()
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n")
}

/** Whole seconds when whole, else one decimal. */
const seconds = (ms: number): string => (ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(1))

/**
 * The closing hint's command, as it works where the demo runs: `npm start` or `npm run tg-invite` in this repository
 * (npm names the script and the package) goes through the repository's script; anywhere else (installed, run through
 * npx or the bin itself) the installed bin is what answers.
 */
export const tryItCommand = (env: Readonly<Record<string, string | undefined>>): string => {
  const inThisRepository = env["npm_package_name"] === "effect-telegram-invite" &&
    (env["npm_lifecycle_event"] === "start" || env["npm_lifecycle_event"] === "tg-invite")
  const exportCommand = "export -1001234567890 --mock"
  return inThisRepository ? `npm run --silent tg-invite -- ${exportCommand}` : `npx tg-invite ${exportCommand}`
}

/** Runs the tour on `mock` (which the BotApi in context must answer from) and returns what happened. */
export const demo = (
  mock: MockTelegram,
  tryIt: string = tryItCommand(process.env)
): Effect.Effect<DemoReport, BotApiError, BotApi.BotApi | FloodGate | ChatMigrations | CliOutput> =>
  Effect.gen(function*() {
    const output = yield* CliOutput
    const say = (text: string) => output.out(`${text}\n`)
    const rows: Array<DemoRow> = []
    const links: Array<string> = []
    /** The policy's events of the current step (shown as they come, and kept for the summary). */
    let events: Array<Policy.PolicyEvent> = []
    const options: Policy.Options = {
      onEvent: (event) => Effect.zipRight(Effect.sync(() => void events.push(event)), showEvent(output, event))
    }
    /**
     * Runs one step: its result, its time on Effect's clock, the journal entries the mock wrote meanwhile (the
     * journal is a ring buffer far longer than the tour), and the policy's events.
     */
    const step = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
      Effect.gen(function*() {
        const mark = mock.journal().length
        events = []
        const start = yield* Clock.currentTimeMillis
        const result = yield* effect
        const ms = (yield* Clock.currentTimeMillis) - start
        const requests = mock.journal().slice(mark)
        return { result, ms, requests, events }
      })
    const exports = (entries: ReadonlyArray<JournalEntry>) =>
      entries.filter((entry) => entry.method === "exportChatInviteLink")

    yield* say(
      "tg-invite demo: the library against the embedded mock Telegram (default world); nothing leaves this process.\n"
    )

    yield* say(`1. Export the bot's invite link for the supergroup ${SUPERGROUP}.`)
    const first = yield* step(Policy.exportChatInviteLink(SUPERGROUP, options))
    const botId = first.requests[0]?.bot_id
    const isCurrent = typeof botId === "number" && mock.primaryLink(SUPERGROUP, botId) === first.result.link
    yield* say(`   ${first.result.link}`)
    links.push(first.result.link)
    rows.push({
      step: "export",
      chat: String(SUPERGROUP),
      outcome: isCurrent ? "link" : "link, not the bot's current one",
      requests: first.requests.length,
      ms: first.ms
    })

    yield* say(`\n2. Export again: Telegram makes a new primary link and revokes the bot's previous one.`)
    const second = yield* step(Policy.exportChatInviteLink(SUPERGROUP, options))
    const chat = yield* BotApi.getChat(SUPERGROUP)
    const differ = second.result.link !== first.result.link
    const revoked = mock.link(first.result.link)?.is_revoked === true
    yield* say(`   new link:             ${second.result.link}`)
    yield* say(`   getChat invite_link:  ${chat.invite_link ?? "(none)"}`)
    yield* say(`   first link:           ${first.result.link} ${revoked ? "is revoked" : "is still active"}`)
    links.push(second.result.link)
    rows.push({
      step: "export again",
      chat: String(SUPERGROUP),
      outcome: !differ ? "the same link" : revoked ? "new link, old revoked" : "new link, old still active",
      requests: second.requests.length,
      ms: second.ms
    })

    yield* say(
      `\n3. Flood control: the mock answers the next export 429 "retry after ${DEMO_RETRY_AFTER}"; the policy waits exactly that long.`
    )
    mock.injectFault({
      method: "exportChatInviteLink",
      times: 1,
      reply: { error_code: 429, retry_after: DEMO_RETRY_AFTER }
    })
    const flooded = yield* step(Policy.exportChatInviteLink(SUPERGROUP, options))
    const waitedMs = flooded.events.reduce(
      (sum, event) => event._tag === "FloodWait" ? sum + Duration.toMillis(event.retryAfter) : sum,
      0
    )
    const told429 = exports(flooded.requests).filter((entry) => entry.status === 429).length
    yield* say(
      `   ${flooded.result.link} (after ${flooded.result.attempts} requests, ${(flooded.ms / 1000).toFixed(1)} s)`
    )
    links.push(flooded.result.link)
    rows.push({
      step: "flood wait",
      chat: String(SUPERGROUP),
      outcome: told429 === 0 ? "link, never told to wait" : `link after ${seconds(waitedMs)} s wait`,
      requests: flooded.requests.length,
      ms: flooded.ms
    })

    yield* say(
      `\n4. The basic group ${UPGRADED_GROUP} was upgraded to a supergroup: the policy follows it and remembers.`
    )
    const migrated = yield* step(Policy.exportChatInviteLink(UPGRADED_GROUP, options))
    yield* say(`   ${migrated.result.link} from chat ${migrated.result.chatId}`)
    links.push(migrated.result.link)
    rows.push({
      step: "migration",
      chat: String(UPGRADED_GROUP),
      outcome: migrated.result.migratedFrom === undefined ? "link, no move" : `followed to ${migrated.result.chatId}`,
      requests: migrated.requests.length,
      ms: migrated.ms
    })
    const again = yield* step(Policy.exportChatInviteLink(UPGRADED_GROUP, options))
    const straight = exports(again.requests).every((entry) => entry.chat_id === String(again.result.chatId))
    yield* say(
      `   again for ${UPGRADED_GROUP}: ${again.result.link}, ${again.requests.length} request${
        again.requests.length === 1 ? "" : "s"
      }${straight ? " (the move was remembered)" : ""}`
    )
    links.push(again.result.link)
    rows.push({
      step: "remembered",
      chat: String(UPGRADED_GROUP),
      outcome: straight ? `straight to ${again.result.chatId}` : `via ${UPGRADED_GROUP} again`,
      requests: again.requests.length,
      ms: again.ms
    })

    yield* say(`\n5. Typed refusals: no policy retries these; the caller gets Telegram's error_code and description.`)
    for (
      const [chatId, why] of [[NO_RIGHTS, "admin without can_invite_users"], [PRIVATE_CHAT, "a private chat"]] as const
    ) {
      const refusal = yield* step(Effect.either(Policy.exportChatInviteLink(chatId, options)))
      const result = refusal.result
      let outcome: string
      if (Either.isRight(result)) {
        yield* say(`   ${chatId} (${why}): unexpectedly got ${result.right.link}`)
        links.push(result.right.link)
        outcome = "link?!"
      } else {
        const error = result.left
        yield* say(`   ${chatId} (${why}): ${error._tag}: ${describeError(error, Duration.seconds(60))}`)
        outcome = error._tag === "TelegramApiError" ? `${error._tag} ${error.errorCode}` : error._tag
      }
      rows.push({ step: "refusal", chat: String(chatId), outcome, requests: refusal.requests.length, ms: refusal.ms })
    }

    yield* say(`\nSummary\n${summaryTable(rows)}`)
    yield* say(`\nTry it yourself: ${tryIt}`)
    return { rows, links }
  })

/** The tour, for the CLI: its exit code (0) once everything was printed. */
export const runDemo = (
  mock: MockTelegram
): Effect.Effect<number, BotApiError, BotApi.BotApi | FloodGate | ChatMigrations | CliOutput> =>
  Effect.as(demo(mock), 0)
