/**
 * Where the Effect 4 edition's child processes run: from effect4/ (this edition's package, with its node_modules) on
 * its own Node 22 (`process.execPath` of the suite), and the standalone mock from the repository's root (with the
 * root's node_modules). The Effect 3 edition's file of the same name runs everything from the root.
 */
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

/** The repository's root. */
export const repositoryDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..")

/** The folder this edition's processes (workers, examples) run in: the package whose node_modules they use. */
export const packageDir = join(repositoryDir, "effect4")

/** Where this edition's example programs are, from {@link packageDir}. */
export const examplesDir = "../examples/effect4"
