/** The results files the documents are generated from, each decoded by its schema (a missing file is undefined). */
import type { Schema } from "effect"
import { readResultJson } from "../results.js"
import * as B from "./schema/benchmarks.js"
import * as C from "./schema/checks.js"
import { decodeResult } from "./schema/meta.js"

/** Every results file by its section name: its file is bench/results/<name>.json. */
export const SCHEMAS = {
  startup: B.Startup,
  client: B.Client,
  server: B.Server,
  msw: B.Msw,
  flood: B.Flood,
  memory: B.Memory,
  fleet: B.Fleet,
  ablation: B.Ablation,
  "memory-diag": B.MemoryDiag,
  "mock-handle": B.MockHandle,
  "mock-start": B.MockStart,
  soak: C.Soak,
  coverage: C.Coverage,
  mutation: C.Mutation
} as const

export type Section = keyof typeof SCHEMAS
export type Results = { readonly [S in Section]: Schema.Schema.Type<(typeof SCHEMAS)[S]> | undefined }
export type ResultOf<S extends Section> = NonNullable<Results[S]>

/** Decodes one results file's JSON (the docs test uses it on files as found). */
export const decodeSection = <S extends Section>(section: S, json: unknown): ResultOf<S> =>
  decodeResult(SCHEMAS[section] as unknown as Schema.Schema<ResultOf<S>, unknown>, section, json)

/** Every results file, decoded; `read` gives a file's JSON (bench/results/ by default). */
export const loadResults = (read: (section: Section) => unknown = (section) => readResultJson(section)): Results =>
  Object.fromEntries(
    (Object.keys(SCHEMAS) as Array<Section>).map((section) => {
      const json = read(section)
      return [section, json === undefined ? undefined : decodeSection(section, json)]
    })
  ) as unknown as Results
