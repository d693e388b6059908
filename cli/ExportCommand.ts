/**
 * `tg-invite export <chat>`: the `resilient` export with a person watching (countdowns, migration
 * notices on stderr) and a pipe reading (only the link on stdout).
 */
import type { BotApi } from "effect-telegram-invite/BotApi"
import type { BotApiError } from "effect-telegram-invite/BotApiError"
import * as ChatId from "effect-telegram-invite/ChatId"
import type { ChatMigrations } from "effect-telegram-invite/ChatMigrations"
import type { FloodGate } from "effect-telegram-invite/FloodGate"
import * as Policy from "effect-telegram-invite/Policy"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Scope from "effect/Scope"
import { CliOutput, type CliOutputService } from "./CliOutput.js"
import { ExitCode, exitCodeOf } from "./ExitCode.js"

export interface ExportArgs {
  readonly chat: string
  readonly json: boolean
  readonly maxAttempts: number
  readonly maxWait: Duration.Duration
}

/** How a flood wait is shown: a live countdown on a terminal, one line otherwise. */
export const showFloodWait = (
  output: CliOutputService,
  event: Policy.FloodWait
): Effect.Effect<void, never, Scope.Scope> => {
  const seconds = Math.ceil(Duration.toMillis(event.retryAfter) / 1000)
  const line = (left: number) =>
    `flood control: retrying ${event.method} in ${left} s (attempt ${event.attempt} of ${event.maxAttempts})`
  if (!output.errIsTTY) return output.err(`${line(seconds)}\n`)
  // The countdown runs beside the wait, on the same Clock, in the wait's scope: it ends with the wait, and the
  // line is cleared however it ends (done, interrupted, cut short).
  const countdown = Effect.gen(function*() {
    for (let left = seconds; left > 0; left--) {
      yield* output.err(`\r\x1b[K${line(left)}`)
      yield* Effect.sleep(Duration.seconds(1))
    }
  }).pipe(Effect.ensuring(output.err(`\r\x1b[K`)))
  return Effect.asVoid(Effect.forkScoped(countdown))
}

/** What the CLI says on stderr for each policy event. */
export const showEvent = (
  output: CliOutputService,
  event: Policy.PolicyEvent
): Effect.Effect<void, never, Scope.Scope> => {
  switch (event._tag) {
    case "FloodWait":
      return showFloodWait(output, event)
    case "Migrated":
      return output.err(
        event.remembered
          ? `chat ${event.from} was upgraded to a supergroup earlier: using its new id ${event.to}\n`
          : `chat ${event.from} was upgraded to a supergroup: its new id is ${event.to} (update the id you store)\n`
      )
    case "TransientRetry":
      return output.err(`${Policy.formatEvent(event)}\n`)
  }
}

/** One clear line for a typed failure, with Telegram's own description when there is one. */
export const describeError = (error: BotApiError, maxWait: Duration.Duration): string => {
  switch (error._tag) {
    case "InvalidChatIdError":
      return `invalid chat id ${JSON.stringify(error.input)}: ${error.reason}; nothing was sent`
    case "TelegramApiError":
      return `Telegram refused ${error.method} for ${error.chatId}: ${error.description} (error ${error.errorCode})`
    case "FloodWaitError": {
      const wait = Math.ceil(Duration.toMillis(error.retryAfter) / 1000)
      // The policy says why it gave up; a failure it did not give up on is read as the wait being too long.
      return (Policy.giveUpReason(error) ?? "FloodWaitTooLong") === "FloodWaitTooLong"
        ? `flood control: Telegram asks to wait ${wait} s before ${error.method}, longer than --max-wait ${
          Math.round(Duration.toSeconds(maxWait))
        } s: ${error.description}`
        : `flood control: still told to wait ${wait} s after the last attempt: ${error.description}`
    }
    case "ChatMigratedError":
      return `chat ${error.chatId} migrated again (to ${error.migrateToChatId}) after the hops followed: ${error.description}`
    case "TransportError":
      // The message starts with the method and the chat: said once.
      return `no usable answer to ${error.message}`
  }
}

const errorJson = (error: BotApiError, code: ExitCode): Record<string, unknown> => {
  const base = { ok: false, error: error._tag, exit_code: code, message: error.message }
  switch (error._tag) {
    case "TelegramApiError":
      return { ...base, error_code: error.errorCode, description: error.description }
    case "FloodWaitError":
      return { ...base, retry_after: Duration.toSeconds(error.retryAfter), description: error.description }
    case "ChatMigratedError":
      return { ...base, migrate_to_chat_id: error.migrateToChatId }
    case "TransportError":
      return { ...base, reason: error.reason, ...(error.status !== undefined ? { status: error.status } : {}) }
    case "InvalidChatIdError":
      return { ...base, input: error.input, reason: error.reason }
  }
}

/** Runs the export; never fails: every outcome is an exit code, and what to print has been printed. */
export const runExport = (
  args: ExportArgs
): Effect.Effect<ExitCode, never, BotApi | FloodGate | ChatMigrations | CliOutput> =>
  Effect.gen(function*() {
    const output = yield* CliOutput
    const fail = (error: BotApiError) =>
      Effect.gen(function*() {
        const code = exitCodeOf(error)
        yield* output.err(`tg-invite: ${describeError(error, args.maxWait)}\n`)
        if (args.json) yield* output.out(`${JSON.stringify(errorJson(error, code))}\n`)
        return code
      })
    const chatId = ChatId.validate(args.chat)
    if (Either.isLeft(chatId)) return yield* fail(chatId.left)
    const result = yield* Policy.exportChatInviteLink(chatId.right, {
      maxAttempts: args.maxAttempts,
      maxFloodWait: args.maxWait,
      onEvent: (event) => showEvent(output, event)
    }).pipe(Effect.either)
    if (Either.isLeft(result)) return yield* fail(result.left)
    const { link, chatId: answered, migratedFrom, attempts } = result.right
    yield* output.out(
      args.json
        ? `${
          JSON.stringify({
            ok: true,
            link,
            chat_id: answered,
            ...(migratedFrom !== undefined ? { migrated_from: migratedFrom } : {}),
            attempts
          })
        }\n`
        : `${link}\n`
    )
    return ExitCode.ok
  })
