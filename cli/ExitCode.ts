/** The CLI's exit codes: one per kind of failure, documented in `--help` and the README. */
import type { BotApiError } from "effect-telegram-invite/BotApiError"

export const ExitCode = {
  /** The link was exported. */
  ok: 0,
  /** Something unexpected (a bug): please report it. */
  unexpected: 1,
  /** Invalid input (a chat id that is neither an integer nor an @username, a bad option); nothing was sent. */
  invalidInput: 2,
  /** Telegram refused the call (`error_code` and `description` are printed). */
  telegramError: 3,
  /** Flood control asked for a longer wait than `--max-wait`, or the attempts ran out while waiting. */
  floodWait: 4,
  /** The chat migrated more times than the policy follows. */
  chatMigrated: 5,
  /** No usable answer: network failure, timeout, a proxy's HTML page, a body that is not the Bot API's. */
  transport: 6
} as const

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

export const exitCodeOf = (error: BotApiError): ExitCode => {
  switch (error._tag) {
    case "InvalidChatIdError":
      return ExitCode.invalidInput
    case "TelegramApiError":
      return ExitCode.telegramError
    case "FloodWaitError":
      return ExitCode.floodWait
    case "ChatMigratedError":
      return ExitCode.chatMigrated
    case "TransportError":
      return ExitCode.transport
  }
}

/** The table printed by `--help` and shown in the README. */
export const exitCodeHelp = `Exit codes:
  0  the link was exported
  1  unexpected failure (a bug: please report it)
  2  invalid input (bad chat id or option); nothing was sent
  3  Telegram refused the call (its error_code and description are printed)
  4  flood control: the wait asked for is longer than --max-wait, or the attempts ran out
  5  the chat migrated more times than followed
  6  transport failure: network, timeout, or an answer that is not the Bot API's`
