/**
 * The console without a browser: the live stream (`GET /__mock/events`, server-sent events) and its hub, the mock's
 * watchers, the control token on the stream, the page's files as served and as built (small, no markup from data),
 * and the administrator's join-request routes the page uses.
 */
import { spawn } from "node:child_process"
import { once } from "node:events"
import { readdirSync, readFileSync } from "node:fs"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import {
  DEFAULT_BOT_TOKEN,
  type MockEvent,
  MockInputError,
  MockTelegram,
  type RunningMockServer,
  startMockServer
} from "telegram-bot-api-mock"
import { afterEach, describe, expect, it } from "vitest"
import { consoleRoutes } from "../../mock-server/src/console/routes.js"
import { HELLO_OTHERS, HELLO_REQUESTS, lastEvents } from "../../mock-server/src/console/stream.js"

const SUPERGROUP = -1001234567890
const BOT = 123456

/** A reader of an event stream: each `next()` is the next `data:` frame, parsed. */
const openStream = async (url: string, headers: Record<string, string> = {}) => {
  const abort = new AbortController()
  const response = await fetch(url, { headers, signal: abort.signal })
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ""
  const frames: Array<any> = []
  const next = async (): Promise<any> => {
    for (;;) {
      if (frames.length > 0) return frames.shift()
      let end: number
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const frame = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const data = frame.split("\n").filter((line) => line.startsWith("data: "))
        if (data.length > 0) frames.push(JSON.parse(data.map((line) => line.slice(6)).join("\n")))
      }
      if (frames.length > 0) continue
      const { done, value } = await reader.read()
      if (done) throw new Error("the stream ended")
      buffer += decoder.decode(value, { stream: true })
    }
  }
  /** The next frames until one matches. */
  const until = async (match: (event: any) => boolean): Promise<any> => {
    for (;;) {
      const event = await next()
      if (match(event)) return event
    }
  }
  return { response, next, until, close: () => abort.abort() }
}

const callBot = async (server: RunningMockServer, method: string, params: Record<string, unknown> = {}) =>
  (await fetch(`${server.url}/bot${DEFAULT_BOT_TOKEN}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params)
  })).json() as Promise<any>

const control = async (server: RunningMockServer, method: string, path: string, body?: unknown) =>
  (await fetch(`${server.url}/__mock/${path}`, {
    method,
    ...(body !== undefined ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {})
  })).json() as Promise<any>

let servers: Array<RunningMockServer> = []
const start = async (options: Parameters<typeof startMockServer>[0] = {}) => {
  const server = await startMockServer({ log: () => {}, ...options })
  servers.push(server)
  return server
}
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()))
  servers = []
})

describe("the console's stream", () => {
  it("starts with a hello: the served methods, the events so far, and whether a token is needed", async () => {
    const server = await start()
    expect((await callBot(server, "getMe")).ok).toBe(true)
    const stream = await openStream(`${server.url}/__mock/events`)
    expect(stream.response.status).toBe(200)
    expect(stream.response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8")
    expect(stream.response.headers.get("cache-control")).toBe("no-store")
    const hello = await stream.next()
    expect(hello.kind).toBe("hello")
    expect(hello.control_token).toBe(false)
    expect(hello.methods).toContain("exportChatInviteLink")
    expect(hello.now).toBeTypeOf("number")
    expect(hello.events).toEqual([
      expect.objectContaining({ kind: "request", seq: 1, method: "getMe", status: 200, bot_id: BOT })
    ])
    expect(JSON.stringify(hello)).not.toContain(DEFAULT_BOT_TOKEN.split(":")[1])
    stream.close()
  })

  it("tells each request, update and action as it happens, one JSON object per frame", async () => {
    const server = await start()
    const stream = await openStream(`${server.url}/__mock/events`)
    await stream.next()
    const text = "hello\n\ndata: not a frame</script>\u2028"
    await control(server, "POST", "users/43/send", { text })
    const action = await stream.next()
    const update = await stream.next()
    expect(action).toEqual({
      kind: "action",
      seq: expect.any(Number),
      at: expect.any(Number),
      action: "send",
      user_id: 43,
      chat_id: 43,
      text
    })
    expect(update).toMatchObject({ kind: "update", bot_id: BOT, update_id: 2000001, type: "message" })
    // The action is numbered before the update it caused.
    expect(update.seq).toBeGreaterThan(action.seq)
    expect(update.update).toMatchObject({ update_id: 2000001, message: { text, chat: { id: 43 } } })
    await callBot(server, "getUpdates", { offset: 2000002 })
    const request = await stream.next()
    expect(request).toEqual({
      kind: "request",
      seq: update.seq + 1,
      at: expect.any(Number),
      bot_id: BOT,
      method: "getUpdates",
      status: 200
    })
    await callBot(server, "exportChatInviteLink", { chat_id: 42 })
    expect(await stream.next()).toMatchObject({
      kind: "request",
      method: "exportChatInviteLink",
      chat_id: "42",
      status: 400,
      description: "Bad Request: can't invite members to a private chat"
    })
    stream.close()
  })

  it("tells a 429 with its wait, and the control API's actions (faults, limits, upgrades, resets)", async () => {
    const server = await start()
    const stream = await openStream(`${server.url}/__mock/events`)
    await stream.next()
    await control(server, "POST", "faults", {
      method: "exportChatInviteLink",
      chat_id: SUPERGROUP,
      reply: { error_code: 429, retry_after: 7 }
    })
    expect(await stream.next()).toMatchObject({
      kind: "action",
      action: "inject_fault",
      chat_id: SUPERGROUP,
      text: "exportChatInviteLink",
      result: `{"error_code":429,"retry_after":7} ×1`
    })
    await callBot(server, "exportChatInviteLink", { chat_id: SUPERGROUP })
    expect(await stream.next()).toMatchObject({
      kind: "request",
      status: 429,
      fault: "error 429",
      description: "Too Many Requests: retry after 7"
    })
    await control(server, "PUT", "limits", [{ max_calls: 1, per_seconds: 60 }])
    expect(await stream.next()).toMatchObject({ action: "set_flood_limits", result: "1 limit" })
    await control(server, "POST", "upgrade", { chat_id: -555555555 })
    const upgrade = await stream.next()
    expect(upgrade).toMatchObject({
      action: "upgrade",
      chat_id: -555555555,
      result: expect.stringMatching(/^-100\d+$/)
    })
    await control(server, "POST", "reset")
    expect(await stream.until((event) => event.kind === "action")).toMatchObject({ action: "reset" })
    await control(server, "DELETE", "faults")
    expect(await stream.next()).toMatchObject({ action: "clear_faults" })
    stream.close()
  })

  it("replays recent updates and actions to a page that comes later (requests come from the journal)", async () => {
    const server = await start()
    const first = await openStream(`${server.url}/__mock/events`)
    await first.next()
    await control(server, "POST", "users/44/send", { text: "/invite" })
    const live = [await first.next(), await first.next()]
    const second = await openStream(`${server.url}/__mock/events`)
    const hello = await second.next()
    expect(hello.events.map((event: MockEvent & { kind: string }) => event.kind)).toEqual(["action", "update"])
    // The same events, with the same seq: a page tells history and live events apart by it.
    expect(hello.events).toEqual(live)
    first.close()
    second.close()
  })

  it("tells a page opened late what happened while nobody watched, in order, each once", async () => {
    const server = await start()
    await control(server, "POST", "users/43/send", { text: "/start" })
    await callBot(server, "getUpdates", {})
    await control(server, "POST", "reset")
    const stream = await openStream(`${server.url}/__mock/events`)
    const hello = await stream.next()
    // The journal starts again with the world; updates and actions are kept across the reset.
    expect(hello.events.map((event: any) => [event.kind, event.action ?? event.type ?? event.method])).toEqual([
      ["action", "send"],
      ["update", "message"],
      ["action", "reset"]
    ])
    expect(hello.events[0]).toMatchObject({ user_id: 43, text: "/start" })
    const seqs = hello.events.map((event: any) => event.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    await control(server, "POST", "users/44/send", { text: "later" })
    expect((await stream.next()).seq).toBeGreaterThan(Math.max(...seqs))
    stream.close()
  })

  it("bounds the hello: the last requests and the last updates and actions, counted apart", () => {
    const request = (seq: number): MockEvent => ({
      kind: "request",
      entry: { seq, at: seq, bot_id: BOT, method: "getUpdates", status: 200 }
    })
    const action = (seq: number): MockEvent => ({ kind: "action", seq, at: seq, action: "send", user_id: 43 })
    const events = [action(1), ...Array.from({ length: HELLO_REQUESTS + 10 }, (_, i) => request(i + 2))]
    const kept = lastEvents(events)
    // A flood of long polls does not push the person's message out.
    expect(kept[0]).toEqual(action(1))
    expect(kept.length).toBe(HELLO_REQUESTS + 1)
    expect(kept[1]).toEqual(request(12))
    const actions = Array.from({ length: HELLO_OTHERS + 5 }, (_, i) => action(i + 1))
    expect(lastEvents(actions).map((event) => (event as { seq: number }).seq)).toEqual(
      actions.slice(5).map((event) => (event as { seq: number }).seq)
    )
  })

  it("needs the control token when one is set; the page itself does not", async () => {
    const server = await start({ controlToken: "s3cret" })
    for (const headers of [{}, { "x-mock-control-token": "wrong" }]) {
      const refused = await fetch(`${server.url}/__mock/events`, { headers })
      expect(refused.status).toBe(401)
      expect(await refused.json()).toEqual({
        ok: false,
        error_code: 401,
        description: "control API: missing or wrong X-Mock-Control-Token"
      })
    }
    const stream = await openStream(`${server.url}/__mock/events`, { "x-mock-control-token": "s3cret" })
    expect((await stream.next()).control_token).toBe(true)
    stream.close()
    const page = await fetch(server.consoleUrl)
    expect(page.status).toBe(200)
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8")
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'")
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'")
    expect(await page.text()).toContain(`<script src="/__mock/console/console.js" defer></script>`)
  })

  it("serves the page's script and style sheet, and leaves every other request to the mock", async () => {
    const server = await start()
    expect(server.consoleUrl).toBe(`${server.url}/__mock/console`)
    const js = await fetch(`${server.consoleUrl}/console.js`)
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8")
    expect(js.headers.get("x-content-type-options")).toBe("nosniff")
    expect((await js.text()).length).toBeGreaterThan(1000)
    const css = await fetch(`${server.consoleUrl}/console.css`)
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8")
    expect((await fetch(`${server.consoleUrl}/`)).status).toBe(200)
    expect((await fetch(`${server.consoleUrl}?x=1`)).status).toBe(200)
    // HEAD is answered as GET is, without the body (a link checker or `curl -I` sees the page is there).
    const head = await fetch(server.consoleUrl, { method: "HEAD" })
    expect(head.status).toBe(200)
    expect(head.headers.get("content-type")).toBe("text/html; charset=utf-8")
    expect(Number(head.headers.get("content-length"))).toBeGreaterThan(1000)
    expect(await head.text()).toBe("")
    // Not the console's: the control API's answer for a path it does not know, and the Bot API's for a method.
    const other = await fetch(`${server.consoleUrl}/nothing.js`)
    expect(other.status).toBe(404)
    expect((await fetch(server.consoleUrl, { method: "POST" })).status).toBe(404)
    expect((await callBot(server, "getMe")).ok).toBe(true)
  })

  it("is not served when the server is started with console: false", async () => {
    const server = await start({ console: false })
    expect((await fetch(server.consoleUrl)).status).toBe(404)
    // No stream: the events are only the control API's JSON.
    const events = await fetch(`${server.url}/__mock/events`)
    expect(events.headers.get("content-type")).toBe("application/json")
    expect((await events.json()).ok).toBe(true)
  })

  it("ends open streams when the server closes", async () => {
    const server = await startMockServer({ log: () => {} })
    const stream = await openStream(`${server.url}/__mock/events`)
    await stream.next()
    await server.close()
    await expect(stream.next()).rejects.toThrow()
  })
})

describe("the tg-mock-server command", () => {
  it("names its console after the `listening on` line (kept whole for scripts), and serves it", async () => {
    const child = spawn(process.execPath, [
      "--import",
      "tsx",
      "mock-server/src/bin/tg-mock-server.ts",
      "--port",
      "0",
      "--control-token",
      "s3cret"
    ], { stdio: ["ignore", "pipe", "pipe"] })
    try {
      let out = ""
      let err = ""
      child.stdout.on("data", (data) => (out += data))
      child.stderr.on("data", (data) => (err += data))
      await expect.poll(() => err, { timeout: 20_000 }).toMatch(/^console: .*\n/)
      const url = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n$/.exec(out)![1]
      expect(err).toBe(`console: ${url}/__mock/console (the world, the requests live, and its people)\n`)
      const page = await fetch(`${url}/__mock/console`)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain("<title>Telegram mock: console</title>")
      expect((await fetch(`${url}/__mock/events`)).status).toBe(401)
    } finally {
      child.kill("SIGTERM")
      await once(child, "exit")
    }
  })
})

describe("the hub", () => {
  it("watches the mock only while a page is connected", async () => {
    const mock = MockTelegram.make()
    const routes = consoleRoutes(mock, () => {})
    const http = createServer((req, res) => {
      if (!routes.handle(req, res)) res.writeHead(404).end()
    })
    await new Promise<void>((done) => http.listen(0, "127.0.0.1", done))
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/__mock/events`
    try {
      expect(routes.hub.size).toBe(0)
      const stream = await openStream(url)
      await stream.next()
      expect(routes.hub.size).toBe(1)
      mock.addUser({ id: 50, first_name: "Erin" })
      expect(await stream.next()).toMatchObject({ kind: "action", action: "add_user", user_id: 50, text: "Erin" })
      stream.close()
      await expect.poll(() => routes.hub.size).toBe(0)
    } finally {
      routes.close()
      http.closeAllConnections()
      await new Promise((done) => http.close(done))
    }
  })
})

describe("watchers of the mock", () => {
  it("see what happens; one that throws is removed and counted as a defect, and no answer changes", () => {
    const mock = MockTelegram.make({ onDefect: "answer" })
    const seen: Array<string> = []
    const stop = mock.observe((event) => seen.push(event.kind === "action" ? event.action : event.kind))
    mock.observe(() => {
      throw new Error("a broken watcher")
    })
    const getMe = () => mock.handle({ method: "GET", target: `/bot${DEFAULT_BOT_TOKEN}/getMe`, body: new Uint8Array() })
    expect(getMe()).toMatchObject({ _tag: "Json", status: 200 })
    expect(mock.defectCount).toBe(1)
    expect(getMe()).toMatchObject({ _tag: "Json", status: 200 })
    expect(mock.defectCount).toBe(1)
    mock.send(43, { text: "hi" })
    // A refused action is told nothing of (it changed nothing).
    expect(() => mock.send(999, { text: "hi" })).toThrow(MockInputError)
    expect(() => mock.upgradeGroup(SUPERGROUP)).toThrow(MockInputError)
    stop()
    mock.reset()
    expect(seen).toEqual(["request", "request", "send", "update"])
  })
})

describe("join requests, from an administrator's side", () => {
  it("approve makes the person a member through the request's link; decline drops it; none is refused", async () => {
    const server = await start()
    const created = await callBot(server, "createChatInviteLink", { chat_id: SUPERGROUP, creates_join_request: true })
    const link = created.result.invite_link
    expect(await control(server, "POST", "users/43/join", { invite_link: link })).toEqual({
      ok: true,
      result: { status: "requested", chat_id: SUPERGROUP }
    })
    await control(server, "POST", "users/44/join", { invite_link: link })
    expect(server.mock.snapshot().join_requests.map((request) => request.user_id)).toEqual([43, 44])

    const approved = await control(server, "POST", `chats/${SUPERGROUP}/join_requests/43/approve`)
    expect(approved).toMatchObject({ ok: true, result: { status: "member", user: { id: 43 } } })
    expect(server.mock.chat(SUPERGROUP)!.members).toContainEqual({ user_id: 43, status: "member" })
    expect(server.mock.link(link)!.joined_count).toBe(1)
    expect(await control(server, "POST", `chats/${SUPERGROUP}/join_requests/44/decline`)).toEqual({
      ok: true,
      result: true
    })
    expect(server.mock.snapshot().join_requests).toEqual([])
    expect(server.mock.chat(SUPERGROUP)!.members.some((member) => member.user_id === 44)).toBe(false)

    expect(await control(server, "POST", `chats/${SUPERGROUP}/join_requests/44/approve`)).toEqual({
      ok: false,
      error_code: 400,
      description: `user_id: user 44 has no pending join request in chat ${SUPERGROUP}`
    })
    expect((await control(server, "POST", `chats/${SUPERGROUP}/join_requests/999/decline`)).description).toBe(
      "user_id: unknown user 999"
    )
  })
})

describe("the page as built", () => {
  it("is small, self-contained, and never turns data into markup", async () => {
    const { buildConsole } = await import("../../mock-server/scripts/build-console.mjs" as string) as {
      buildConsole: () => Promise<{ html: string; js: string; css: string }>
    }
    const page = await buildConsole()
    const bytes = Buffer.byteLength(page.html) + Buffer.byteLength(page.js) + Buffer.byteLength(page.css)
    expect(bytes).toBeLessThan(100 * 1024)
    for (const sink of ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"]) {
      expect(page.js).not.toContain(sink)
    }
    // Offline: nothing from another origin (no CDN, no font), no inline script or style.
    expect(page.html).not.toMatch(/(src|href)="(https?:)?\/\//)
    expect(page.html).not.toMatch(/<script>|<style|style="/)
    expect(page.css).not.toMatch(/@import|url\((?!data:)/)
    expect(page.js).not.toMatch(/fonts\.googleapis|cdn\./)
  })
})

describe("the console's screenshots", () => {
  it("are the ones the screenshot script makes, and each is shown in a README", () => {
    const root = new URL("../../", import.meta.url)
    const read = (path: string) => readFileSync(new URL(path, root), "utf8")
    const made = [...read("scripts/console-screenshots.ts").matchAll(/shot\("(\w+)"\)/g)].map((m) => `${m[1]}.png`)
    const committed = readdirSync(new URL("docs/console/", root)).filter((name) => name.endsWith(".png"))
    expect(made.sort()).toEqual(committed.sort())
    const shown = new Set(
      [read("README.md"), read("mock-server/README.md")].flatMap((text) =>
        [...text.matchAll(/docs\/console\/(\w+\.png)/g)].map((m) => m[1]!)
      )
    )
    expect([...shown].sort()).toEqual(committed.sort())
    expect(read("mock-server/README.md")).toContain("scripts/console-screenshots.ts")
  })
})
