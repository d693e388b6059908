/**
 * The mock README's recipes as files: each code block marked `<!-- recipe: <file> -->` is written, as it is, into a
 * fresh folder inside this repository (so that `telegram-bot-api-mock` resolves to the workspace package), and run
 * there. Child processes read the package's TypeScript source (tsx and the source condition, through NODE_OPTIONS).
 */
import { spawn } from "node:child_process"
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

export const ROOT = fileURLToPath(new URL("../..", import.meta.url))

/** The recipes of the mock's README, by file name. */
export const recipes = (): Map<string, string> => {
  const readme = readFileSync(join(ROOT, "mock-server", "README.md"), "utf8")
  const found = new Map<string, string>()
  for (const match of readme.matchAll(/<!-- recipe: (\S+) -->\n```\w*\n([\s\S]*?)```/g)) found.set(match[1]!, match[2]!)
  return found
}

/** Writes the named recipes into a fresh folder of the repository; returns it and its removal. */
export const recipeFolder = (name: string, files: ReadonlyArray<string>) => {
  const all = recipes()
  const dir = join(ROOT, ".scratch", `${name}-${process.pid}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  for (const file of files) {
    const text = all.get(file)
    if (text === undefined) throw new Error(`mock-server/README.md has no recipe ${file}`)
    writeFileSync(join(dir, file), text)
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** What the children need to run the package from source. */
export const sourceEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_OPTIONS: "--import tsx --conditions=effect-telegram-invite-source"
})

/** Runs a command to its end (at most `timeoutMs`); its exit code and output. */
export const run = (command: string, args: ReadonlyArray<string>, options: { cwd: string; env: NodeJS.ProcessEnv }) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000)
    child.on("close", (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })

/** A file in `dir`, made executable: runs the mock server from source (`TG_MOCK_SERVER` for the Python recipe). */
export const serverWrapper = (dir: string): string => {
  const path = join(dir, "tg-mock-server")
  const bin = join(ROOT, "mock-server", "src", "bin", "tg-mock-server.ts")
  writeFileSync(path, `#!/bin/sh\nexec "${process.execPath}" --import tsx "${bin}" "$@"\n`, { mode: 0o755 })
  return path
}
