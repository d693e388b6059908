/** The core is plain TypeScript: it imports nothing but its own modules, so both editions can share it. */
import { readdirSync, readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

const coreDir = new URL("../../src/core/", import.meta.url)

describe("src/core", () => {
  it("imports only its own modules (no effect, no node:, no platform)", () => {
    const files = readdirSync(coreDir).filter((name) => name.endsWith(".ts"))
    expect(files.length).toBeGreaterThanOrEqual(4)
    for (const file of files) {
      const source = readFileSync(new URL(file, coreDir), "utf8")
      const specifiers = [...source.matchAll(/\bfrom\s+"([^"]+)"|\bimport\s*\(\s*"([^"]+)"\s*\)|^import\s+"([^"]+)"/gm)]
        .map((m) => m[1] ?? m[2] ?? m[3])
      for (const specifier of specifiers) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\/[a-zA-Z]+\.js$/)
      }
    }
  })
})
