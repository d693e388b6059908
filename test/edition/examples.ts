/**
 * The example programs of the Effect 3 edition (examples/*.ts, written against `effect-telegram-invite`), as the
 * tests import them. The Effect 4 edition's file of the same name imports examples/effect4/*.ts.
 */
export * as InviteBot from "../../examples/invite-bot.js"
export * as ResilientExport from "../../examples/resilient-export.js"
