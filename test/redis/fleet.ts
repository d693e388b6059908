/**
 * Runs a fleet of worker processes (test/redis/worker.ts, real `node` processes: from the edition's package, on its
 * Node) against the standalone mock server (the repository's mock-server/src/bin/tg-mock-server.ts, also its own
 * process), and reads what they did. Shared by the multi-process tests and by bench/fleet.ts.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { createInterface } from "node:readline"
import { packageDir, repositoryDir } from "../edition/processes.js"

/** The edition's package: the workers run from here, with its node_modules. */
export const ROOT = packageDir
export const TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"

/** One HTTP request as a worker saw it. */
export interface RequestLine {
  readonly type: "request"
  readonly worker: number
  readonly method: string
  readonly chat: string
  readonly sentAt: number
  readonly receivedAt: number
  readonly status: number
  readonly retryAfter?: number
}

/** A worker told by the server to wait: it closed the shared gate of `chat` at `closedAt`. */
export interface FloodLine {
  readonly type: "flood"
  readonly worker: number
  readonly chat: string
  readonly closedAt: number
  readonly retryAfterMs: number
}

/** A worker told by the server that `chat` moved: it recorded the migration at `recordedAt`. */
export interface MigratedLine {
  readonly type: "migrated"
  readonly worker: number
  readonly chat: string
  readonly recordedAt: number
}

/** One call's outcome. */
export interface ResultLine {
  readonly type: "result"
  readonly worker: number
  readonly chat: string
  readonly ok: boolean
  readonly link?: string
  readonly chatId?: string
  readonly migratedFrom?: string
  readonly attempts?: number
  readonly error?: string
  readonly message?: string
}

export interface FleetRun {
  readonly requests: ReadonlyArray<RequestLine>
  readonly results: ReadonlyArray<ResultLine>
  readonly floods: ReadonlyArray<FloodLine>
  readonly migrations: ReadonlyArray<MigratedLine>
  /** Workers that printed `done` and exited 0. */
  readonly finished: number
  /** Each worker's stderr. */
  readonly stderr: ReadonlyArray<string>
  /** From `go` to the last exit, ms. */
  readonly elapsedMs: number
}

/** The standalone mock server as a child process. */
export const startMockProcess = async (): Promise<{ url: string; control: Control; stop: () => Promise<void> }> => {
  const child = spawn(process.execPath, ["--import", "tsx", "mock-server/src/bin/tg-mock-server.ts", "--port", "0"], {
    cwd: repositoryDir,
    stdio: ["ignore", "pipe", "pipe"]
  })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the mock server did not start within 30 s")), 30_000)
    let stderr = ""
    child.stderr!.on("data", (chunk) => (stderr += chunk.toString()))
    child.once("exit", (code) => reject(new Error(`the mock server exited (${code}): ${stderr}`)))
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const match = /^listening on (\S+)/.exec(line)
      if (match !== null) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
  })
  return { url, control: makeControl(url), stop: () => stopChild(child) }
}

export interface Control {
  readonly send: (method: string, path: string, body?: unknown) => Promise<unknown>
}

const makeControl = (url: string): Control => ({
  send: async (method, path, body) => {
    const response = await fetch(`${url}/__mock/${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    const json = await response.json() as { ok: boolean; result?: unknown; description?: string }
    if (!json.ok) throw new Error(`mock ${method} ${path}: ${json.description}`)
    return json.result
  }
})

export const stopChild = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const kill = setTimeout(() => child.kill("SIGKILL"), 3000)
    child.once("exit", () => {
      clearTimeout(kill)
      resolve()
    })
    child.kill("SIGTERM")
  })

export interface FleetOptions {
  readonly workers: number
  readonly apiRoot: string
  readonly redisUrl: string
  readonly chats: ReadonlyArray<string | number>
  readonly rounds: number
  readonly paceMs: number
  readonly mode?: "redis" | "memory"
  /** Called with every line, as it comes (e.g. to upgrade a group once a request for it succeeded). */
  readonly onLine?: (line: RequestLine | ResultLine) => void
  /** Called once every worker is ready, just before they are told to go. */
  readonly beforeGo?: () => Promise<void>
  /** The worker script, relative to the root (default test/redis/worker.ts); it must speak the same JSON lines. */
  readonly script?: ReadonlyArray<string>
  /** The whole run must end within this (default 90 s); then workers are killed and the run fails. */
  readonly timeoutMs?: number
}

/** Starts the workers, waits for all to be ready, says `go`, and collects everything until they exit. */
export const runFleet = async (options: FleetOptions): Promise<FleetRun> => {
  const requests: Array<RequestLine> = []
  const results: Array<ResultLine> = []
  const floods: Array<FloodLine> = []
  const migrations: Array<MigratedLine> = []
  const stderr: Array<string> = []
  let finished = 0
  const children: Array<ChildProcess> = []
  let readyCount = 0
  let onAllReady: () => void = () => {}
  const allReady = new Promise<void>((resolve) => (onAllReady = resolve))
  const exits: Array<Promise<void>> = []
  let goAt = Date.now()

  for (let worker = 0; worker < options.workers; worker++) {
    const child = spawn(process.execPath, ["--import", "tsx", ...(options.script ?? ["test/redis/worker.ts"])], {
      cwd: ROOT,
      stdio: ["pipe", "pipe", "pipe"],
      env: {
        ...process.env,
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: options.apiRoot,
        REDIS_URL: options.redisUrl,
        FLEET_MODE: options.mode ?? "redis",
        FLEET_WORKER: String(worker),
        FLEET_CHATS: options.chats.join(","),
        FLEET_ROUNDS: String(options.rounds),
        FLEET_PACE_MS: String(options.paceMs)
      }
    })
    children.push(child)
    stderr.push("")
    child.stderr!.on("data", (chunk) => (stderr[worker] += chunk.toString()))
    let done = false
    createInterface({ input: child.stdout! }).on("line", (text) => {
      let line: { type: string }
      try {
        line = JSON.parse(text)
      } catch {
        stderr[worker] += `(stdout) ${text}\n`
        return
      }
      if (line.type === "ready" && ++readyCount === options.workers) onAllReady()
      else if (line.type === "done") done = true
      else if (line.type === "request") requests.push(line as RequestLine)
      else if (line.type === "result") results.push(line as ResultLine)
      else if (line.type === "flood") floods.push(line as FloodLine)
      else if (line.type === "migrated") migrations.push(line as MigratedLine)
      if (line.type === "request" || line.type === "result") options.onLine?.(line as RequestLine | ResultLine)
    })
    exits.push(
      new Promise((resolve) =>
        child.once("exit", (code) => {
          if (code === 0 && done) finished++
          resolve()
        })
      )
    )
  }

  const timeoutMs = options.timeoutMs ?? 90_000
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)))
  try {
    if (await Promise.race([allReady.then(() => "ready" as const), timedOut]) === "timeout") {
      throw new Error(`the workers were not ready within ${timeoutMs} ms: ${stderr.join("\n")}`)
    }
    await options.beforeGo?.()
    goAt = Date.now()
    for (const child of children) child.stdin!.write("go\n")
    if (await Promise.race([Promise.all(exits).then(() => "exited" as const), timedOut]) === "timeout") {
      throw new Error(`the fleet did not finish within ${timeoutMs} ms: ${stderr.join("\n")}`)
    }
  } finally {
    clearTimeout(timer)
    await Promise.all(children.map(stopChild))
  }
  return { requests, results, floods, migrations, finished, stderr, elapsedMs: Date.now() - goAt }
}

/**
 * For each 429: the requests for its scope (its chat) that the fleet sent after that 429 had arrived and before its
 * `Retry-After` was over (a request already on its way when the 429 arrived is not counted: nobody could know yet).
 * This counts what any client would: for N independent processes, each one finds the 429 by itself.
 */
export const extraAfter429 = (requests: ReadonlyArray<RequestLine>): Array<number> =>
  requests.filter((r) => r.status === 429 && r.retryAfter !== undefined).map((flood) => {
    const deadline = flood.receivedAt + flood.retryAfter! * 1000
    return requests.filter((r) => r.chat === flood.chat && r.sentAt > flood.receivedAt && r.sentAt < deadline).length
  })

/**
 * For each gate closed after a 429: the requests for its scope sent after the gate was closed (in Redis) and before
 * the 429's deadline, i.e. by a process that did not honour the shared gate (at most one can slip through: one that
 * had read the gate just before it closed). The time between a 429 arriving and its process closing the gate (the
 * answer is read and decoded, then one Redis round trip) is the rest of {@link extraAfter429}.
 */
export const sentPastClosedGate = (run: Pick<FleetRun, "requests" | "floods">): Array<number> =>
  run.floods.map((flood) => {
    const answer = run.requests
      .filter((r) =>
        r.worker === flood.worker && r.chat === flood.chat && r.status === 429 && r.receivedAt <= flood.closedAt
      )
      .reduce<RequestLine | undefined>(
        (last, r) => last === undefined || r.receivedAt > last.receivedAt ? r : last,
        undefined
      )
    const deadline = (answer?.receivedAt ?? flood.closedAt) + flood.retryAfterMs
    return run.requests.filter((r) => r.chat === flood.chat && r.sentAt > flood.closedAt && r.sentAt < deadline).length
  })

/**
 * Migrate errors for `chat`: in total (requests already on their way when the group was upgraded all get one), and
 * requests for `chat` sent after the migration was first recorded (in Redis) by a process.
 */
export const migrateErrors = (
  run: Pick<FleetRun, "requests" | "migrations">,
  chat: string
): { total: number; sentAfterRecorded: number } => {
  const total = run.requests.filter((r) => r.chat === chat && r.status === 400).length
  const recorded = run.migrations.filter((m) => m.chat === chat).map((m) => m.recordedAt)
  if (recorded.length === 0) return { total, sentAfterRecorded: 0 }
  const first = Math.min(...recorded)
  return { total, sentAfterRecorded: run.requests.filter((r) => r.chat === chat && r.sentAt > first).length }
}
