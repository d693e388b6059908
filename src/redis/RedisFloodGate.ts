/**
 * A {@link FloodGate} shared by every process of a bot through Redis: when one process is told to wait for a scope
 * (a chat, or the whole bot), every other process waits for the same deadline before calling that scope.
 *
 * A closed scope is one key, `tg:<botId>:gate:<scope>`, set with an expiry (`SET … PX <ms>`) by a small Lua script
 * that keeps an already longer expiry, so a later deadline wins and the key cleans itself up. Only durations cross
 * the wire: `close` sends the time left until its deadline, `closedUntil` reads the time left (`PTTL`) and adds it to
 * this process's clock. Redis's own clock measures the wait, so the machines' clocks do not have to agree.
 *
 * Each process also keeps its own in-memory gate, written on every `close` and read alongside Redis (the later
 * deadline counts). When Redis fails or is slow, the gate goes on with the in-memory one alone and logs one warning
 * per outage; a call never fails or hangs because of Redis.
 *
 * @since 0.1.0
 */

// The gate is written once for both editions; its commands go through ioredis here (clientCommands.ts).
export * from "./sharedFloodGate.js"
