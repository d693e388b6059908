/** Injected faults: each catches the next `times` calls of a method (optionally for one chat), first come first used. */
import { normalizeUsername } from "../internal/text.js"
import type { Fault, FaultReply } from "../WorldSnapshot.js"

interface ActiveFault {
  readonly method: string
  /** A chat id, a normalized username, or undefined for every chat. */
  readonly chat: number | string | undefined
  remaining: number
  readonly fault: Fault
}

/** The pending faults of a world. */
export class FaultQueue {
  private faults: Array<ActiveFault> = []

  /** `chatIdOfUsername` finds a supergroup or channel by its normalized username. */
  constructor(private readonly chatIdOfUsername: (normalized: string) => number | undefined) {}

  /** Queues a (decoded) fault after the others. */
  add(fault: Fault): void {
    const chat = typeof fault.chat_id === "string" ? normalizeUsername(fault.chat_id.replace(/^@/, "")) : fault.chat_id
    this.faults.push({ method: fault.method.toLowerCase(), chat, remaining: fault.times, fault })
  }

  /** Drops every pending fault. */
  clear(): void {
    this.faults = []
  }

  /** The pending faults with the uses they have left (copies). */
  pending(): Array<Fault> {
    return this.faults.map((active) => ({ ...active.fault, reply: { ...active.fault.reply }, times: active.remaining }))
  }

  /** Takes one use of the first fault matching this call (a lower-cased method), if any. */
  take(method: string, chatParam: string | undefined): FaultReply | undefined {
    if (this.faults.length === 0) return undefined
    for (let i = 0; i < this.faults.length; i++) {
      const active = this.faults[i]!
      if (active.method !== method) continue
      if (active.chat !== undefined && !this.matchesChat(active.chat, chatParam)) continue
      if (--active.remaining <= 0) this.faults.splice(i, 1)
      return active.fault.reply
    }
    return undefined
  }

  private matchesChat(chat: number | string, chatParam: string | undefined): boolean {
    if (chatParam === undefined) return false
    if (chatParam.startsWith("@")) {
      const name = normalizeUsername(chatParam.slice(1))
      return typeof chat === "string" ? chat === name : this.chatIdOfUsername(name) === chat
    }
    if (typeof chat === "number") return String(chat) === chatParam
    return this.chatIdOfUsername(chat) === Number(chatParam)
  }
}
