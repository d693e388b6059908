/** The standalone mock with a journal long enough to count every request of the flood-gate section. */
import { MockTelegram, startMockServer } from "telegram-bot-api-mock"

const server = await startMockServer({ mock: MockTelegram.make({ caps: { journalSize: 200_000 } }) })
process.stdout.write(`listening on ${server.url}\n`)
process.once("SIGTERM", () => {
  void server.close().then(() => process.exit(0))
})
