/**
 * Configuration as the Effect 3 edition reads it (`Config.redacted`, `Config.string`, `ConfigError`).
 *
 * @internal
 */
import * as Config from "effect/Config"
import type * as ConfigErrorModule from "effect/ConfigError"
import type * as Redacted from "effect/Redacted"

/** Why a configuration could not be read. */
export type ConfigError = ConfigErrorModule.ConfigError

/** A secret read from `name`. */
export const redacted = (name: string): Config.Config<Redacted.Redacted<string>> => Config.redacted(name)

/** A string read from `name`. */
export const string = (name: string): Config.Config<string> => Config.string(name)
