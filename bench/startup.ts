/**
 * Section "startup": what a one-shot costs, where cron jobs, CI scripts and serverless webhooks pay it on every run.
 *
 * 1. `tg-invite export -1001234567890` as installed (the bundled bin `dist/bin/tg-invite.js`, built here by
 *    `npm run build`), with `TELEGRAM_BOT_TOKEN` and `--api-root` the standalone mock, against the five-line grammY
 *    script bench/startup/grammy-export.mjs doing the same export: wall time (spawn to exit, measured here) and peak
 *    RSS (GNU time's maximum resident set size), interleaved in rounds (the order alternates), ratios paired per
 *    round, medians.
 * 2. `npm start` (the demo) to its first link on stdout: spawn to the first `https://t.me/+…`, then the run is
 *    stopped; median.
 * 3. Importing the library's main entry (`dist/index.js`) beyond what its dependencies cost themselves: the ESM
 *    modules the entry loads are listed (scripts/modules-loaded.mjs); in a fresh process, exactly the dependency
 *    modules among them (effect, @effect/platform, …) are imported, then the entry is imported and timed: what is
 *    left to load is the library's own modules (median over rounds). For information: the same as the difference of
 *    two processes (one imports the dependencies, one the entry; noisy), and `import "effect"` and
 *    `import "@effect/platform"` (the barrels) alone.
 *
 *   node --import tsx bench/startup.ts [--quick]      (also section `startup` of `npm run bench`)
 */
import { execFileSync, spawn } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { args, CHAT, ROOT, spawnServer, TOKEN } from "./common.js"
import { startSection, writeResult } from "./results.js"
import { round2 } from "./stats.js"

const { quick } = args()
const ONE_SHOT_ROUNDS = quick ? 3 : 9
const START_RUNS = quick ? 3 : 7
const IMPORT_ROUNDS = quick ? 5 : 21
const GNU_TIME = "/usr/bin/time"
const LINK = /https:\/\/t\.me\/\+[A-Za-z0-9_-]+/

interface Run {
  readonly wallMs: number
  readonly peakRssKiB: number
}

/** Runs `argv` to its end under GNU time; its wall time (measured here) and peak RSS; stdout must hold a link. */
const timed = (argv: ReadonlyArray<string>, env: NodeJS.ProcessEnv, dir: string): Promise<Run> =>
  new Promise((resolve, reject) => {
    const report = join(dir, "time.txt")
    const start = performance.now()
    const child = spawn(GNU_TIME, ["-f", "%M", "-o", report, ...argv], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"]
    })
    let stdout = ""
    let stderr = ""
    child.stdout!.on("data", (chunk) => (stdout += chunk))
    child.stderr!.on("data", (chunk) => (stderr += chunk))
    child.on("error", reject)
    child.on("exit", (code) => {
      const wallMs = performance.now() - start
      if (code !== 0 || !LINK.test(stdout)) {
        return reject(new Error(`${argv.join(" ")} exited ${code}: ${stdout}${stderr}`))
      }
      resolve({ wallMs, peakRssKiB: Number(readFileSync(report, "utf8").trim().split("\n").at(-1)) })
    })
  })

/** `npm start` until its first link on stdout; then the whole process group is stopped. */
const npmStartToFirstLink = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn("npm", ["start", "--silent"], {
      cwd: ROOT,
      env: userEnv(),
      stdio: ["ignore", "pipe", "pipe"],
      detached: true
    })
    let stdout = ""
    let stderr = ""
    let settled = false
    const stop = () => {
      try {
        process.kill(-child.pid!, "SIGTERM")
      } catch {
        // already gone
      }
    }
    const timer = setTimeout(() => {
      settled = true
      stop()
      reject(new Error(`npm start printed no link in 60 s: ${stdout}${stderr}`))
    }, 60_000)
    child.stdout!.on("data", (chunk) => {
      stdout += chunk
      if (!settled && LINK.test(stdout)) {
        settled = true
        clearTimeout(timer)
        const ms = performance.now() - start
        stop()
        resolve(ms)
      }
    })
    child.stderr!.on("data", (chunk) => (stderr += chunk))
    child.on("exit", (code) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      reject(new Error(`npm start exited ${code} before printing a link: ${stdout}${stderr}`))
    })
  })

/**
 * Imports `file` in a fresh node process; the import's wall time and CPU time (user + system) in ms, timed inside
 * that process. The CPU time is less sensitive to other work on the machine; the verdict is on wall time.
 */
/** The environment of what users run: without the bench's loader options (source conditions). */
const userEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env }
  delete env["NODE_OPTIONS"]
  return env
}

const importMs = (file: string): { wall: number; cpu: number } => {
  const script =
    `const c = process.cpuUsage(); const t = performance.now(); await import(${
      JSON.stringify(pathToFileURL(file).href)
    }); const w = performance.now() - t; const u = process.cpuUsage(c); ` +
    `process.stdout.write(JSON.stringify({ wall: w, cpu: (u.user + u.system) / 1000 }))`
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: ROOT,
    env: userEnv(),
    encoding: "utf8"
  })
  return JSON.parse(out) as { wall: number; cpu: number }
}

/**
 * In one fresh process: the dependency modules imported first (timed), then the entry (timed), whose modules are then
 * the only ones left to load and evaluate: the library's own cost, without two process start-ups' noise between.
 */
const entryAfterDependenciesMs = (depsFile: string, entry: string): { wall: number; cpu: number } => {
  const href = (file: string) => JSON.stringify(pathToFileURL(file).href)
  const script = `await import(${href(depsFile)}); const c = process.cpuUsage(); const t = performance.now(); ` +
    `await import(${href(entry)}); const w = performance.now() - t; const u = process.cpuUsage(c); ` +
    `process.stdout.write(JSON.stringify({ wall: w, cpu: (u.user + u.system) / 1000 }))`
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: ROOT,
    env: userEnv(),
    encoding: "utf8"
  })
  return JSON.parse(out) as { wall: number; cpu: number }
}

const main = async (): Promise<void> => {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} (GNU time) is needed for peak RSS: apt-get install time`)
  const section = startSection("startup", `npm run bench -- startup${quick ? " --quick" : ""}`, quick)
  process.stderr.write("  startup: npm run build\n")
  execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] })
  const bin = join(ROOT, "dist", "bin", "tg-invite.js")
  const grammyScript = fileURLToPath(new URL("./startup/grammy-export.mjs", import.meta.url))
  // Inside the repository, so that the temporary files' bare imports (`import "effect"`) resolve from its node_modules.
  mkdirSync(join(ROOT, "node_modules", ".cache"), { recursive: true })
  const dir = mkdtempSync(join(ROOT, "node_modules", ".cache", "tg-startup-"))
  const server = await spawnServer("mock")
  try {
    // ---- 1. one-shot export: ours vs the grammY script ----------------------------------------------------------
    const env: NodeJS.ProcessEnv = { ...userEnv(), TELEGRAM_BOT_TOKEN: TOKEN }
    const contenders = {
      "tg-invite": [process.execPath, bin, "export", String(CHAT), "--api-root", server.url],
      "grammY script": [process.execPath, grammyScript, String(CHAT), server.url]
    } as const
    for (const argv of Object.values(contenders)) await timed(argv, env, dir) // warm the file cache
    const rounds: Array<{ "tg-invite": Run; "grammY script": Run }> = []
    for (let round = 0; round < ONE_SHOT_ROUNDS; round++) {
      const order = round % 2 === 0
        ? (["tg-invite", "grammY script"] as const)
        : (["grammY script", "tg-invite"] as const)
      const r: Partial<Record<keyof typeof contenders, Run>> = {}
      for (const name of order) r[name] = await timed(contenders[name], env, dir)
      rounds.push(r as { "tg-invite": Run; "grammY script": Run })
    }
    process.stderr.write(`  startup: ${ONE_SHOT_ROUNDS} one-shot rounds done\n`)
    const oneShot = {
      command: {
        "tg-invite": `TELEGRAM_BOT_TOKEN=… node dist/bin/tg-invite.js export ${CHAT} --api-root <mock>`,
        "grammY script": `TELEGRAM_BOT_TOKEN=… node bench/startup/grammy-export.mjs ${CHAT} <mock>`
      },
      samples: rounds.map((r) => ({
        tgInvite: { wallMs: round2(r["tg-invite"].wallMs), peakRssKiB: r["tg-invite"].peakRssKiB },
        grammy: { wallMs: round2(r["grammY script"].wallMs), peakRssKiB: r["grammY script"].peakRssKiB }
      }))
    }

    // ---- 2. npm start to its first link ---------------------------------------------------------------------------
    await npmStartToFirstLink() // warm-up
    const starts: Array<number> = []
    for (let i = 0; i < START_RUNS; i++) starts.push(await npmStartToFirstLink())
    process.stderr.write(`  startup: ${START_RUNS} npm start runs done\n`)
    // One whole run, for the summary the README shows (its times are this machine's, this run's).
    const demoOut = execFileSync("npm", ["start", "--silent"], { cwd: ROOT, env: userEnv(), encoding: "utf8" })
    const summaryAt = demoOut.indexOf("Summary\n")
    if (summaryAt === -1) throw new Error(`npm start printed no summary: ${demoOut}`)
    const npmStart = {
      samplesMs: starts.map(round2),
      demoSummary: demoOut.slice(summaryAt).split("\n\n")[0]!.trimEnd()
    }

    // ---- 3. the main entry's import, beyond its dependencies ----------------------------------------------------------
    const entry = join(ROOT, "dist", "index.js")
    const loaded = JSON.parse(
      execFileSync(process.execPath, [join(ROOT, "scripts", "modules-loaded.mjs"), entry], {
        cwd: ROOT,
        env: userEnv(),
        encoding: "utf8"
      })
    ) as { esm: Array<string>; cjs: Array<string> }
    const distUrl = pathToFileURL(join(ROOT, "dist")).href
    const own = loaded.esm.filter((url) => url.startsWith(distUrl))
    const dependencies = loaded.esm.filter((url) => !url.startsWith(distUrl) && !url.startsWith("node:"))
    const depsFile = join(dir, "dependencies.mjs")
    writeFileSync(depsFile, dependencies.map((url) => `import ${JSON.stringify(url)}\n`).join(""))
    const entryFile = join(dir, "entry.mjs")
    writeFileSync(entryFile, `import ${JSON.stringify(pathToFileURL(entry).href)}\n`)
    const effectFile = join(dir, "effect.mjs")
    writeFileSync(effectFile, `import "effect"\n`)
    const platformFile = join(dir, "platform.mjs")
    writeFileSync(platformFile, `import "@effect/platform"\n`)
    for (const file of [depsFile, entryFile, effectFile, platformFile]) importMs(file) // warm the file cache
    type Timing = { wall: number; cpu: number }
    const imports: Array<{ dependencies: Timing; entry: Timing; effect: Timing; platform: Timing }> = []
    for (let round = 0; round < IMPORT_ROUNDS; round++) {
      const order = round % 2 === 0
        ? (["dependencies", "entry", "effect", "platform"] as const)
        : (["entry", "dependencies", "platform", "effect"] as const)
      const files = { dependencies: depsFile, entry: entryFile, effect: effectFile, platform: platformFile }
      const r: Partial<Record<keyof typeof files, Timing>> = {}
      for (const name of order) r[name] = importMs(files[name])
      imports.push(r as { dependencies: Timing; entry: Timing; effect: Timing; platform: Timing })
    }
    const afterDependencies = Array.from({ length: IMPORT_ROUNDS }, () => entryAfterDependenciesMs(depsFile, entry))
    process.stderr.write(`  startup: ${IMPORT_ROUNDS} import rounds done\n`)
    const names = ["dependencies", "entry", "effect", "platform"] as const
    const importCost = {
      modules: { own: own.length, dependencies: dependencies.length, commonjs: loaded.cjs.length },
      samplesMs: imports.map((r) =>
        Object.fromEntries(names.map((name) => [name, { wall: round2(r[name].wall), cpu: round2(r[name].cpu) }]))
      ),
      /** The entry imported after its dependencies in the same process (entryAfterDependenciesMs): the verdict. */
      afterDependenciesSamplesMs: afterDependencies.map((t) => ({ wall: round2(t.wall), cpu: round2(t.cpu) }))
    }
    const path = writeResult(section.finish({ oneShot, npmStart, importCost }))
    process.stderr.write(`  startup: wrote ${path}\n`)
  } finally {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
