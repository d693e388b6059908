/**
 * The runtime's ceiling: a bare `node:http` server that answers every request with one fixed Bot API envelope,
 * without reading the body, routing or touching any state (with `--read-body`: after reading and parsing the body).
 */
import { createServer } from "node:http"

const BODY = Buffer.from(`{"ok":true,"result":"https://t.me/+AAAAAAAAAAAAAAAA"}`)
const HEADERS = { "Content-Type": "application/json", "Content-Length": BODY.length }

/** `--read-body`: reads the request's body (and JSON-parses it) first, as any server that answers a POST must. */
const readBody = process.argv.includes("--read-body")

const server = createServer((req, res) => {
  if (!readBody) {
    res.writeHead(200, HEADERS).end(BODY)
    return
  }
  const chunks: Array<Buffer> = []
  req.on("data", (chunk: Buffer) => chunks.push(chunk))
  req.on("end", () => {
    if (chunks.length > 0) JSON.parse(Buffer.concat(chunks).toString("utf8"))
    res.writeHead(200, HEADERS).end(BODY)
  })
})
server.keepAliveTimeout = 5_000
server.listen(0, "127.0.0.1", () => {
  const address = server.address()
  const port = typeof address === "object" && address !== null ? address.port : 0
  process.stdout.write(`listening on http://127.0.0.1:${port}\n`)
})
process.once("SIGTERM", () => process.exit(0))
