/**
 * Offering to a queue from outside an effect (a logger's callback), as Effect 3 names it: `Queue.unsafeOffer`. The
 * Effect 4 edition's file of the same name uses `Queue.offerUnsafe`.
 */
import { Queue } from "effect"

/** Puts `value` in `queue` at once; whether it was taken in. */
export const offerNow = <A>(queue: Queue.Queue<A>, value: A): boolean => Queue.unsafeOffer(queue, value)
