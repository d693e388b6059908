/**
 * A vitest setup file (`setupFiles`): every mock the suite makes without `onDefect` rethrows its own defects instead
 * of answering 500, so a bug of the mock fails the test that met it instead of passing as a transient error.
 */
import { setDefaultDefectMode } from "telegram-bot-api-mock"

setDefaultDefectMode("throw")
