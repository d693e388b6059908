/** Helpers shared by the benchmark sections: child servers, RSS, argument parsing (statistics: stats.ts). */
import { type ChildProcess, execFileSync, spawn } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { createServer } from "node:net"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..")

export const TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
/** The default world's supergroup where the bot may export links. */
export const CHAT = -1001234567890
export const EXPORT_BODY = JSON.stringify({ chat_id: CHAT })

/** `--quick`, as every section reads it. */
export const args = (): { quick: boolean } => ({ quick: process.argv.slice(2).includes("--quick") })

export const readJson = <A>(file: string): A => JSON.parse(readFileSync(file, "utf8")) as A

/** Rotates `items` by `round` so that no contender always runs first (or last) in a round. */
export const rotate = <A>(items: ReadonlyArray<A>, round: number): Array<A> => {
  const k = round % items.length
  return [...items.slice(k), ...items.slice(0, k)]
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** A free TCP port on loopback (for servers that cannot be told to pick one). */
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

export interface ChildServer {
  readonly url: string
  readonly pid: number
  readonly stop: () => Promise<void>
}

/**
 * Starts a server in its own process (so the load generator and the server never share an event loop) and waits
 * for its `listening on http://HOST:PORT` line.
 */
export const spawnServer = (
  kind: "mock" | "mock-big-journal" | "bare" | "bare-read-body" | "telegram-test-api",
  extraArgs: ReadonlyArray<string> = []
): Promise<ChildServer> => {
  const script = kind === "mock"
    ? ["mock-server/src/bin/tg-mock-server.ts", "--port", "0", ...extraArgs]
    : kind === "mock-big-journal"
    ? ["bench/servers/mock-big-journal.ts"]
    : kind === "bare"
    ? ["bench/servers/bare.ts"]
    : kind === "bare-read-body"
    ? ["bench/servers/bare.ts", "--read-body"]
    : ["bench/servers/telegram-test-api.ts"]
  const env = { ...process.env }
  delete env["DEBUG"] // telegram-test-api logs through `debug`
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", ...script], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "inherit"]
  })
  return awaitListening(child, `${kind} server`)
}

/**
 * Waits for a child server's `listening on http://HOST:PORT` line (30 s at most); `stop` ends it with SIGTERM, then
 * SIGKILL after 3 s.
 */
export const awaitListening = (child: ChildProcess, name: string): Promise<ChildServer> =>
  new Promise((resolve, reject) => {
    let seen = ""
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${seen}`)), 30_000)
    child.once("exit", (code) => reject(new Error(`${name} exited with ${code}: ${seen}`)))
    child.stdout!.on("data", (chunk: Buffer) => {
      seen += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(seen)
      if (match === null) return
      clearTimeout(timer)
      child.stdout!.removeAllListeners("data")
      child.stdout!.resume() // never let a full pipe stall the server
      resolve({
        url: match[1]!,
        pid: child.pid!,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done()
            child.removeAllListeners("exit")
            child.once("exit", () => done())
            child.kill("SIGTERM")
            setTimeout(() => child.kill("SIGKILL"), 3_000).unref()
          })
      })
    })
  })

/** A call to the mock's control API (`/__mock/...`). */
export const control = async (url: string, method: string, path: string, body?: unknown): Promise<any> => {
  const response = await fetch(`${url}/__mock/${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
  })
  const answer = (await response.json()) as { ok: boolean; result?: unknown; description?: string }
  if (!answer.ok) throw new Error(`control ${method} ${path}: ${answer.description}`)
  return answer.result
}

/** Resident set size of a process, in bytes (Linux /proc). */
export const rssOf = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8")
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status)
  if (match === null) throw new Error(`no VmRSS for ${pid}`)
  return Number(match[1]) * 1024
}

/** Runs `fn` `total` times with at most `concurrency` in flight; resolves when all are done. */
export const pool = async (total: number, concurrency: number, fn: () => Promise<unknown>): Promise<void> => {
  let started = 0
  const worker = async (): Promise<void> => {
    while (started < total) {
      started++
      await fn()
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker))
}

/** A full garbage collection, without needing `--expose-gc` on the command line. */
export const gc: () => void = await (async () => {
  const v8 = await import("node:v8")
  const vm = await import("node:vm")
  v8.setFlagsFromString("--expose-gc")
  return vm.runInNewContext("gc") as () => void
})()

/** Compiles mock-server/ as `npm run build` does (only that tree, so work in progress elsewhere cannot break it). */
export const buildCompiledMock = (): string => {
  const dir = join(ROOT, "node_modules", ".cache", "tg-mock-bench")
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: "../../../tsconfig.build.json",
      compilerOptions: { outDir: "./dist", rootDir: "../../..", declaration: false },
      include: ["../../../mock-server"]
    })
  )
  execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", dir], {
    cwd: ROOT,
    stdio: "inherit"
  })
  const bin = join(dir, "dist", "mock-server", "src", "bin", "tg-mock-server.js")
  if (!existsSync(bin)) throw new Error(`tsc wrote no ${bin}`)
  return bin
}
