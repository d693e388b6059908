/**
 * What only the standalone server meets: raw sockets, broken HTTP, giant headers, slow and
 * partial requests, and the `tg-mock-server` command itself.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { writeFileSync } from "node:fs"
import { connect } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DEFAULT_BOT_TOKEN, MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const T = DEFAULT_BOT_TOKEN
let server: RunningMockServer

beforeAll(async () => {
  server = await startMockServer({ mock: MockTelegram.make(), requestTimeoutMs: 300 })
})
afterAll(() => server.close())

/** Writes raw bytes, returns everything the server sent until it closed (or `waitMs` passed). */
const raw = (data: string | Buffer | Array<string | Buffer>, waitMs = 3_000): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = connect(server.port, "127.0.0.1")
    const chunks: Array<Buffer> = []
    const timer = setTimeout(() => {
      socket.destroy()
      resolve(Buffer.concat(chunks).toString("latin1"))
    }, waitMs)
    socket.on("data", (chunk) => chunks.push(chunk))
    socket.on("close", () => {
      clearTimeout(timer)
      resolve(Buffer.concat(chunks).toString("latin1"))
    })
    socket.on("error", (error) => {
      if ((error as NodeJS.ErrnoException).code === "ECONNRESET") return
      reject(error)
    })
    socket.on("connect", () => {
      for (const part of Array.isArray(data) ? data : [data]) socket.write(part)
    })
  })

const stillServes = async (): Promise<void> => {
  const response = await fetch(`${server.url}/bot${T}/getMe`)
  expect(response.status).toBe(200)
}

describe("standalone server under broken HTTP", () => {
  it("answers an unknown HTTP method with a bare 501 status line and closes", async () => {
    const reply = await raw(`PUT /bot${T}/getMe HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n`)
    expect(reply).toMatch(/^HTTP\/1\.1 501 Not Implemented\r\n/)
    expect(reply).toMatch(/\r\nContent-Length: 0\r\n/i)
    expect(reply).toMatch(/\r\nConnection: close\r\n/i)
    expect(reply.endsWith("\r\n\r\n")).toBe(true)
    await stillServes()
  })

  it("reads a body on GET", async () => {
    const body = JSON.stringify({ chat_id: -1001234567890 })
    const reply = await raw(
      `GET /bot${T}/exportChatInviteLink HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`
    )
    expect(reply).toMatch(/^HTTP\/1\.1 200 OK/)
    expect(reply).toMatch(/"result":"https:\/\/t\.me\/\+/)
  })

  it("answers raw garbage as the real server does (an unknown method token is 501) and stays up", async () => {
    const reply = await raw("\x00\x01\x02 garbage garbage\r\n\r\n")
    expect(reply).toMatch(/^HTTP\/1\.1 501 Not Implemented\r\n/)
    await stillServes()
  })

  it("answers a broken request line with a bare 400 and stays up", async () => {
    const reply = await raw("GET /x HTTP/9.Z\r\n\r\n")
    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request\r\nContent-Length: 0\r\n/)
    await stillServes()
  })

  it("answers a header block over 256 KiB with a bare 431", async () => {
    const reply = await raw(`GET /bot${T}/getMe HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(300 * 1024)}\r\n\r\n`)
    expect(reply).toMatch(/^HTTP\/1\.1 431 /)
    await stillServes()
  })

  it("accepts headers up to 200 KiB", async () => {
    const reply = await raw(
      `GET /bot${T}/getMe HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(200 * 1024)}\r\nConnection: close\r\n\r\n`
    )
    expect(reply).toMatch(/^HTTP\/1\.1 200 OK/)
  })

  it("answers a declared body over 1 MiB with 413 without reading it", async () => {
    const reply = await raw(
      `POST /bot${T}/getMe HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${
        2 << 20
      }\r\n\r\n{"a":`
    )
    expect(reply).toMatch(/^HTTP\/1\.1 413 /)
    await stillServes()
  })

  it("answers a chunked body that grows over 1 MiB with 413", async () => {
    const chunk = "x".repeat(256 * 1024)
    const parts = [
      `POST /bot${T}/getMe HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n`
    ]
    for (let i = 0; i < 5; i++) parts.push(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)
    parts.push("0\r\n\r\n")
    const reply = await raw(parts)
    expect(reply).toMatch(/^HTTP\/1\.1 413 /)
    await stillServes()
  })

  it("times out a request that never finishes, without blocking others", async () => {
    const slow = raw(`POST /bot${T}/getMe HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"chat`, 10_000)
    await stillServes()
    // The server closes it with a 408 once its request timeout (300 ms here) has passed.
    expect(await slow).toMatch(/^HTTP\/1\.1 408 /)
    await stillServes()
  })

  it("serves pipelined keep-alive requests in order", async () => {
    const one = `GET /bot${T}/getMe HTTP/1.1\r\nHost: x\r\n\r\n`
    const last = `GET /bot${T}/nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`
    const reply = await raw(one + one + last)
    expect(reply.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2)
    expect(reply).toMatch(/HTTP\/1\.1 404 Not Found[\s\S]*"Not Found: method not found"/)
  })

  it("answers a multipart body cut short with a bare 400", async () => {
    const body = `--XyZ\r\nContent-Disposition: form-data; name="chat_id"\r\n\r\n-1001234567890`
    const reply = await raw(
      `POST /bot${T}/exportChatInviteLink HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: ${body.length}\r\n\r\n${body}`
    )
    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
    expect(reply).toMatch(/Content-Length: 0/i)
  })
})

describe("the tg-mock-server command", () => {
  const start = (args: Array<string>): Promise<{ child: ChildProcess; line: string; stderr: () => string }> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "mock-server/src/bin/tg-mock-server.ts", ...args], {
        stdio: ["ignore", "pipe", "pipe"]
      })
      let out = ""
      let err = ""
      child.stderr!.on("data", (d) => (err += d))
      child.stdout!.on("data", (d) => {
        out += d
        if (out.includes("\n")) resolve({ child, line: out.trim(), stderr: () => err })
      })
      child.on("exit", (code) => resolve({ child, line: `exit ${code}: ${err.trim()}`, stderr: () => err }))
      child.on("error", reject)
    })

  it("prints `listening on http://HOST:PORT`, binds 127.0.0.1, and stops cleanly on SIGTERM", async () => {
    const { child, line } = await start(["--port", "0"])
    expect(line).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/)
    const url = line.slice("listening on ".length)
    expect((await (await fetch(`${url}/bot${T}/getMe`)).json()).ok).toBe(true)
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve))
    child.kill("SIGTERM")
    expect(await exited).toBe(0)
  })

  it("refuses a bad world file, naming the field", async () => {
    const file = join(tmpdir(), `bad-world-${process.pid}.json`)
    writeFileSync(file, JSON.stringify({ bots: [{ token: "1:x", user_id: 1 }], users: [], chats: [] }))
    const { line } = await start(["--port", "0", "--world", file])
    expect(line).toMatch(/^exit 2: /)
    expect(line).toContain("bots.0.token")
  })

  it("requires the control token when given one", async () => {
    const { child, line } = await start(["--port", "0", "--control-token", "s3cret"])
    const url = line.slice("listening on ".length)
    try {
      expect((await fetch(`${url}/__mock/world`)).status).toBe(401)
      expect((await fetch(`${url}/__mock/world`, { headers: { "x-mock-control-token": "s3cret" } })).status).toBe(200)
    } finally {
      child.kill("SIGINT")
    }
  })
})
