/**
 * The embedded mock Telegram of `--mock` and `demo`: loaded only when one of them runs, so a real export does not pay
 * for the mock's code at start-up.
 */
import * as BotApi from "effect-telegram-invite/BotApi"
import { layerMockHttpClient } from "effect-telegram-invite/MockHttpClient"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { DEFAULT_BOT_TOKEN, MockTelegram } from "telegram-bot-api-mock"

export { MockTelegram }

/** BotApi over `mock` (the default world when absent), with the mock's default bot token. */
export const layerEmbedded = (mock: MockTelegram = MockTelegram.make()): Layer.Layer<BotApi.BotApi> =>
  BotApi.layer({ token: Redacted.make(DEFAULT_BOT_TOKEN) }).pipe(Layer.provide(layerMockHttpClient(mock)))
