/**
 * The standalone server's deliverer over TLS: a webhook to an https URL goes out through node:https (loaded on the
 * first such delivery, not at start-up), to a server with a self-signed certificate (test/fixtures/tls, made with
 * openssl for 127.0.0.1), with the real headers and the update as getUpdates gives it; compressed answers are read
 * (node:zlib, loaded on first use too).
 */
import { readFileSync } from "node:fs"
import { createServer, type Server } from "node:https"
import { gzipSync } from "node:zlib"
import { DEFAULT_BOT_TOKEN, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { afterEach, describe, expect, it } from "vitest"

const fixture = (name: string) => readFileSync(new URL(`../fixtures/tls/${name}`, import.meta.url))

interface Received {
  readonly headers: Record<string, string | Array<string> | undefined>
  readonly body: string
}

/** An https server on a free port that answers each POST with `answer`, and hands over what it received. */
const hookServer = async (answer: { status: number; headers?: Record<string, string>; body?: Buffer }) => {
  const received: Array<Received> = []
  const waiting: Array<(r: Received) => void> = []
  const server: Server = createServer(
    { key: fixture("self-signed.key"), cert: fixture("self-signed.crt") },
    (req, res) => {
      const chunks: Array<Buffer> = []
      req.on("data", (chunk: Buffer) => chunks.push(chunk))
      req.on("end", () => {
        res.writeHead(answer.status, answer.headers).end(answer.body)
        const r = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") }
        const next = waiting.shift()
        if (next === undefined) received.push(r)
        else next(r)
      })
    }
  )
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const address = server.address()
  const port = typeof address === "object" && address !== null ? address.port : 0
  return {
    url: `https://127.0.0.1:${port}/hook`,
    next: () =>
      new Promise<Received>((resolve) => received.length > 0 ? resolve(received.shift()!) : waiting.push(resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

let running: RunningMockServer | undefined
let hook: Awaited<ReturnType<typeof hookServer>> | undefined
afterEach(async () => {
  await running?.close()
  await hook?.close()
  running = undefined
  hook = undefined
})

const api = async (method: string, params: Record<string, unknown>) => {
  const response = await fetch(`${running!.url}/bot${DEFAULT_BOT_TOKEN}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params)
  })
  return (await response.json()) as { ok: boolean; result?: any; description?: string }
}

describe("webhooks over TLS (the standalone server's deliverer)", () => {
  it("POSTs an update to an https URL with the secret header, as getUpdates would give it", async () => {
    hook = await hookServer({ status: 200 })
    running = await startMockServer({ console: false })
    expect(await api("setWebhook", { url: hook.url, secret_token: "Tls_Secret-1" })).toMatchObject({ ok: true })
    const sent = running.mock.send(42, { text: "over TLS" })
    const delivered = await hook.next()
    expect(delivered.headers["x-telegram-bot-api-secret-token"]).toBe("Tls_Secret-1")
    expect(delivered.headers["content-type"]).toBe("application/json")
    const update = JSON.parse(delivered.body)
    expect(update.message).toMatchObject({ message_id: sent.message_id, text: "over TLS", from: { id: 42 } })
  })

  it("reads a gzip-compressed answer and runs the method it carries as the bot", async () => {
    const reply = gzipSync(JSON.stringify({ method: "sendMessage", chat_id: 42, text: "answered in the body" }))
    hook = await hookServer({
      status: 200,
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: reply
    })
    running = await startMockServer({ console: false })
    expect(await api("setWebhook", { url: hook.url })).toMatchObject({ ok: true })
    running.mock.send(42, { text: "hello" })
    await hook.next()
    const answered = await running.mock.waitFor(
      () => running!.mock.journal().find((entry) => entry.webhook_reply === true),
      { timeoutMs: 5_000 }
    )
    expect(answered).toMatchObject({ method: "sendMessage", status: 200, webhook_reply: true })
    expect(running.mock.messages(42).at(-1)).toMatchObject({ text: "answered in the body", from: { is_bot: true } })
  })
})
