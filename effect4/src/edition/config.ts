/**
 * Configuration as the Effect 4 edition reads it (`Config.Redacted`, `Config.String`, `Config.ConfigError`).
 *
 * @internal
 */
import * as Config from "effect/Config"
import type * as Redacted from "effect/Redacted"

/** Why a configuration could not be read. */
export type ConfigError = Config.ConfigError

/** A secret read from `name`. */
export const redacted = (name: string): Config.Config<Redacted.Redacted<string>> => Config.Redacted(name)

/** A string read from `name`. */
export const string = (name: string): Config.Config<string> => Config.String(name)
