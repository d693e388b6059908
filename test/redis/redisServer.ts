/**
 * Test support: a real `redis-server` on a free loopback port, persistence off (`--save "" --appendonly no`), that
 * can be stopped and started again on the same port (a restart loses every key, as a crash without persistence
 * does). Also: whether redis-server is installed at all, and the message printed when it is not.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process"
import { createConnection, createServer } from "node:net"

/** The path of redis-server, or `undefined` when it is not on PATH. */
export const redisServerPath: string | undefined = (() => {
  try {
    return execFileSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).trim() || undefined
  } catch {
    return undefined
  }
})()

export const redisAvailable = redisServerPath !== undefined

export const skipMessage =
  "Redis tests NOT run: redis-server not found; install it (apt-get install redis-server) and run npm test again"

/** Prints {@link skipMessage} when Redis is missing (once per test file that calls it). */
export const announceSkip = (): void => {
  if (!redisAvailable) console.warn(`\n*** ${skipMessage} ***\n`)
}

/** A free TCP port on loopback. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const answersPing = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port })
    let data = ""
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(500, () => done(false))
    socket.once("error", () => done(false))
    socket.on("data", (chunk) => {
      data += chunk.toString()
      if (data.includes("\r\n")) done(data.startsWith("+PONG"))
    })
    socket.once("connect", () => socket.write("PING\r\n"))
  })

export interface RedisServer {
  readonly port: number
  readonly url: string
  /** Stops the server (SIGTERM, then SIGKILL after 3 s); its keys are gone. */
  readonly stop: () => Promise<void>
  /** Starts it again on the same port, empty. */
  readonly start: () => Promise<void>
  /** Stop, stay down for `downMs` (0 by default), start. */
  readonly restart: (downMs?: number) => Promise<void>
}

/** Starts redis-server on a free loopback port; call `stop` when done. */
export const startRedis = async (): Promise<RedisServer> => {
  if (redisServerPath === undefined) throw new Error(skipMessage)
  const port = await freePort()
  let child: ChildProcess | undefined
  let stderr = ""

  const start = async (): Promise<void> => {
    // Already running: a second server on the same port would fail, and the first would be lost track of.
    if (child !== undefined && child.exitCode === null) return
    stderr = ""
    child = spawn(
      redisServerPath,
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--daemonize",
        "no",
        "--protected-mode",
        "no",
        "--loglevel",
        "warning"
      ],
      { stdio: ["ignore", "ignore", "pipe"] }
    )
    child.stderr?.on("data", (chunk) => (stderr += chunk.toString()))
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}): ${stderr}`)
      if (await answersPing(port)) return
      await sleep(25)
    }
    throw new Error(`redis-server did not answer on port ${port}: ${stderr}`)
  }

  const stop = async (): Promise<void> => {
    const running = child
    child = undefined
    if (running === undefined || running.exitCode !== null) return
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => running.kill("SIGKILL"), 3000)
      running.once("exit", () => {
        clearTimeout(kill)
        resolve()
      })
      running.kill("SIGTERM")
    })
  }

  await start()
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    restart: async (downMs = 0) => {
      await stop()
      if (downMs > 0) await sleep(downMs)
      await start()
    }
  }
}
