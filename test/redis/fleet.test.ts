/**
 * One bot run by several processes: real `node` workers (test/redis/worker.ts, on the edition's Node, over the
 * edition's Redis modules) export links for the same chats through the standalone mock server (its own process),
 * sharing the flood gate and the migration registry through a real redis-server. Real time, kept short: retry_after
 * is 1 s, and every run is bounded.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { connectAdmin } from "../edition/redis.js"
import { extraAfter429, type FleetRun, migrateErrors, runFleet, sentPastClosedGate, startMockProcess } from "./fleet.js"
import { announceSkip, freePort, redisAvailable, type RedisServer, startRedis } from "./redisServer.js"

announceSkip()

const SUPERGROUP = -1001234567890
const CHANNEL = -1001000000001
const GROUP = -555555555
const CHATS = [SUPERGROUP, CHANNEL, GROUP]
const TYPED_ERRORS = ["FloodWaitError", "ChatMigratedError", "TelegramApiError", "TransportError", "InvalidChatIdError"]

let redis: RedisServer
let mock: Awaited<ReturnType<typeof startMockProcess>>

const flushRedis = async () => {
  const admin = await connectAdmin(redis.url)
  await admin.flushAll()
  admin.close()
}

/** Every call of every worker ended, with a link or a typed error. */
const assertNothingLost = (run: FleetRun, workers: number, rounds: number) => {
  assert.strictEqual(run.finished, workers, run.stderr.join("\n"))
  assert.strictEqual(run.results.length, workers * rounds * CHATS.length)
  for (let worker = 0; worker < workers; worker++) {
    assert.strictEqual(run.results.filter((r) => r.worker === worker).length, rounds * CHATS.length)
  }
  for (const result of run.results) {
    if (result.ok) assert.match(result.link!, /^https:\/\/t\.me\/\+[A-Za-z0-9_-]+$/)
    else assert.include(TYPED_ERRORS, result.error, JSON.stringify(result))
  }
}

const summary = (run: FleetRun) => {
  const extras = extraAfter429(run.requests)
  return {
    seconds: run.elapsedMs / 1000,
    calls: run.results.length,
    links: run.results.filter((r) => r.ok).length,
    errors: run.results.filter((r) => !r.ok).map((r) => `${r.chat}: ${r.error}: ${r.message}`),
    requests: run.requests.length,
    floods: extras.length,
    extraAfter429: extras,
    sentPastClosedGate: sentPastClosedGate(run),
    migrate: migrateErrors(run, String(GROUP))
  }
}

describe.skipIf(!redisAvailable)("a fleet of processes sharing Redis (real redis-server, standalone mock)", () => {
  beforeAll(async () => {
    ;[redis, mock] = await Promise.all([startRedis(), startMockProcess()])
  })
  afterAll(async () => {
    await Promise.all([redis?.stop(), mock?.stop()])
  })

  const prepare = async () => {
    await flushRedis()
    await mock.control.send("POST", "reset")
    await mock.control.send("PUT", "limits", [{
      method: "exportChatInviteLink",
      chat_id: SUPERGROUP,
      max_calls: 6,
      per_seconds: 1,
      // absorb_seconds 0: past the limit the mock answers 429 at once instead of answering late (as Telegram absorbs
      // short waits), so that the shared gate is what this test measures.
      absorb_seconds: 0
    }])
    await mock.control.send("POST", "faults", {
      method: "exportChatInviteLink",
      chat_id: CHANNEL,
      times: 1,
      reply: { error_code: 429, retry_after: 1 }
    })
  }

  /** Upgrades the basic group once the fleet has exported its link `after` times. */
  const upgradeMidRun = (after = 3) => {
    let seen = 0
    let upgraded = false
    return (line: { type: string; chat: string; status?: number }) => {
      if (
        line.type === "request" && line.chat === String(GROUP) && line.status === 200 && ++seen === after && !upgraded
      ) {
        upgraded = true
        void mock.control.send("POST", "upgrade", { chat_id: GROUP })
      }
    }
  }

  it(
    "6 workers: past a closed gate at most one request per 429, one migrate error once the move is known, no call lost",
    async () => {
      await prepare()
      const workers = 6
      const rounds = 4
      const run = await runFleet({
        workers,
        apiRoot: mock.url,
        redisUrl: redis.url,
        chats: CHATS,
        rounds,
        paceMs: 20,
        onLine: upgradeMidRun(8)
      })
      const stats = summary(run)
      console.log(`fleet run: ${JSON.stringify(stats)}`)
      assertNothingLost(run, workers, rounds)
      // The injected 429 and the flood limit both answered 429s. Once the process told to wait had closed the
      // shared gate, at most one request for that chat went out before the deadline (one that had just read it).
      assert.isAtLeast(stats.floods, 2)
      assert.isAtLeast(stats.sentPastClosedGate.length, 2)
      assert.isAtMost(Math.max(...stats.sentPastClosedGate), 1, JSON.stringify(stats))
      // The group was upgraded mid-run. Once one process had recorded the move, at most one request went to the
      // old id (the others went straight to the new one): the fleet hit the migrate error at most once after that.
      assert.isAtLeast(stats.migrate.total, 1)
      assert.isAtMost(stats.migrate.sentAfterRecorded, 1, JSON.stringify(stats))
      const moved = run.results.filter((r) => r.migratedFrom === String(GROUP))
      assert.isAbove(moved.length, 0)
      for (const r of moved) assert.strictEqual(r.chatId, moved[0]!.chatId)
      // No warning: Redis was there all along.
      assert.notInclude(run.stderr.join("\n"), "unreachable")
    },
    120_000
  )

  it("Redis unreachable: every call still ends, each worker warns once", async () => {
    await prepare()
    const workers = 3
    const rounds = 2
    const run = await runFleet({
      workers,
      apiRoot: mock.url,
      redisUrl: `redis://127.0.0.1:${await freePort()}`,
      chats: CHATS,
      rounds,
      paceMs: 5,
      onLine: upgradeMidRun()
    })
    console.log(`fleet run without Redis: ${JSON.stringify(summary(run))}`)
    assertNothingLost(run, workers, rounds)
    for (const stderr of run.stderr) {
      assert.strictEqual(stderr.match(/unreachable/g)?.length, 1, stderr)
    }
  }, 120_000)

  it(
    "Redis restarted mid-run: every call still ends; a worker that lost Redis warns once and picks it up again",
    async () => {
      await prepare()
      const workers = 3
      const rounds = 4
      let restarted: Promise<void> | undefined
      let results = 0
      const upgrade = upgradeMidRun()
      const run = await runFleet({
        workers,
        apiRoot: mock.url,
        redisUrl: redis.url,
        chats: CHATS,
        rounds,
        paceMs: 10,
        onLine: (line) => {
          upgrade(line as never)
          // Down long enough (1 s) that the workers, pacing their calls by up to 10 ms, meet the outage.
          if (line.type === "result" && ++results === 9) restarted = redis.restart(1_000)
        }
      })
      await restarted
      const outages = run.stderr.filter((stderr) => stderr.includes("is unreachable")).length
      const recovered = run.stderr.filter((stderr) => stderr.includes("reachable again")).length
      console.log(`fleet run with a Redis restart: ${JSON.stringify({ ...summary(run), outages, recovered })}`)
      assertNothingLost(run, workers, rounds)
      // Some worker met the outage (else this test checks nothing), and every worker that did took Redis up again.
      assert.isAtLeast(outages, 1, "no worker saw Redis go away")
      assert.strictEqual(recovered, outages, run.stderr.join("\n"))
      // Whoever saw Redis go away warned once, and took it up again once it was back.
      for (const stderr of run.stderr) {
        assert.isAtMost(stderr.match(/is unreachable/g)?.length ?? 0, 1, stderr)
        if (stderr.includes("is unreachable")) assert.include(stderr, "reachable again", stderr)
      }
    },
    120_000
  )
})
