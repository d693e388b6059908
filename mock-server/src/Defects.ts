/**
 * What the mock does when it fails itself (an unexpected exception, not a refusal it means): a defect must not look
 * like a transient 500 that clients retry, or a broken mock passes tests it should fail.
 */

/**
 * `"throw"`: the exception propagates out of `handle` (and out of a delayed reply), so a test fails loudly.
 * `"answer"`: the request gets `500 Internal Server Error`, the defect is counted (`defectCount`), journaled
 * (`fault: "defect"`) and reported to the transport (the standalone server logs one line).
 */
export type DefectMode = "throw" | "answer"

let defaultMode: DefectMode = "answer"

/**
 * Sets the defect mode of every mock that was not given `onDefect`, for the whole process. Meant for test suites:
 * call `setDefaultDefectMode("throw")` in a setup file so no mock can hide its own bug behind a 500.
 */
export const setDefaultDefectMode = (mode: DefectMode): void => {
  defaultMode = mode
}

/** The process-wide default set by `setDefaultDefectMode` ("answer" unless changed). */
export const defaultDefectMode = (): DefectMode => defaultMode
