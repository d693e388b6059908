/**
 * One bot in many processes: the flood gate, the migration registry and proactive rate limits shared through Redis.
 *
 *   REDIS_URL=redis://127.0.0.1:6379 TELEGRAM_BOT_TOKEN=123456:ABC... TELEGRAM_CHAT_ID=-1001234567890 \
 *     npm run example -- examples/many-processes.ts
 */
import { NodeHttpClient, NodeRuntime } from "@effect/platform-node"
import { Config, Effect, Layer } from "effect"
import { BotApi, Policy } from "effect-telegram-invite"
import { RedisConnection, RedisPolicy, RedisRateLimit } from "effect-telegram-invite/redis"
import { pathToFileURL } from "node:url"

/** One Redis connection (REDIS_URL, keys under `tg:<bot id>:`) for the gate, the registry and the limits. */
const Redis = RedisConnection.layerConfig()

/** BotApi with every request waiting for its turn under limits the whole fleet shares (30/s per bot, 20/min per chat). */
const Api = RedisRateLimit.layer(RedisRateLimit.defaults).pipe(Layer.provide(BotApi.layerConfig()))

export const FleetLayer = Layer.mergeAll(Api, RedisPolicy.layerShared).pipe(
  Layer.provide(Redis),
  Layer.provide(NodeHttpClient.layerUndici)
)

export const program = Effect.gen(function*() {
  const chatId = yield* Config.string("TELEGRAM_CHAT_ID")
  const { link } = yield* Policy.exportChatInviteLink(chatId, { onEvent: (e) => Effect.log(Policy.formatEvent(e)) })
  yield* Effect.log(link)
})

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  program.pipe(Effect.provide(FleetLayer), NodeRuntime.runMain)
}
