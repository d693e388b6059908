/**
 * The TestClock of the Effect 3 edition's tests (`TestClock` from `effect`), made fast for the suites that move it tens
 * of thousands of times: Effect 3's TestClock polls every fiber across real timers before each sleeper it wakes, and
 * wakes one sleeper per step. The Effect 4 edition's file of the same name needs neither patch (its TestClock waits only
 * for the work each wake-up scheduled).
 */
import { Chunk, Deferred, Effect, Option, Ref, TestClock } from "effect"

export { TestClock }

/**
 * Makes the TestClock of the current test fast. `TestClock.adjust` waits, before each sleeper it wakes, until every
 * fiber is suspended, by polling the fibers' states across a `setTimeout(0)` (≥ 1 ms on Node) three times; that is
 * ~4 ms per wake-up, ~17 ms per run of three sleeps, 3 minutes for 10,000 runs. Polling across a `setImmediate`
 * instead (one turn of the event loop, with every microtask and promise job run before it) keeps the same rule
 * (sleepers run in deadline order, once everything else is suspended) at a fraction of that. The fakes here never
 * wait on a real timer, so one turn is enough for them to settle. Patched on this test's TestClock instance only.
 */
export const fastTestClock = Effect.gen(function*() {
  const clock = yield* TestClock.testClock()
  if (!("yieldTimer" in clock)) {
    // Effect's TestClock changed: the tests stay correct, only slower. Fail so that someone notices.
    return yield* Effect.dieMessage("TestClock has no yieldTimer any more: update fastTestClock")
  }
  ;(clock as unknown as { yieldTimer: Effect.Effect<void> }).yieldTimer = Effect.async<void>((resume) => {
    const handle = setImmediate(() => resume(Effect.void))
    return Effect.sync(() => clearImmediate(handle))
  })
  // Each step also forks (and then interrupts) a fiber that would print, after 5 real seconds, that a fiber is not
  // suspending. A run takes milliseconds; the fork costs a third of it.
  const patchable = clock as unknown as Record<string, unknown>
  patchable["suspendedWarningStart"] = () => Effect.void
  patchable["suspendedWarningDone"] = () => Effect.void
})

/**
 * {@link fastTestClock}, and wakes every sleeper of the earliest deadline at once. `TestClock.adjust` wakes one sleeper
 * per step, sorting every pending sleep and polling every fiber of the test before each: with 10,000 calls in flight
 * (each leaving a request-timeout sleep behind) that is O(sleeps × (sleeps + fibers)), minutes of CPU. Waking all the
 * sleepers due at the same instant together (then letting everything settle before the next instant, as before) keeps
 * the order of instants and changes nothing for sleepers at distinct instants.
 */
export const batchingTestClock = () =>
  Effect.gen(function*() {
    yield* fastTestClock
    const clock = yield* TestClock.testClock()
    const impl = clock as unknown as {
      clockState: Ref.Ref<TestClock.Data>
      awaitSuspended: () => Effect.Effect<void>
      run: (f: (instant: number) => number) => Effect.Effect<void>
    }
    if (typeof impl.awaitSuspended !== "function" || impl.clockState === undefined) {
      return yield* Effect.dieMessage("TestClock internals changed: update batchingTestClock")
    }
    const run = (f: (instant: number) => number): Effect.Effect<void> =>
      impl.awaitSuspended().pipe(
        Effect.zipRight(Ref.modify(impl.clockState, (data) => {
          const end = f(data.instant)
          let earliest = Infinity
          for (const [instant] of data.sleeps) if (instant < earliest) earliest = instant
          if (earliest > end) return [Option.none(), TestClock.makeData(end, data.sleeps)] as const
          const due: Array<Deferred.Deferred<void>> = []
          const rest: Array<readonly [number, Deferred.Deferred<void>]> = []
          for (const sleep of data.sleeps) {
            if (sleep[0] === earliest) due.push(sleep[1])
            else rest.push(sleep)
          }
          return [
            Option.some([end, due] as const),
            TestClock.makeData(earliest, Chunk.unsafeFromArray(rest as Array<[number, Deferred.Deferred<void>]>))
          ] as const
        })),
        Effect.flatMap((next) =>
          Option.match(next, {
            onNone: () => Effect.void,
            onSome: ([end, due]) =>
              Effect.forEach(due, (deferred) => Deferred.succeed(deferred, undefined), { discard: true }).pipe(
                Effect.zipRight(Effect.yieldNow()),
                Effect.zipRight(Effect.suspend(() => run(() => end)))
              )
          })
        )
      )
    impl.run = run
  })
