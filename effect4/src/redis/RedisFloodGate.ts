/**
 * A {@link FloodGate} shared by every process of a bot through Redis: when one process is told to wait for a scope
 * (a chat, or the whole bot), every other process waits for the same deadline before calling that scope.
 *
 * A closed scope is one key, `tg:<botId>:gate:<scope>`, set with an expiry (`SET … PX <ms>`) by a small Lua script
 * (the shared core's, the Effect 3 edition's too) that keeps an already longer expiry, so a later deadline wins and
 * the key cleans itself up. It runs through Effect's `Redis.eval` (`SCRIPT LOAD` once, then `EVALSHA`). Only durations
 * cross the wire: `close` sends the time left until its deadline, `closedUntil` reads the time left (`PTTL`) and adds
 * it to this process's clock, so the machines' clocks do not have to agree.
 *
 * Each process also keeps its own in-memory gate, written on every `close` and read alongside Redis (the later
 * deadline counts). When Redis fails or is slow, the gate goes on with the in-memory one alone and logs one warning
 * per outage; a call never fails or hangs because of Redis.
 *
 * @since 0.2.0
 */

// The gate is written once for both editions; its commands go through Effect's `Redis` here (clientCommands.ts),
// whose script this edition also exports.
export { closeGateScript } from "./clientCommands.js"
export * from "./sharedFloodGate.js"
