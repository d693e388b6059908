/**
 * Offering to a queue from outside an effect (a logger's callback), as Effect 4 names it: `Queue.offerUnsafe`. The
 * Effect 3 edition's file of the same name uses `Queue.unsafeOffer`.
 */
import { Queue } from "effect"

/** Puts `value` in `queue` at once; whether it was taken in. */
export const offerNow = <A>(queue: Queue.Queue<A>, value: A): boolean => Queue.offerUnsafe(queue, value)
