/**
 * A Node built-in loaded on its first use rather than at start-up: a start of the mock pays for every module it
 * loads (bench/mock-start.ts), and some are needed only by calls most runs never make (https for a webhook to an https
 * URL, zlib for a compressed body). Synchronous, as the mock's handlers are.
 */
import type * as Crypto from "node:crypto"
import { createRequire } from "node:module"

const requireBuiltin = createRequire(import.meta.url)

/** `() => module`, loading `name` (a `node:` specifier) on the first call. */
export const lazyBuiltin = <Module>(name: `node:${string}`): () => Module => {
  let loaded: Module | undefined
  return () => (loaded ??= requireBuiltin(name) as Module)
}

/** node:crypto (~3 ms of a start): needed by the first link, file or payment, not by `listening on`. */
export const nodeCrypto = lazyBuiltin<typeof Crypto>("node:crypto")
