#!/usr/bin/env node
// The code blocks of a README that a newcomer would copy, as scripts/check-readme-projects.sh runs them. A block is
// marked by an HTML comment on the line before its fence (invisible where the README is rendered):
//   <!-- fresh-project: init -->            shell lines that start a project (run first)
//   <!-- fresh-project: install -->         install lines (run next, in the README's order)
//   <!-- fresh-project: file src/bot.ts --> a file of the project, written as shown
//   <!-- fresh-project: run -->             commands run in the project once every file is written
//
//   node scripts/readme-blocks.mjs README.md block install   the blocks of that kind, in order (none: exit 1)
//   node scripts/readme-blocks.mjs README.md files DIR        writes every file block under DIR, prints the paths
//   node scripts/readme-blocks.mjs README.md json             every marked block, as JSON ([{ marker, text }])
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join, normalize } from "node:path"

const [readmePath, command, argument] = process.argv.slice(2)
const fail = (message) => {
  process.stderr.write(`readme-blocks: ${readmePath}: ${message}\n`)
  process.exit(1)
}
if (readmePath === undefined || !["block", "files", "json"].includes(command) || (command !== "json" && !argument)) {
  process.stderr.write("usage: node scripts/readme-blocks.mjs README.md block <kind> | files <dir> | json\n")
  process.exit(2)
}

/** Every marked block: its marker (`install`, `file src/bot.ts`, …) and its text. */
const markedBlocks = (text) => {
  const lines = text.split("\n")
  const blocks = []
  for (let i = 0; i < lines.length; i++) {
    const marker = /^<!-- fresh-project: (.+?) -->$/.exec(lines[i].trim())
    if (marker === null) continue
    const fence = /^(`{3,})\w*$/.exec(lines[i + 1]?.trim() ?? "")
    if (fence === null) fail(`line ${i + 1}: "${marker[1]}" is not followed by a fenced code block`)
    const end = lines.findIndex((line, at) => at > i + 1 && line.trim() === fence[1])
    if (end === -1) fail(`line ${i + 2}: the code block of "${marker[1]}" is not closed`)
    blocks.push({ marker: marker[1], text: `${lines.slice(i + 2, end).join("\n")}\n` })
    i = end
  }
  return blocks
}

const blocks = markedBlocks(readFileSync(readmePath, "utf8"))
if (command === "json") {
  process.stdout.write(`${JSON.stringify(blocks)}\n`)
} else if (command === "block") {
  const found = blocks.filter((block) => block.marker === argument)
  if (found.length === 0) fail(`no block marked <!-- fresh-project: ${argument} -->`)
  process.stdout.write(found.map((block) => block.text).join(""))
} else {
  const files = blocks.filter((block) => block.marker.startsWith("file "))
  if (files.length === 0) fail("no block marked <!-- fresh-project: file PATH -->")
  for (const { marker, text } of files) {
    const path = normalize(marker.slice("file ".length).trim())
    if (path.startsWith("..") || path.startsWith("/")) fail(`${marker}: a file outside the project`)
    mkdirSync(dirname(join(argument, path)), { recursive: true })
    writeFileSync(join(argument, path), text)
    process.stdout.write(`${path}\n`)
  }
}
