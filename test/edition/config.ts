/**
 * Configuration given to a test as Effect 3 takes it: `ConfigProvider.fromMap`, provided by `Layer.setConfigProvider`.
 * The Effect 4 edition's file of the same name uses `ConfigProvider.fromEnv` and `ConfigProvider.layer`.
 */
import { ConfigProvider, Layer } from "effect"

/** A layer under which the configuration is `entries` (as if they were the environment) and nothing else. */
export const configLayer = (entries: Readonly<Record<string, string>>): Layer.Layer<never> =>
  Layer.setConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(entries))))
