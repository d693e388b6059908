/**
 * The example programs of the Effect 4 edition (examples/effect4/*.ts, written against
 * `effect-telegram-invite-effect4`), as the tests import them. The Effect 3 edition's file of the same name imports
 * examples/*.ts.
 */
export * as InviteBot from "../../../examples/effect4/invite-bot.js"
export * as ResilientExport from "../../../examples/effect4/resilient-export.js"
