/**
 * A redis-server of the calling file's own: started before its tests (on a free loopback port, persistence off) with
 * an admin connection to read and clear what the layers wrote, stopped after them. Registers nothing when
 * redis-server is not installed (the file's tests are skipped then).
 */
import { afterAll, beforeAll } from "@effect/vitest"
import { connectAdmin, type RedisAdmin } from "../edition/redis.js"
import { redisAvailable, type RedisServer, startRedis } from "./redisServer.js"

/** The file's redis-server and the admin connection to it (read them in tests, not before). */
export interface TestRedis {
  readonly server: RedisServer
  readonly admin: RedisAdmin
}

/** Starts a redis-server before the file's tests and stops it after them. */
export const useRedis = (): TestRedis => {
  let running: TestRedis | undefined
  if (redisAvailable) {
    beforeAll(async () => {
      const server = await startRedis()
      running = { server, admin: await connectAdmin(server.url) }
    })
    afterAll(async () => {
      running?.admin.close()
      await running?.server.stop()
    })
  }
  const get = (): TestRedis => {
    if (running === undefined) throw new Error("useRedis: redis-server is not running (read it inside a test)")
    return running
  }
  return {
    get server() {
      return get().server
    },
    get admin() {
      return get().admin
    }
  }
}
