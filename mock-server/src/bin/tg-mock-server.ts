#!/usr/bin/env node
/** `tg-mock-server`: the mock Telegram Bot API as a local HTTP server. */
import { readFileSync } from "node:fs"
import { parseArgs } from "node:util"
import type * as V8 from "node:v8"
import type { DefectMode } from "../Defects.js"
import { startMockServer } from "../HttpServer.js"
import { lazyBuiltin } from "../internal/lazyBuiltin.js"
import { MockInputError, MockTelegram, SERVED_METHODS } from "../MockTelegram.js"

const usage = `Usage: tg-mock-server [--port P] [--host H] [--world FILE] [--control-token SECRET] [--defects MODE]
                      [--webhook-host HOST]...

A stateful mock of the Telegram Bot API (${SERVED_METHODS.join(", ")})
with a control API under /__mock/ and a console page at /__mock/console.

  --port P              port to listen on (default 8081; 0 picks a free one)
  --host H              address to bind (default 127.0.0.1)
  --world FILE          a JSON world file (default: the built-in default world)
  --control-token S     require header X-Mock-Control-Token: S on /__mock/ routes
  --request-timeout MS  close requests slower than this (default 10000)
  --defects MODE        when the mock itself fails: answer (default: 500, logged to stderr
                        and counted) or throw (the process exits: for test runs)
  --webhook-host HOST   let webhooks point to HOST too (repeatable); by default only
                        loopback hosts (127.0.0.0/8, [::1], localhost) are accepted
  -h, --help            show this help`

/**
 * The live heap is small and flat (about 16 MB, nearly all loaded code), but under load V8 lets the old generation
 * grow to several times that before it collects, so RSS climbed by 40-60 MB over a million requests. A growing
 * factor of 1.5 after each full GC keeps RSS within a few MB of where it is after the first 10k requests, at a cost
 * in throughput within the noise of bench/server.ts (BENCHMARKS.md, memory). V8 reads this flag at each full GC, so
 * setting it at run time takes effect; a value given on node's own command line wins. Set once the server listens:
 * node:v8 is not loaded before `listening on` (bench/mock-start.ts).
 */
const limitHeapGrowth = (): void => {
  if (process.execArgv.some((arg) => /^--heap[-_]growing[-_]percent/.test(arg))) return
  lazyBuiltin<typeof V8>("node:v8")().setFlagsFromString("--heap-growing-percent=50")
}

const fail = (message: string): never => {
  process.stderr.write(`tg-mock-server: ${message}\n`)
  process.exit(2)
}

const readArgs = () => {
  try {
    return parseArgs({
      options: {
        port: { type: "string", default: "8081" },
        host: { type: "string", default: "127.0.0.1" },
        world: { type: "string" },
        "control-token": { type: "string" },
        "request-timeout": { type: "string", default: "10000" },
        defects: { type: "string", default: "answer" },
        "webhook-host": { type: "string", multiple: true, default: [] },
        help: { type: "boolean", short: "h", default: false }
      },
      strict: true
    }).values
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${usage}`)
  }
}

/** The mock the options describe: its world file read and validated, one line per problem when it is wrong. */
const makeMock = (
  worldFile: string | undefined,
  controlToken: string | undefined,
  onDefect: DefectMode,
  webhookHosts: ReadonlyArray<string>
) => {
  let world: unknown
  if (worldFile !== undefined) {
    try {
      world = JSON.parse(readFileSync(worldFile, "utf8"))
    } catch (error) {
      return fail(`cannot read world file ${worldFile}: ${(error as Error).message}`)
    }
  }
  try {
    return MockTelegram.make({
      ...(world !== undefined ? { world: world as never } : {}),
      controlToken,
      onDefect,
      webhooks: { allowHosts: webhookHosts }
    })
  } catch (error) {
    return fail(
      error instanceof MockInputError
        ? `invalid world file ${worldFile}:\n${error.problems.map((line) => `  ${line}`).join("\n")}`
        : String(error)
    )
  }
}

const main = async (): Promise<void> => {
  const values = readArgs()
  if (values.help) {
    process.stdout.write(`${usage}\n`)
    return
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`--port: expected 0-65535, got ${values.port}`)
  const requestTimeoutMs = Number(values["request-timeout"])
  if (!Number.isInteger(requestTimeoutMs) || requestTimeoutMs <= 0) {
    return fail(`--request-timeout: expected milliseconds`)
  }
  const defects = values.defects
  if (defects !== "answer" && defects !== "throw") return fail(`--defects: expected answer or throw, got ${defects}`)

  const mock = makeMock(values.world, values["control-token"], defects, values["webhook-host"])
  const server = await startMockServer({ mock, port, host: values.host, requestTimeoutMs }).catch((error: Error) =>
    fail(`cannot listen on ${values.host}:${port}: ${error.message}`)
  )
  process.stdout.write(`listening on ${server.url}\n`)
  limitHeapGrowth()
  // On stderr: scripts read the line above (`sed -n 's/^listening on //p'`) as the API root, whole.
  process.stderr.write(`console: ${server.consoleUrl} (the world, the requests live, and its people)\n`)
  const stop = (): void => {
    void server.close().then(() => process.exit(0))
  }
  process.once("SIGINT", stop)
  process.once("SIGTERM", stop)
}

void main()
