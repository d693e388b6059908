/**
 * examples/invite-bot.ts (examples/effect4/invite-bot.ts in the Effect 4 edition), compiled by `tsc` and run: in-process against the mock (MockHttpClient) on the TestClock,
 * where people act through MockTelegram and the test waits for the bot's log lines (never for time); and as its own
 * process against the standalone mock server, driven the same way through the server's MockTelegram.
 */
import { assert, describe, it } from "@effect/vitest"
import { Clock, Duration, Effect, Fiber, Layer, Queue } from "effect"
import { type ChildProcess, spawn } from "node:child_process"
import { DEFAULT_BOT_ID, DEFAULT_BOT_TOKEN, MockTelegram, startMockServer } from "telegram-bot-api-mock"
import { callback } from "../../src/edition/combinators.js"
import { layerMockHttpClient, mockClockFromEffect } from "../../src/MockHttpClient.js"
import { configLayer } from "../edition/config.js"
import { InviteBot } from "../edition/examples.js"
import { fork } from "../edition/fiber.js"
import { loggerLayer } from "../edition/logger.js"
import { packageDir } from "../edition/processes.js"
import { offerNow } from "../edition/queue.js"
import { TestClock } from "../edition/testClock.js"
import { exampleArgs } from "./run.js"

const GROUP = -1001234567890
const BOB = 43 // starts the bot
const CAROL = 44 // never does

/** The URL and callback data of the buttons of the last message the bot sent `userId`. */
const lastButtons = (mock: MockTelegram, userId: number) => {
  const message = mock.messages(userId).at(-1) as {
    message_id: number
    reply_markup?: { inline_keyboard: Array<Array<{ text: string; url?: string; callback_data?: string }>> }
  }
  const buttons = message.reply_markup?.inline_keyboard.flat() ?? []
  return { message_id: message.message_id, buttons }
}

describe("examples/invite-bot.ts", () => {
  it.effect("in-process on the TestClock: Bob starts it, gets a link button, asks to join and is let in; Carol is declined", () =>
    Effect.gen(function*() {
      const mock = MockTelegram.make({ clock: mockClockFromEffect(yield* Clock.clockWith(Effect.succeed)) })
      const lines = yield* Queue.unbounded<string>()
      const logger = loggerLayer(({ message }) =>
        offerNow(lines, Array.isArray(message) ? message.join(" ") : String(message))
      )
      const env = configLayer({ TELEGRAM_BOT_TOKEN: DEFAULT_BOT_TOKEN, TELEGRAM_CHAT_ID: String(GROUP) })
      const bot = yield* InviteBot.program.pipe(
        Effect.provide(InviteBot.BotLayer.pipe(Layer.provide(layerMockHttpClient(mock)))),
        Effect.provide(Layer.mergeAll(logger, env)),
        fork
      )
      assert.strictEqual(yield* Queue.take(lines), `invite bot for chat ${GROUP}: polling for updates`)
      // A quiet minute: the long polls come back empty at 30 s and the bot polls again, on the TestClock.
      yield* TestClock.adjust(Duration.minutes(1))

      mock.send(BOB, { text: "/start" })
      assert.strictEqual(yield* Queue.take(lines), "Bob (@bob) started the bot")
      assert.strictEqual(mock.messages(BOB).at(-1)?.["text"], "Hello! Send /invite for a link to the group.")

      mock.send(BOB, { text: "/invite" })
      const sent = yield* Queue.take(lines)
      const { buttons, message_id } = lastButtons(mock, BOB)
      const link = buttons[0]?.url ?? ""
      assert.strictEqual(sent, `sent Bob (@bob) the link ${link}`)
      assert.deepStrictEqual(buttons, [
        { text: "Join the group", url: link },
        { text: "Another link", callback_data: "invite" }
      ])
      assert.strictEqual(mock.link(link)?.creates_join_request, true)

      // The callback button: answered, and a second, different link.
      const pressed = mock.press(BOB, { message_id, data: "invite" }) as { callback_query_id: string }
      const another = yield* Queue.take(lines)
      assert.match(another, /^sent Bob \(@bob\) the link https:\/\/t\.me\/\+/)
      assert.notInclude(another, link)
      assert.strictEqual(mock.callbackQuery(pressed.callback_query_id)?.answer?.text, "A new link is on its way")

      assert.deepStrictEqual(mock.join(BOB, { invite_link: link }), { ok: true, status: "requested", chat_id: GROUP })
      assert.strictEqual(yield* Queue.take(lines), "approved the join request of Bob (@bob)")
      assert.strictEqual(yield* Queue.take(lines), "Bob (@bob) joined Seed Supergroup by an approved request")

      // Carol got the link from Bob, but never started the bot.
      assert.strictEqual(mock.join(CAROL, { invite_link: link }).ok, true)
      assert.strictEqual(
        yield* Queue.take(lines),
        "declined the join request of Carol (@carol): never started the bot"
      )
      const members = (mock.chat(GROUP)?.members ?? []).map((m): [number, string] => [m.user_id, m.status])
      assert.deepInclude(members, [BOB, "member"])
      assert.notDeepInclude(members, [CAROL, "member"])

      yield* Fiber.interrupt(bot)
      // Every update was handled, hence confirmed: none waits for the next run.
      assert.strictEqual(mock.pendingUpdateCount(DEFAULT_BOT_ID), 0)
    }))

  it.live("as a process (tsx) against the standalone mock server", () =>
    Effect.gen(function*() {
      const server = yield* Effect.acquireRelease(
        Effect.promise(() => startMockServer({ mock: MockTelegram.make() })),
        (s) => Effect.promise(() => s.close())
      )
      const child = yield* Effect.acquireRelease(
        Effect.sync(() =>
          spawn(
            process.execPath,
            exampleArgs("invite-bot.ts"),
            {
              cwd: packageDir,
              env: {
                ...process.env,
                TELEGRAM_BOT_TOKEN: DEFAULT_BOT_TOKEN,
                TELEGRAM_API_ROOT: server.url,
                TELEGRAM_CHAT_ID: String(GROUP)
              },
              stdio: ["ignore", "pipe", "pipe"]
            }
          )
        ),
        (child) => Effect.sync(() => child.kill())
      )
      const output = outputOf(child)
      yield* output.line(/polling for updates/)
      server.mock.send(BOB, { text: "/start" })
      yield* output.line(/Bob \(@bob\) started the bot/)
      server.mock.send(BOB, { text: "/invite" })
      yield* output.line(/sent Bob \(@bob\) the link/)
      const link = lastButtons(server.mock, BOB).buttons[0]?.url ?? ""
      assert.match(link, /^https:\/\/t\.me\/\+[A-Za-z0-9_-]{16}$/)
      server.mock.join(BOB, { invite_link: link })
      yield* output.line(/Bob \(@bob\) joined Seed Supergroup by an approved request/)
      server.mock.join(CAROL, { invite_link: link })
      yield* output.line(/declined the join request of Carol \(@carol\)/)
      assert.notInclude(output.text(), DEFAULT_BOT_TOKEN.split(":")[1]!)
    }).pipe(Effect.scoped), 60_000)
})

/** The child's output, and a wait for a line matching a pattern (it fails if the process ends first). */
const outputOf = (child: ChildProcess) => {
  let text = ""
  const waiters = new Set<() => void>()
  const onData = (chunk: Buffer) => {
    text += chunk.toString("utf8")
    for (const wake of waiters) wake()
  }
  child.stdout?.on("data", onData)
  child.stderr?.on("data", onData)
  child.on("exit", () => {
    for (const wake of waiters) wake()
  })
  let from = 0
  return {
    text: () => text,
    line: (pattern: RegExp) =>
      callback<void, Error>((resume) => {
        const check = () => {
          const match = pattern.exec(text.slice(from))
          if (match !== null) {
            from += match.index + match[0].length
            waiters.delete(check)
            resume(Effect.void)
          } else if (child.exitCode !== null) {
            waiters.delete(check)
            resume(Effect.fail(new Error(`the bot exited (${child.exitCode}) before ${pattern}:\n${text}`)))
          }
        }
        waiters.add(check)
        check()
        return Effect.sync(() => waiters.delete(check))
      })
  }
}
