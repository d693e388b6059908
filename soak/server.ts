/** The mock the soak drives: the standalone server as its own child process on loopback, its defects and its memory. */
import { type ChildProcess, spawn } from "node:child_process"
import { readFileSync } from "node:fs"

/** The server's report of a defect of the mock (HttpServer.ts), one line each on its stderr. */
const DEFECT_LINE = /defect in /

export interface SoakServer {
  readonly child: ChildProcess
  readonly host: string
  readonly port: number
  /** Defects the server reported so far. */
  readonly defects: () => number
}

export const startServer = (root: string): Promise<SoakServer> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "mock-server/src/bin/tg-mock-server.ts", "--port", "0"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"]
    })
    let defects = 0
    let err = ""
    child.stderr!.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk)
      err += chunk.toString()
      const lines = err.split("\n")
      err = lines.pop()!
      for (const line of lines) if (DEFECT_LINE.test(line)) defects++
    })
    let out = ""
    child.stdout!.on("data", (chunk) => {
      out += chunk
      const match = /listening on http:\/\/([^:]+):(\d+)/.exec(out)
      if (match !== null) resolve({ child, host: match[1]!, port: Number(match[2]), defects: () => defects })
    })
    child.on("exit", (code) => reject(new Error(`the server exited (${code}) before listening: ${out}`)))
    child.on("error", reject)
  })

/** The process's resident memory now and at its peak, in MiB (Linux /proc). */
export const memory = (pid: number): { rss: number; peak: number } => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8")
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN)
  return { rss: kib("VmRSS") / 1024, peak: kib("VmHWM") / 1024 }
}
