/**
 * setPassportDataErrors (telegram-wire-chats.md §21 Passport; Client.cpp process_set_passport_data_errors_query): the
 * errors are read as the real server reads them and checked as Telegram does (a data hash must be a SHA-256 hash:
 * DATA_HASH_SIZE_INVALID); the person would see them in their app, which the mock does not have.
 */
import { readPassportErrors } from "../../input/passportErrors.js"
import { apiError } from "../envelope.js"
import { commit, method, methods } from "../table/method.js"
import { custom, raw, userId } from "../table/params.js"
import { tdlibError, userRefusal } from "../tdlibError.js"

/** setPassportDataErrors. */
export const passportMethods = methods({
  setPassportDataErrors: method({
    family: "passport",
    summary: "reports errors in a person's Telegram Passport data (read and checked; the person's app is not modelled)",
    params: {
      user_id: userId,
      errors: custom("Array of PassportElementError", (input) => {
        const errors = readPassportErrors(raw(input) ?? "")
        return "refusal" in errors ? tdlibError(errors.refusal) : errors
      }, { required: true })
    },
    run: (p, call) => {
      const unknown = userRefusal(call.world, p.user_id)
      if (unknown !== undefined) return unknown
      if (p.errors.some((error) => error.dataHashBytes !== undefined && error.dataHashBytes !== 32)) {
        return apiError(400, "Bad Request: DATA_HASH_SIZE_INVALID")
      }
      return commit(undefined, () => "true")
    }
  })
})
