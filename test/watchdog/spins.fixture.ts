/** A test file that never yields (run only by test/watchdog/watchdog.test.ts, through vitest.fixture.config.ts). */
import { expect, it } from "vitest"

it("ends", () => expect(1).toBe(1))

it("spins forever", () => {
  let n = 0
  while (n >= 0) n = (n + 1) % 1000
})
