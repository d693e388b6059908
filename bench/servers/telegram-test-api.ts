/** telegram-test-api (the npm peer: an Express server), started on a free loopback port. */
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js"
import { freePort } from "../common.js"

const port = await freePort()
const server = new TelegramServer({ port, host: "127.0.0.1" })
await server.start()
process.stdout.write(`listening on http://127.0.0.1:${port}\n`)
process.once("SIGTERM", () => {
  void server.stop().finally(() => process.exit(0))
})
