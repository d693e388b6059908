/**
 * Where the Effect 3 edition's child processes run: from the repository's root (this edition's package), on the
 * machine's Node (`process.execPath`), with the root's node_modules. The Effect 4 edition's file of the same name runs
 * them from effect4/ on its own Node 22, and the standalone mock from the repository's root.
 */
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

/** The repository's root. */
export const repositoryDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..")

/** The folder this edition's processes (workers, examples) run in: the package whose node_modules they use. */
export const packageDir = repositoryDir

/** Where this edition's example programs are, from {@link packageDir}. */
export const examplesDir = "examples"
