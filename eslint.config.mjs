// Lint and format in the Effect house style: typescript-eslint plus dprint through @effect/eslint-plugin,
// with the formatting options of Effect's own repository.
import effect from "@effect/eslint-plugin"
import tseslint from "typescript-eslint"

export default tseslint.config(
  // effect4/src links src/ file by file (one source, compiled twice): its links are linted as src/.
  {
    ignores: ["dist/**", "node_modules/**", "coverage/**", "**/dist/**", "**/node_modules/**"]
  },
  ...tseslint.configs.recommended,
  {
    plugins: { "@effect": effect },
    rules: {
      "@effect/dprint": ["error", {
        config: {
          indentWidth: 2,
          lineWidth: 120,
          semiColons: "asi",
          quoteStyle: "alwaysDouble",
          trailingCommas: "never",
          operatorPosition: "maintain",
          "arrowFunction.useParentheses": "force"
        }
      }],
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", {
        argsIgnorePattern: "^_",
        varsIgnorePattern: "^_",
        destructuredArrayIgnorePattern: "^_"
      }],
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-namespace": "off"
    }
  },
  {
    // cli/ uses the library and the mock as a user would: by package name, never by a path into them (which public
    // entries it may use is checked with the rest of the architecture by dependency-cruiser: .dependency-cruiser.cjs).
    files: ["cli/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{
          regex: "^\\.\\./(\\.\\./)*(src|effect4|mock-server)(/|$)",
          message:
            "cli/ imports the library and the mock by package name (effect-telegram-invite/…, telegram-bot-api-mock)"
        }]
      }]
    }
  }
)
