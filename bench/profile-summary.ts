/**
 * Summarises a `.cpuprofile` (from `node --cpu-prof`): self time by function and by package/file, and inclusive
 * time of chosen functions.
 *
 *   node --import tsx bench/profile-summary.ts FILE.cpuprofile [--top 30] [--incl PATTERN,PATTERN]
 *
 * `--incl` adds the inclusive time (self plus callees, recursion counted once) of every function whose
 * `name file:line` contains one of the patterns.
 */
import { readFileSync } from "node:fs"

interface Node {
  readonly id: number
  readonly callFrame: { functionName: string; url: string; lineNumber: number }
  readonly children?: ReadonlyArray<number>
}
interface Profile {
  readonly nodes: ReadonlyArray<Node>
  readonly samples: ReadonlyArray<number>
  readonly timeDeltas: ReadonlyArray<number>
  readonly startTime: number
  readonly endTime: number
}

const argv = process.argv.slice(2)
const file = argv[0]
if (file === undefined) {
  process.stderr.write("usage: profile-summary FILE.cpuprofile [--top N]\n")
  process.exit(2)
}
const topAt = argv.indexOf("--top")
const top = topAt === -1 ? 30 : Number(argv[topAt + 1])
const inclAt = argv.indexOf("--incl")
const inclPatterns = inclAt === -1 ? [] : argv[inclAt + 1]!.split(",")

const profile = JSON.parse(readFileSync(file, "utf8")) as Profile
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const self = new Map<number, number>()
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i]!
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
}
const total = [...self.values()].reduce((a, b) => a + b, 0)

const where = (url: string): string => {
  if (url === "") return "(native/vm)"
  if (url.startsWith("node:")) return url
  const nm = url.lastIndexOf("node_modules/")
  if (nm !== -1) {
    const rest = url.slice(nm + "node_modules/".length).split("/")
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!
  }
  const main = url.indexOf("/work/main/")
  return main === -1 ? url : url.slice(main + "/work/main/".length)
}

/** A file, its package's path kept (`effect/dist/esm/internal/fiberRuntime.js`). */
const fileOf = (url: string): string => {
  const nm = url.lastIndexOf("node_modules/")
  if (nm !== -1) return url.slice(nm + "node_modules/".length)
  return where(url)
}

const group = (key: (n: Node) => string): Array<[string, number]> => {
  const sums = new Map<string, number>()
  for (const [id, t] of self) {
    const k = key(byId.get(id)!)
    sums.set(k, (sums.get(k) ?? 0) + t)
  }
  return [...sums].sort((a, b) => b[1] - a[1])
}

const print = (title: string, rows: Array<[string, number]>): void => {
  process.stdout.write(`\n${title} (total ${(total / 1000).toFixed(0)} ms sampled)\n`)
  for (const [k, t] of rows.slice(0, top)) {
    process.stdout.write(
      `${((100 * t) / total).toFixed(1).padStart(6)}%  ${(t / 1000).toFixed(0).padStart(7)} ms  ${k}\n`
    )
  }
}

print("self time by package or file", group((n) => where(n.callFrame.url)))
print("self time by file", group((n) => fileOf(n.callFrame.url)))
print(
  "self time by function",
  group((n) => `${n.callFrame.functionName || "(anonymous)"}  ${fileOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`)
)

if (inclPatterns.length > 0) {
  const label = (n: Node) =>
    `${n.callFrame.functionName || "(anonymous)"}  ${fileOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`
  const inclusive = new Map<string, number>()
  const open = new Map<string, number>()
  const visit = (id: number): number => {
    const node = byId.get(id)!
    const key = label(node)
    const watched = inclPatterns.some((p) => key.includes(p))
    const depth = open.get(key) ?? 0
    if (watched) open.set(key, depth + 1)
    let sum = self.get(id) ?? 0
    for (const child of node.children ?? []) sum += visit(child)
    if (watched) {
      open.set(key, depth)
      if (depth === 0) inclusive.set(key, (inclusive.get(key) ?? 0) + sum)
    }
    return sum
  }
  const root = profile.nodes[0]!
  visit(root.id)
  print("inclusive time of the chosen functions", [...inclusive].sort((a, b) => b[1] - a[1]))
}
