/**
 * Export a chat's invite link with the resilient policy (flood waits, migrations, transient failures).
 *
 *   TELEGRAM_BOT_TOKEN=123456:ABC... TELEGRAM_CHAT_ID=-1001234567890 npm run example -- examples/resilient-export.ts
 *
 * TELEGRAM_API_ROOT (default https://api.telegram.org) points it at another server, e.g. the mock.
 */
import { FetchHttpClient } from "@effect/platform"
import { NodeRuntime } from "@effect/platform-node"
import { Config, Effect, Layer } from "effect"
import { BotApi, Policy } from "effect-telegram-invite"
import { pathToFileURL } from "node:url"

/** Exports the link of TELEGRAM_CHAT_ID, logging each wait and the new id if the chat moved. */
export const program = Effect.gen(function*() {
  const chatId = yield* Config.string("TELEGRAM_CHAT_ID")
  const result = yield* Policy.exportChatInviteLink(chatId, {
    onEvent: (event) => Effect.log(Policy.formatEvent(event))
  })
  yield* Effect.log(`invite link for ${result.chatId}: ${result.link}`)
  return result
})

/** The client configured from the environment, over fetch, with the in-memory flood gate and migration registry. */
export const MainLayer = Layer.mergeAll(BotApi.layerConfig(), Policy.layerMemory).pipe(
  Layer.provide(FetchHttpClient.layer)
)

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  program.pipe(Effect.provide(MainLayer), NodeRuntime.runMain)
}
