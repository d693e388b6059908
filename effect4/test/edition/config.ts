/**
 * Configuration given to a test as Effect 4 takes it: `ConfigProvider.fromEnv`, provided by `ConfigProvider.layer`.
 * The Effect 3 edition's file of the same name uses `ConfigProvider.fromMap` and `Layer.setConfigProvider`.
 */
import { ConfigProvider, type Layer } from "effect"

/** A layer under which the configuration is `entries` (as if they were the environment) and nothing else. */
export const configLayer = (entries: Readonly<Record<string, string>>): Layer.Layer<never> =>
  ConfigProvider.layer(ConfigProvider.fromEnv({ env: { ...entries } }))
