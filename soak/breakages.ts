/**
 * Breakages to prove the soak can fail (`npm run soak -- --break KIND`): a proxy between the soak and the mock that
 * passes every request through as it is, except the answers of getUpdates, which it breaks the way a faulty server
 * would. The mock itself is untouched; the soak must see the breakage in its ledger of messages and fail.
 *
 * - `drop-messages`: every `message` update is taken out of getUpdates' answers (the bot never gets what people write);
 * - `replay-confirmed`: each answer hands back, first, the last update of the answer before it, which the bot has
 *   confirmed since (its offset is past it);
 * - `none`: the proxy alone, breaking nothing (a soak through it must pass: the breakages, not the proxy, make it fail).
 */
import { Agent, createServer, request as httpRequest } from "node:http"
import type { AddressInfo } from "node:net"

export const BREAKAGES = ["none", "drop-messages", "replay-confirmed"] as const
export type Breakage = typeof BREAKAGES[number]

/** How a breakage rewrites getUpdates' updates (`offset`: the one the poll sent). */
const rewriter = (breakage: Breakage) => {
  let previous: Array<any> = []
  return (updates: Array<any>, offset: number): Array<any> => {
    if (breakage === "drop-messages") return updates.filter((u) => u.message === undefined)
    if (breakage === "replay-confirmed") {
      const confirmed = previous.filter((u) => u.update_id < offset).slice(-1)
      if (updates.length > 0) previous = updates
      return [...confirmed, ...updates]
    }
    return updates
  }
}

/** Starts the proxy on a free loopback port, in front of the mock at `host:port`. */
export const startBreakingProxy = (
  upstream: { readonly host: string; readonly port: number },
  breakage: Breakage
): Promise<{ readonly host: string; readonly port: number; readonly close: () => void }> => {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 })
  const rewrite = rewriter(breakage)
  const server = createServer((req, res) => {
    const forward = httpRequest(
      { host: upstream.host, port: upstream.port, agent, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        const chunks: Array<Buffer> = []
        answer.on("data", (chunk: Buffer) => chunks.push(chunk))
        answer.on("error", () => res.destroy())
        answer.on("end", () => {
          let body = Buffer.concat(chunks)
          const url = new URL(req.url ?? "/", "http://proxy")
          if (url.pathname.endsWith("/getUpdates") && answer.statusCode === 200) {
            const parsed = JSON.parse(body.toString("utf8"))
            parsed.result = rewrite(parsed.result, Number(url.searchParams.get("offset") ?? 0))
            body = Buffer.from(JSON.stringify(parsed))
          }
          const { "transfer-encoding": _chunked, ...headers } = answer.headers
          res.writeHead(answer.statusCode ?? 502, { ...headers, "content-length": String(body.length) })
          res.end(body)
        })
      }
    )
    // A connection the mock drops (a `drop` fault) is dropped here too, as the client would see it.
    forward.on("error", () => res.destroy())
    req.pipe(forward)
  })
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        host: "127.0.0.1",
        port: (server.address() as AddressInfo).port,
        close: () => {
          server.close()
          server.closeAllConnections()
          agent.destroy()
        }
      }))
  )
}
