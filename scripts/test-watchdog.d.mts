/** The types of test-watchdog.mjs (a plain ES module, shared by both editions' suites). */
export declare const STALL_SECONDS: number
export declare const FILE_SECONDS: number
export interface Watchdog {
  /** The test file this worker runs now (an absolute path); restarts the file's clock. */
  readonly file: (path: string) => void
  readonly fileDone: (path: string) => void
  /** The test running now. */
  readonly test: (name: string) => void
}
export declare const startWatchdog: () => Watchdog
