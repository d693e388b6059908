/**
 * `tg-invite demo` (what `npm start` runs): a short narrated scenario on the embedded mock world,
 * nothing to start or configure: revocation, a flood wait, a migration followed, typed refusals.
 */
import { Clock, Duration, Effect, Either } from "effect"
import type { MockTelegram } from "telegram-bot-api-mock"
import * as BotApi from "../src/BotApi.js"
import type { BotApiError } from "../src/BotApiError.js"
import type { ChatMigrations } from "../src/ChatMigrations.js"
import type { FloodGate } from "../src/FloodGate.js"
import * as Policy from "../src/Policy.js"
import { CliOutput } from "./CliOutput.js"
import { describeError, showEvent } from "./ExportCommand.js"

interface Row {
  readonly step: string
  readonly chat: string
  readonly outcome: string
  readonly requests: number
  readonly ms: number
}

const SUPERGROUP = -1001234567890
const UPGRADED_GROUP = -987654321
const NO_RIGHTS = -1002000000002
const PRIVATE_CHAT = 42
/** Short enough that the demo ends in seconds, long enough to watch. */
const DEMO_RETRY_AFTER = 2

const pad = (text: string, width: number): string => text + " ".repeat(Math.max(0, width - text.length))

const table = (rows: ReadonlyArray<Row>): string => {
  const cells = rows.map((row) => [row.step, row.chat, row.outcome, String(row.requests), `${row.ms} ms`])
  const head = ["step", "chat", "outcome", "requests", "time"]
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)))
  const line = (cols: ReadonlyArray<string>) => `  ${cols.map((c, i) => pad(c, widths[i]!)).join("  ")}`.trimEnd()
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n")
}

export const runDemo = (
  mock: MockTelegram
): Effect.Effect<number, BotApiError, BotApi.BotApi | FloodGate | ChatMigrations | CliOutput> =>
  Effect.gen(function*() {
    const output = yield* CliOutput
    const say = (text: string) => output.out(`${text}\n`)
    const rows: Array<Row> = []
    const options: Policy.Options = { onEvent: (event) => showEvent(output, event) }
    const timed = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
      Effect.gen(function*() {
        const start = yield* Clock.currentTimeMillis
        const result = yield* effect
        return [result, (yield* Clock.currentTimeMillis) - start] as const
      })

    yield* say(
      "tg-invite demo: the library against the embedded mock Telegram (default world); nothing leaves this process.\n"
    )

    yield* say(`1. Export the bot's invite link for the supergroup ${SUPERGROUP}.`)
    const [first, t1] = yield* timed(Policy.exportChatInviteLink(SUPERGROUP, options))
    yield* say(`   ${first.link}`)
    rows.push({ step: "export", chat: String(SUPERGROUP), outcome: "link", requests: first.attempts, ms: t1 })

    yield* say(`\n2. Export again: Telegram makes a new primary link and revokes the bot's previous one.`)
    const [second, t2] = yield* timed(Policy.exportChatInviteLink(SUPERGROUP, options))
    const chat = yield* BotApi.getChat(SUPERGROUP)
    const previous = mock.snapshot().invite_links.find((link) => link.invite_link === first.link)
    yield* say(`   new link:             ${second.link}`)
    yield* say(`   getChat invite_link:  ${chat.invite_link ?? "(none)"}`)
    yield* say(
      `   first link:           ${first.link} ${previous?.is_revoked === true ? "is revoked" : "is still active"}`
    )
    rows.push({
      step: "export again",
      chat: String(SUPERGROUP),
      outcome: "new link, old revoked",
      requests: second.attempts,
      ms: t2
    })

    yield* say(
      `\n3. Flood control: the mock answers the next export 429 "retry after ${DEMO_RETRY_AFTER}"; the policy waits exactly that long.`
    )
    mock.injectFault({
      method: "exportChatInviteLink",
      times: 1,
      reply: { error_code: 429, retry_after: DEMO_RETRY_AFTER }
    })
    const [flooded, t3] = yield* timed(Policy.exportChatInviteLink(SUPERGROUP, options))
    yield* say(`   ${flooded.link} (after ${flooded.attempts} requests, ${(t3 / 1000).toFixed(1)} s)`)
    rows.push({
      step: "flood wait",
      chat: String(SUPERGROUP),
      outcome: `link after ${DEMO_RETRY_AFTER} s wait`,
      requests: flooded.attempts,
      ms: t3
    })

    yield* say(
      `\n4. The basic group ${UPGRADED_GROUP} was upgraded to a supergroup: the policy follows it and remembers.`
    )
    const [migrated, t4] = yield* timed(Policy.exportChatInviteLink(UPGRADED_GROUP, options))
    yield* say(`   ${migrated.link} from chat ${migrated.chatId}`)
    rows.push({
      step: "migration",
      chat: String(UPGRADED_GROUP),
      outcome: `followed to ${migrated.chatId}`,
      requests: migrated.attempts,
      ms: t4
    })
    const [again, t5] = yield* timed(Policy.exportChatInviteLink(UPGRADED_GROUP, options))
    yield* say(`   again for ${UPGRADED_GROUP}: ${again.link}, ${again.attempts} request (the move was remembered)`)
    rows.push({
      step: "remembered",
      chat: String(UPGRADED_GROUP),
      outcome: `straight to ${again.chatId}`,
      requests: again.attempts,
      ms: t5
    })

    yield* say(`\n5. Typed refusals: no policy retries these; the caller gets Telegram's error_code and description.`)
    for (
      const [chatId, why] of [[NO_RIGHTS, "admin without can_invite_users"], [PRIVATE_CHAT, "a private chat"]] as const
    ) {
      const [result, ms] = yield* timed(Effect.either(Policy.exportChatInviteLink(chatId, options)))
      if (Either.isRight(result)) {
        yield* say(`   ${chatId} (${why}): unexpectedly got ${result.right.link}`)
        rows.push({ step: "refusal", chat: String(chatId), outcome: "link?!", requests: result.right.attempts, ms })
        continue
      }
      const error = result.left
      yield* say(`   ${chatId} (${why}): ${error._tag}: ${describeError(error, Duration.seconds(60))}`)
      rows.push({
        step: "refusal",
        chat: String(chatId),
        outcome: error._tag === "TelegramApiError" ? `${error._tag} ${error.errorCode}` : error._tag,
        requests: 1,
        ms
      })
    }

    yield* say(`\nSummary\n${table(rows)}`)
    yield* say(`\nTry it yourself: npm run --silent tg-invite -- export -1001234567890 --mock`)
    return 0
  })
