/**
 * What the hostile-parameter suites (inline, payments, the long tail) send the mock in process: a bot's form-encoded
 * call, a JSON body to a control route, and JSON nested past the parser's depth limit.
 */
import type { MockTelegram } from "telegram-bot-api-mock"

/** `n` nested JSON arrays: `[[…]]`. */
export const nestedArrays = (n: number): string => "[".repeat(n) + "]".repeat(n)

/** A bot method called with form-encoded parameters, as the bot whose token is `token` unless told otherwise. */
export const formCaller =
  (mock: MockTelegram, token: string) => (method: string, params: Record<string, string>, as = token) =>
    mock.handle({
      method: "POST",
      target: `/bot${as}/${method}`,
      contentType: "application/x-www-form-urlencoded",
      body: new TextEncoder().encode(new URLSearchParams(params).toString())
    })

/** A control route called with a JSON body (a string is sent as it is, anything else as its JSON). */
export const controlCaller = (mock: MockTelegram) => (method: string, path: string, body: unknown) =>
  mock.handle({
    method,
    target: `/__mock/${path}`,
    contentType: "application/json",
    body: new TextEncoder().encode(typeof body === "string" ? body : JSON.stringify(body))
  }) as { status: number; body: string }
