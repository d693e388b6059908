/**
 * Section "mock-start": the standalone mock's spawn to its `listening on` line, as test suites pay it for every
 * server they start: the installed command (mock-server/dist/bin/tg-mock-server.js, bundled by the mock's build,
 * mock-server/scripts/build-bin.mjs) beside the same command as tsc writes it (unbundled: what the package shipped
 * before) and Node itself printing the same line (`node -e`), the floor on the same machine. Rounds rotate which
 * runs first; each sample is one spawn.
 *
 *   node --import tsx bench/mock-start.ts [--quick]      (also `npm run bench -- mock-start`)
 */
import { execFileSync, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { args, ROOT, rotate } from "./common.js"
import { startSection, writeResult } from "./results.js"
import { median, round2 } from "./stats.js"

const { quick } = args()
const ROUNDS = quick ? 5 : 21
const section = startSection("mock-start", `npm run bench -- mock-start${quick ? " --quick" : ""}`, quick)

process.stderr.write("  mock-start: npm run build --prefix mock-server\n")
execFileSync("npm", ["run", "--silent", "build", "--prefix", "mock-server"], {
  cwd: ROOT,
  stdio: ["ignore", "ignore", "inherit"]
})
const unbundled = mkdtempSync(join(tmpdir(), "tg-mock-unbundled-"))
execFileSync(join(ROOT, "node_modules", ".bin", "tsc"), [
  "-p",
  "mock-server/tsconfig.build.json",
  "--outDir",
  unbundled
], {
  cwd: ROOT,
  stdio: ["ignore", "ignore", "inherit"]
})
const contenders = {
  mock: [join(ROOT, "mock-server", "dist", "bin", "tg-mock-server.js"), "--port", "0"],
  unbundled: [join(unbundled, "bin", "tg-mock-server.js"), "--port", "0"],
  node: ["-e", "console.log('listening on http://127.0.0.1:0')"]
} as const
type Name = keyof typeof contenders

/** Milliseconds from spawn to the `listening on` line; the process is then stopped. */
const toListening = (argv: ReadonlyArray<string>): Promise<number> =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, argv, { stdio: ["ignore", "pipe", "ignore"] })
    let seen = ""
    let at: number | undefined
    child.stdout.on("data", (chunk: Buffer) => {
      seen += chunk.toString()
      if (at === undefined && seen.includes("listening on ")) {
        at = performance.now() - started
        child.kill()
      }
    })
    child.on("error", reject)
    child.on("exit", () => (at === undefined ? reject(new Error(`no listening line: ${seen}`)) : resolve(at)))
  })

for (const argv of Object.values(contenders)) await toListening(argv) // warm the file cache
const samples: Array<Record<Name, number>> = []
for (let round = 0; round < ROUNDS; round++) {
  const sample: Partial<Record<Name, number>> = {}
  for (const name of rotate(Object.keys(contenders) as Array<Name>, round)) {
    sample[name] = round2(await toListening(contenders[name]))
  }
  samples.push(sample as Record<Name, number>)
}
rmSync(unbundled, { recursive: true, force: true })
const medianOf = (name: Name) => median(samples.map((s) => s[name])).toFixed(1)
process.stderr.write(
  `  mock-start: median ${medianOf("mock")} ms (unbundled ${medianOf("unbundled")} ms); node -e ${
    medianOf("node")
  } ms\n`
)
const path = writeResult(
  section.finish({
    commands: {
      mock: "node mock-server/dist/bin/tg-mock-server.js --port 0",
      unbundled: "node <tsc -p mock-server/tsconfig.build.json --outDir tmp>/bin/tg-mock-server.js --port 0",
      node: "node -e <print the line>"
    },
    samplesMs: samples
  })
)
process.stderr.write(`  mock-start: wrote ${path}\n`)
