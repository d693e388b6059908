/**
 * The help of `tg-invite`: plain text, with bold headings only on a terminal that wants colour (not when stdout is a
 * pipe or a file, and never with `NO_COLOR` set).
 */
import { exitCodeHelp } from "./ExitCode.js"

const TOP = `tg-invite: Telegram invite links from the command line, with flood waits and migrations handled.

Usage:
  tg-invite export <chat> [options]   export the bot's primary invite link and print it
  tg-invite demo                      a narrated tour on the embedded mock Telegram
  tg-invite --help | --version

Run tg-invite export --help for the options of export.`

const EXPORT = `Export the bot's primary invite link for a chat and print it (only it) on stdout.

Usage:
  tg-invite export <chat> [options]

<chat> is an integer id (-1001234567890) or the @username of a supergroup or channel.
The token comes from TELEGRAM_BOT_TOKEN (required); --mock runs on the embedded mock Telegram instead.
Flood waits are honoured (a countdown on stderr), migrations followed (the new id told on stderr).

Options:
  --json                 print a JSON object on stdout instead of the bare link (errors too)
  --max-attempts N       requests in total, retries included (default 5)
  --max-wait DURATION    the longest flood wait accepted, e.g. 60s, 1500ms, 2m (default 60s);
                         a longer retry_after fails at once (exit 4)
  --api-root URL         the Bot API root (default: TELEGRAM_API_ROOT, else https://api.telegram.org)
  --mock                 run on the embedded mock Telegram (its default world); no token needed
  -h, --help             show this help

${exitCodeHelp}`

const DEMO = `A narrated tour on the embedded mock Telegram (what npm start runs): revocation, a flood wait,
a migration followed and remembered, typed refusals. Nothing leaves the process.

Usage:
  tg-invite demo`

/** Whether to colour what is written to a stream: a terminal, and no NO_COLOR. */
export const wantsColour = (stream: { readonly isTTY?: boolean }, env: Record<string, string | undefined>): boolean =>
  stream.isTTY === true && (env["NO_COLOR"] === undefined || env["NO_COLOR"] === "") && env["TERM"] !== "dumb"

/** The help of a topic; headings (lines ending with `:` at the margin) in bold when `colour`. */
export const helpText = (topic: "tg-invite" | "export" | "demo", colour: boolean): string => {
  const text = topic === "export" ? EXPORT : topic === "demo" ? DEMO : TOP
  return colour ? text.replace(/^([A-Z][A-Za-z ]*:)$/gm, "\x1b[1m$1\x1b[22m") : text
}
