/**
 * scripts/check-manifest.mjs, the check both package checks run on every tarball: a manifest with an install-time
 * script (`prepare`), devDependencies or the source export condition fails it, one line per problem; the manifest an
 * installer needs passes. Run as a process on real tarballs (made here with tar), as the package checks run it.
 */
import { execFile } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"

const work = mkdtempSync(join(tmpdir(), "published-manifest-"))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** A tarball holding `manifest` as npm packs it (package/package.json), checked by the script. */
const check = (name: string, manifest: Record<string, unknown>) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const dir = join(work, name)
    mkdirSync(join(dir, "package"), { recursive: true })
    writeFileSync(join(dir, "package", "package.json"), JSON.stringify(manifest))
    execFile("tar", ["-czf", join(dir, `${name}.tgz`), "-C", dir, "package"], (tarError) => {
      if (tarError) throw tarError
      execFile(
        process.execPath,
        ["scripts/check-manifest.mjs", join(dir, `${name}.tgz`)],
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
      )
    })
  })

const installable = {
  name: "effect-telegram-invite",
  version: "0.2.0",
  type: "module",
  exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" }, "./package.json": "./package.json" },
  bin: { "tg-invite": "./dist/bin/tg-invite.js" },
  files: ["dist", "README.md"],
  peerDependencies: { effect: "^3.22.4" }
}

describe("the published manifest check", () => {
  it("passes a manifest with only what an installer needs", async () => {
    const { code, stdout, stderr } = await check("clean", installable)
    expect(stderr).toBe("")
    expect(code).toBe(0)
    expect(stdout).toBe("clean.tgz: package.json carries only what an installer needs\n")
  })

  it("fails on a prepare script, naming it", async () => {
    const { code, stderr } = await check("prepare", { ...installable, scripts: { prepare: "node scripts/build.mjs" } })
    expect(code).toBe(1)
    expect(stderr).toContain(
      `prepare.tgz: package.json: scripts.prepare: an install-time script ("node scripts/build.mjs")`
    )
  })

  it("fails on devDependencies, naming them", async () => {
    const { code, stderr } = await check("dev", { ...installable, devDependencies: { vitest: "^3.2.4" } })
    expect(code).toBe(1)
    expect(stderr).toBe("dev.tgz: package.json: devDependencies: a development field\n")
  })

  it("fails on the source export condition, naming each entry that has it", async () => {
    const exports = {
      ".": {
        "effect-telegram-invite-source": "./src/index.ts",
        types: "./dist/index.d.ts",
        default: "./dist/index.js"
      },
      "./BotApi": { types: "./dist/BotApi.d.ts", default: "./dist/BotApi.js" }
    }
    const { code, stderr } = await check("source", { ...installable, exports })
    expect(code).toBe(1)
    expect(stderr).toBe(
      `source.tgz: package.json: exports["."]: the effect-telegram-invite-source condition points at sources the package does not ship\n`
    )
  })

  it("fails on the repository's own manifests as they are (what prepack cleans before a tarball is made)", async () => {
    for (const path of ["package.json", "effect4/package.json", "mock-server/package.json"]) {
      const manifest = JSON.parse(readFileSync(path, "utf8"))
      const { code, stderr } = await check(path.replace(/\W/g, "-"), manifest)
      expect(code, path).toBe(1)
      expect(stderr, path).toContain("the effect-telegram-invite-source condition")
      expect(stderr, path).toContain("scripts: not a field an installer needs")
    }
  })
})
