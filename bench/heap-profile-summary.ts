/**
 * Summarises a `.heapprofile` (sampled allocations, from bench/profile-client.ts `--heap-profile` or
 * `node --heap-prof`): bytes allocated by function (self), by file, and per call when `--calls N` is given.
 *
 *   node --import tsx bench/heap-profile-summary.ts FILE.heapprofile [--top 30] [--calls N]
 */
import { readFileSync } from "node:fs"

interface Node {
  readonly callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  readonly selfSize: number
  readonly children: ReadonlyArray<Node>
}

const argv = process.argv.slice(2)
const file = argv[0]
if (file === undefined) {
  process.stderr.write("usage: heap-profile-summary FILE.heapprofile [--top N] [--calls N]\n")
  process.exit(2)
}
const option = (name: string): string | undefined => {
  const at = argv.indexOf(`--${name}`)
  return at === -1 ? undefined : argv[at + 1]
}
const top = Number(option("top") ?? 30)
const calls = option("calls") === undefined ? undefined : Number(option("calls"))

const { head } = JSON.parse(readFileSync(file, "utf8")) as { head: Node }
const byFunction = new Map<string, number>()
const byFile = new Map<string, number>()
let total = 0
const shortUrl = (url: string): string => {
  const nm = url.lastIndexOf("node_modules/")
  return nm === -1 ? url.replace(/^file:\/\/.*?\/(src|bench|mock-server)\//, "$1/") : url.slice(nm + 13)
}
const walk = (node: Node): void => {
  const { columnNumber, functionName, lineNumber, url } = node.callFrame
  const where = shortUrl(url)
  const key = `${functionName || "(anonymous)"}  ${where}:${lineNumber + 1}:${columnNumber + 1}`
  byFunction.set(key, (byFunction.get(key) ?? 0) + node.selfSize)
  byFile.set(where || "(native)", (byFile.get(where || "(native)") ?? 0) + node.selfSize)
  total += node.selfSize
  for (const child of node.children) walk(child)
}
walk(head)

const show = (title: string, map: Map<string, number>): void => {
  const per = (bytes: number) => (calls === undefined ? "" : `  ${(bytes / calls).toFixed(0).padStart(6)} B/call`)
  process.stdout.write(`\n${title} (total ${(total / 2 ** 20).toFixed(1)} MiB sampled${per(total)})\n`)
  for (const [key, bytes] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(
      `  ${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${(bytes / 1024).toFixed(0).padStart(8)} KiB${
        per(bytes)
      }  ${key}\n`
    )
  }
}
show("allocated by file", byFile)
show("allocated by function", byFunction)
