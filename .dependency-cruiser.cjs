// The architecture's rules, checked by dependency-cruiser (`npm run lint:deps`, a step of .ci/run). Chosen over
// eslint's import rules because two of the rules are about the whole graph, which a per-file linter cannot see: what
// the main entry reaches through any chain of imports, and cycles between folders. (That cli/ names the library and
// the mock by package name, not by a path into them, is a per-file rule: eslint's no-restricted-imports, in
// eslint.config.mjs.)
//
// Folders whose modules must not import each other in a circle. The mock (mock-server/src) is being restructured and
// has such circles today (api <-> people, internal <-> world): once they are gone, add the line
//   "^mock-server/src/",
// to this list.
const cycleFreeFolders = [
  "^src/",
  "^cli/",
  "^mock-server/src/"
]

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment:
        "src/core is plain TypeScript shared by both editions: it imports only its own modules (no effect, no node:)",
      severity: "error",
      from: { path: "^src/core/" },
      to: { pathNot: "^src/core/" }
    },
    {
      name: "shell-reads-the-mock-through-its-adapter",
      comment: "the library reaches the mock only in MockHttpClient.ts, its one adapter",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/MockHttpClient\\.ts$" },
      to: { path: "^mock-server/|telegram-bot-api-mock" }
    },
    {
      name: "mock-imports-no-edition",
      comment: "the mock is its own package: it imports neither edition of the library",
      severity: "error",
      from: { path: "^mock-server/src/" },
      to: { path: "^(src|effect4|cli)/" }
    },
    {
      name: "cli-imports-public-entries",
      comment: "cli/ uses the library and the mock as a user would: their public entries, imported by package name",
      severity: "error",
      from: { path: "^cli/" },
      to: {
        path: "^(src|effect4|mock-server)/",
        pathNot: [
          "^src/(BotApi|BotApiError|BotApiMetrics|ChatId|ChatMigrations|DirectTransport|FloodGate|MockHttpClient|Policy|PolicyEvent|UndiciHttpClient|index)\\.ts$",
          "^mock-server/src/(index|Msw)\\.ts$"
        ]
      }
    },
    {
      name: "main-entry-reaches-no-redis-or-undici",
      comment: "the main entry stays light: Redis and undici are reached only from their own subpaths",
      severity: "error",
      from: { path: "^src/index\\.ts$" },
      to: { path: "(^src/redis/)|(node_modules/(ioredis|redis|@redis/[^/]+|undici)/)", reachable: true }
    },
    {
      name: "no-circular-folders",
      comment: "folders of src/, cli/ and mock-server/src/ import each other in one direction only",
      severity: "error",
      scope: "folder",
      from: { path: cycleFreeFolders },
      to: { circular: true }
    }
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(dist|coverage|effect4/dist|mock-server/dist)/" },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["effect-telegram-invite-source", "import", "types", "default"],
      extensions: [".ts", ".js", ".json"]
    }
  }
}
