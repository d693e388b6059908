/**
 * Section "server": mock server throughput, measured by wrk (a C load generator, one thread, its own process) against
 * servers each in their own process: the mock (`tg-mock-server`), a bare node:http server answering a fixed envelope
 * without reading the request (the runtime's ceiling) and telegram-test-api (the npm peer) on getMe. 64 keep-alive
 * connections; rounds interleaved; every round's figures written (the report takes the medians and the paired
 * ratios). (autocannon, in the bench's own Node process, was used before:
 * on two cores it was itself the limit, and hid most of the difference between the servers.)
 */
import { execFile } from "node:child_process"
import { existsSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { args, type ChildServer, EXPORT_BODY, rotate, spawnServer, TOKEN } from "./common.js"
import { startSection, writeResult } from "./results.js"
import { round2 } from "./stats.js"

const { quick } = args()
const ROUNDS = quick ? 1 : 3
const SECONDS = quick ? 1 : 4
const CONNECTIONS = 64
/** wrk (Debian's `wrk`): a load generator in C, so that the generator is not what limits the servers on 2 cores. */
const WRK = "/usr/bin/wrk"
if (!existsSync(WRK)) throw new Error(`${WRK} is needed for the server section: apt-get install wrk`)
const POST_SCRIPT = join(mkdtempSync(join(tmpdir(), "bench-server-")), "post.lua")
writeFileSync(
  POST_SCRIPT,
  `wrk.method = "POST"\nwrk.body = '${EXPORT_BODY}'\nwrk.headers["Content-Type"] = "application/json"\n`
)

interface Scenario {
  readonly name: string
  readonly server: "mock" | "bare" | "bare-read-body" | "telegram-test-api"
  readonly request: "export" | "getMe"
}

const scenarios: ReadonlyArray<Scenario> = [
  { name: "mock exportChatInviteLink (JSON POST)", server: "mock", request: "export" },
  { name: "bare node:http, same POST", server: "bare", request: "export" },
  { name: "bare node:http, same POST, body read and parsed", server: "bare-read-body", request: "export" },
  { name: "mock getMe", server: "mock", request: "getMe" },
  { name: "bare node:http, getMe", server: "bare", request: "getMe" },
  { name: "telegram-test-api getMe", server: "telegram-test-api", request: "getMe" }
]

/** wrk's `--latency` figures in milliseconds (it prints us, ms or s). */
const wrkMs = (value: string, unit: string): number => Number(value) * (unit === "us" ? 1e-3 : unit === "s" ? 1e3 : 1)

/**
 * One run of wrk (one thread, CONNECTIONS keep-alive connections) against a server: requests per second and latency
 * percentiles. Any socket error or non-2xx answer fails the run.
 */
const load = async (server: ChildServer, request: Scenario["request"], seconds: number) => {
  const url = `${server.url}/bot${TOKEN}/${request === "export" ? "exportChatInviteLink" : "getMe"}`
  const script = request === "export" ? ["-s", POST_SCRIPT] : []
  const out = await run(WRK, ["-t1", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", ...script, url])
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out)
  const p50 = /\s50%\s+([\d.]+)(us|ms|s)\b/.exec(out)
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)\b/.exec(out)
  if (rps === null || p50 === null || p99 === null) throw new Error(`${url}: wrk said ${out}`)
  if (/Socket errors|Non-2xx/.test(out)) throw new Error(`${server.url} ${request}: ${out}`)
  return { requestsPerSec: Number(rps[1]), p50: wrkMs(p50[1]!, p50[2]!), p99: wrkMs(p99[1]!, p99[2]!) }
}

/** wrk's version (`wrk --version` prints it, then exits 1). */
const wrkVersion = (): Promise<string> =>
  new Promise((resolve) =>
    execFile(
      WRK,
      ["--version"],
      { encoding: "utf8" },
      (_error, stdout) => resolve(/wrk\s+(\S+)/.exec(stdout)?.[1] ?? "(version unknown)")
    )
  )

const run = (command: string, argv: ReadonlyArray<string>): Promise<string> =>
  new Promise((resolve, reject) =>
    execFile(
      command,
      argv,
      { encoding: "utf8" },
      (error, stdout, stderr) =>
        error === null ? resolve(stdout) : reject(new Error(`${command}: ${error.message} ${stderr}`))
    )
  )

const main = async (): Promise<void> => {
  const section = startSection("server", `npm run bench -- server${quick ? " --quick" : ""}`, quick)
  const servers = new Map<Scenario["server"], ChildServer>()
  try {
    for (const kind of ["mock", "bare", "bare-read-body", "telegram-test-api"] as const) {
      servers.set(kind, await spawnServer(kind))
    }
    for (const s of scenarios) await load(servers.get(s.server)!, s.request, 1) // warm-up
    const perRound = new Map(
      scenarios.map((s) => [s.name, [] as Array<{ requestsPerSec: number; p50Ms: number; p99Ms: number }>])
    )
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of rotate(scenarios, round)) {
        const r = await load(servers.get(s.server)!, s.request, SECONDS)
        perRound.get(s.name)!.push({
          requestsPerSec: round2(r.requestsPerSec),
          p50Ms: round2(r.p50),
          p99Ms: round2(r.p99)
        })
      }
      process.stderr.write(`  server round ${round + 1}/${ROUNDS} done\n`)
    }
    const path = writeResult(
      section.finish({
        generator: `wrk ${await wrkVersion()}, one thread`,
        secondsPerRun: SECONDS,
        connections: CONNECTIONS,
        scenarios: scenarios.map((s) => ({ name: s.name, rounds: perRound.get(s.name)! }))
      })
    )
    process.stderr.write(`  server: wrote ${path}\n`)
  } finally {
    for (const server of servers.values()) await server.stop()
  }
}

await main()
