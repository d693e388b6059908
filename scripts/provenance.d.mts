/** The types of provenance.mjs. */
export interface Provenance {
  /** When the run ended (ISO 8601, UTC). */
  readonly date: string
  /** The commit checked out when the run started; null outside a git checkout. */
  readonly commit: string | null
  /** Whether the tree differed from that commit (outside bench/results/ and the generated documents). */
  readonly dirty: boolean | null
  readonly cpu: string
  readonly nproc: number
  readonly node: string
  /** 1-minute load average before and after the run. */
  readonly loadAverage: { readonly before: number; readonly after: number }
  readonly seconds: number
}
export declare const commitOf: () => { readonly commit: string | null; readonly dirty: boolean | null }
export declare const startProvenance: () => { readonly finish: () => Provenance }
