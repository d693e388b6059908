/**
 * The soak's two ways to talk to the mock: `send` for the traffic (node:http on a keep-alive agent, every outcome
 * reported: a status, whether the answer is well formed, or the connection's error), and `call` for its own setup and
 * checks (a JSON request whose `{ ok, result }` answer must be ok).
 */
import { type Agent, request as httpRequest } from "node:http"
import type { Request } from "./lanes.js"

export interface Outcome {
  readonly status: number | "error"
  readonly error?: string
  /** The envelope agrees with the status (an HTML 502 and an empty body count as well formed). */
  readonly ok?: boolean
  /** `Retry-After` says what `parameters.retry_after` says. */
  readonly retryAfterConsistent?: boolean
  /** The answer's JSON, when it was JSON. */
  readonly body?: unknown
}

export const sender =
  (host: string, port: number, agent: Agent) => (req: Request, timeoutMs = 30_000): Promise<Outcome> =>
    new Promise((resolve) => {
      const outgoing = httpRequest({
        host,
        port,
        agent,
        method: req.method,
        path: req.path,
        headers: { ...req.headers, ...(req.body !== undefined ? { "Content-Length": req.body.length } : {}) }
      }, (res) => {
        const chunks: Array<Buffer> = []
        res.on("data", (chunk: Buffer) => chunks.push(chunk))
        res.on("end", () => {
          const status = res.statusCode ?? 0
          const text = Buffer.concat(chunks).toString("utf8")
          if (text === "") return resolve({ status, ok: res.headers["content-length"] === "0" })
          let body: any
          try {
            body = JSON.parse(text)
          } catch {
            return resolve({ status, ok: res.headers["content-type"] === "text/html" })
          }
          const envelopeOk = body.ok === true ? status === 200 : body.error_code === status
          const retryAfter = body.parameters?.retry_after
          resolve({
            status,
            ok: envelopeOk,
            retryAfterConsistent: retryAfter === undefined
              ? res.headers["retry-after"] === undefined
              : String(retryAfter) === res.headers["retry-after"],
            body
          })
        })
        res.on("error", (error) => resolve({ status: "error", error: error.message }))
      })
      outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error("timeout")))
      outgoing.on(
        "error",
        (error: NodeJS.ErrnoException) => resolve({ status: "error", error: error.code ?? error.message })
      )
      outgoing.end(req.body)
    })

/** A JSON call (control API or Bot API) that must answer ok: its result. */
export const caller = (base: string) => async (method: string, path: string, body?: unknown): Promise<any> => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {})
  })
  const answer = await response.json() as { ok: boolean; result: unknown }
  if (!answer.ok) throw new Error(`${method} ${path}: ${JSON.stringify(answer)}`)
  return answer.result
}
