/**
 * The embedded mock Telegram of `--mock` and `demo`: loaded only when one of them runs, so a real export does not pay
 * for the mock's code at start-up.
 */
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { DEFAULT_BOT_TOKEN, MockTelegram } from "telegram-bot-api-mock"
import * as BotApi from "../src/BotApi.js"
import { layerMockHttpClient } from "../src/MockHttpClient.js"

export { MockTelegram }

/** BotApi over `mock` (the default world when absent), with the mock's default bot token. */
export const layerEmbedded = (mock: MockTelegram = MockTelegram.make()): Layer.Layer<BotApi.BotApi> =>
  BotApi.layer({ token: Redacted.make(DEFAULT_BOT_TOKEN) }).pipe(Layer.provide(layerMockHttpClient(mock)))
