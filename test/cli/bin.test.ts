/**
 * The real `tg-invite` process, as built for the package (the bundle of scripts/build-bins.mjs, built here into a
 * temporary directory): what a shell sees (stdout, stderr, exit code), against the embedded and standalone mocks.
 */
import { execFile, execFileSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DEFAULT_BOT_TOKEN, MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const SECRET = DEFAULT_BOT_TOKEN.split(":")[1]!

const tgInvite = (args: Array<string>, env: Record<string, string | undefined> = {}) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const { TELEGRAM_BOT_TOKEN: _t, TELEGRAM_API_ROOT: _r, ...base } = process.env
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...base, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    )
  })

let server: RunningMockServer
const outdir = mkdtempSync(join(tmpdir(), "tg-invite-bin-"))
const bin = join(outdir, "tg-invite.js")
beforeAll(async () => {
  execFileSync(process.execPath, ["scripts/build-bins.mjs", "--outdir", outdir])
  server = await startMockServer({ mock: MockTelegram.make() })
})
afterAll(async () => {
  await server.close()
  rmSync(outdir, { recursive: true, force: true })
})

describe("tg-invite as a process", () => {
  it("exports on the embedded mock with --mock: only the link on stdout, nothing on stderr", async () => {
    const { code, stdout, stderr } = await tgInvite(["export", "-1001234567890", "--mock"])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^https:\/\/t\.me\/\+[A-Za-z0-9_-]{16}\n$/)
    expect(stderr).toBe("")
  })

  it("without a token (and without --mock) refuses: exit 2, nothing on stdout, one line naming TELEGRAM_BOT_TOKEN and --mock", async () => {
    const requestsBefore = server.mock.journal().length
    for (const args of [["export", "-1001234567890"], ["export", "-1001234567890", "--api-root", server.url]]) {
      const { code, stdout, stderr } = await tgInvite(args)
      expect(code).toBe(2)
      expect(stdout).toBe("")
      expect(stderr.split("\n").filter((line) => line !== "")).toHaveLength(1)
      expect(stderr).toContain("TELEGRAM_BOT_TOKEN")
      expect(stderr).toContain("--mock")
    }
    const json = await tgInvite(["export", "-1001234567890", "--json"])
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: "InvalidInput", exit_code: 2 })
    expect(server.mock.journal()).toHaveLength(requestsBefore)
  })

  it("a TELEGRAM_BOT_TOKEN that is not shaped like one is refused before anything is sent: exit 2, the shape named, the value not shown", async () => {
    const requestsBefore = server.mock.journal().length
    for (
      const token of [
        "garbage",
        "987654",
        ":XYZxyz",
        "0987:XYZxyz",
        "987654:XYZ/xyz",
        " 987654:XYZxyz",
        "garbage-secret-9z"
      ]
    ) {
      const { code, stdout, stderr } = await tgInvite(["export", "-1001234567890", "--api-root", server.url], {
        TELEGRAM_BOT_TOKEN: token
      })
      expect(code, token).toBe(2)
      expect(stdout).toBe("")
      expect(stderr.split("\n").filter((line) => line !== "")).toHaveLength(1)
      expect(stderr).toContain("expected <bot id>:<secret>")
      if (token.trim().length > 4) expect(stderr).not.toContain(token.trim())
    }
    const json = await tgInvite(["export", "-1001234567890", "--json", "--api-root", server.url], {
      TELEGRAM_BOT_TOKEN: "garbage"
    })
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: "InvalidInput", exit_code: 2 })
    expect(server.mock.journal()).toHaveLength(requestsBefore)
  })

  it("uses TELEGRAM_BOT_TOKEN and --api-root, and never prints the token, even on transport failures", async () => {
    server.mock.injectFault({ method: "exportChatInviteLink", times: 2, reply: { drop: true } })
    const ok = await tgInvite(["export", "-1001234567890", "--api-root", server.url], {
      TELEGRAM_BOT_TOKEN: DEFAULT_BOT_TOKEN
    })
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/^https:\/\/t\.me\/\+/)
    expect(ok.stderr).toMatch(/retrying exportChatInviteLink in \d+ ms \(attempt 2 of 5\) after:/)
    server.mock.injectFault({ method: "exportChatInviteLink", times: 5, reply: { drop: true } })
    const failed = await tgInvite(["export", "-1001234567890", "--max-attempts", "2", "--json"], {
      TELEGRAM_BOT_TOKEN: DEFAULT_BOT_TOKEN,
      TELEGRAM_API_ROOT: server.url
    })
    expect(failed.code).toBe(6)
    expect(JSON.parse(failed.stdout)).toMatchObject({
      ok: false,
      error: "TransportError",
      exit_code: 6,
      reason: "Network"
    })
    for (const text of [ok.stdout, ok.stderr, failed.stdout, failed.stderr]) expect(text).not.toContain(SECRET)
    server.mock.clearFaults()
  })

  it("exits 3 on a refusal and 2 on an invalid chat id, with one line on stderr", async () => {
    const refused = await tgInvite(["export", "42", "--mock"])
    expect(refused.code, refused.stderr).toBe(3)
    expect(refused.stdout).toBe("")
    expect(refused.stderr.trim().split("\n").at(-1)).toBe(
      "tg-invite: Telegram refused exportChatInviteLink for 42: Bad Request: can't invite members to a private chat (error 400)"
    )
    const invalid = await tgInvite(["export", "@no__such", "--mock"])
    expect(invalid.code).toBe(2)
    expect(invalid.stdout).toBe("")
  })

  it("an invalid option: one line naming it, exit 2, nothing sent; with --json a JSON error object", async () => {
    const requestsBefore = server.mock.journal().length
    for (const args of [["--max-attempts", "abc"], ["--max-attempts", "2.5"], ["--max-attempts=abc"]]) {
      const plain = await tgInvite(["export", "-1001234567890", ...args, "--api-root", server.url], {
        TELEGRAM_BOT_TOKEN: DEFAULT_BOT_TOKEN
      })
      expect(plain.code).toBe(2)
      expect(plain.stdout).toBe("")
      expect(plain.stderr).toMatch(/^tg-invite: --max-attempts: expected a whole number of at least 1, got "[^"]+"\n$/)
      const json = await tgInvite(["export", "-1001234567890", ...args, "--json"], {
        TELEGRAM_BOT_TOKEN: DEFAULT_BOT_TOKEN
      })
      expect(json.code).toBe(2)
      expect(JSON.parse(json.stdout)).toEqual({
        ok: false,
        error: "InvalidInput",
        exit_code: 2,
        message: plain.stderr.slice("tg-invite: ".length).trim()
      })
    }
    const unknown = await tgInvite(["export", "-1001234567890", "--bogus", "--api-root", server.url, "--json"])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain(`unknown option "--bogus"`)
    expect(JSON.parse(unknown.stdout)).toMatchObject({ ok: false, error: "InvalidInput", exit_code: 2 })
    expect(server.mock.journal()).toHaveLength(requestsBefore)
  })

  it("--help is plain text when stdout is not a terminal, coloured on one unless NO_COLOR", async () => {
    const piped = await tgInvite(["export", "--help"])
    expect(piped.stdout).toContain("Options:")
    expect(piped.stdout).not.toMatch(/\x1b\[/)
    const onTerminal = (env: Record<string, string>) =>
      new Promise<string>((resolve) => {
        execFile(
          "script",
          ["-qec", `${process.execPath} ${bin} --help`, "/dev/null"],
          { env: { ...process.env, ...env, TERM: "xterm" }, timeout: 30_000 },
          (_error, stdout) => resolve(stdout)
        )
      })
    expect(await onTerminal({})).toMatch(/\x1b\[1mUsage:/)
    const noColour = await onTerminal({ NO_COLOR: "1" })
    expect(noColour).toContain("Usage:")
    expect(noColour).not.toMatch(/\x1b\[/)
  })

  it("documents the exit codes in --help", async () => {
    const { code, stdout } = await tgInvite(["export", "--help"])
    expect(code).toBe(0)
    for (const line of ["0  the link was exported", "3  Telegram refused the call", "6  transport failure"]) {
      expect(stdout).toContain(line)
    }
  })
})
