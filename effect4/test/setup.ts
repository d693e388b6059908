/**
 * A vitest setup file: every mock the suite makes without `onDefect` rethrows its own defects instead of answering
 * 500, so a bug of the mock fails the test that met it instead of passing as a transient error. Also checks that the
 * suite runs on the Node this package installs (22), not the machine's.
 */
import { setDefaultDefectMode } from "telegram-bot-api-mock"

setDefaultDefectMode("throw")

const major = Number(process.versions.node.split(".")[0])
if (major < 22) {
  throw new Error(
    `the Effect 4 edition's tests run on Node >= 22 (this package's node_modules/.bin/node); got ${process.version}: run them with npm test`
  )
}
