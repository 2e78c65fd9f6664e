// Type-aware lint for the whole workspace, and the architecture boundaries
// from ARCHITECTURE.md.
import tseslint from "typescript-eslint";

const serverCode = [
  "apps/server/src/**/*.ts",
  "packages/api/src/**/*.ts",
  "packages/db/src/**/*.ts",
];
const scripts = [
  "**/bin/**",
  "**/cli/**",
  "**/bench/**",
  "**/scripts/**",
  "**/seed/**",
  "examples/**",
];

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/generated/**",
      "**/.data/**",
      "test-artifacts/**",
      "**/*.js",
      "**/*.mjs",
    ],
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [tseslint.configs.base],
    languageOptions: {
      parserOptions: { projectService: true },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports" },
      ],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "padding-line-between-statements": [
        "error",
        { blankLine: "always", prev: "*", next: "return" },
      ],
    },
  },
  {
    files: serverCode,
    ignores: scripts,
    rules: { "no-console": "error" },
  },
  {
    files: ["packages/api/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["express", "ws", "react"].map((name) => ({
            name,
            message: "packages/api knows nothing of its hosts",
          })),
        },
      ],
    },
  },
  {
    files: ["apps/web/src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@rally/db", "@rally/db/*", "@rally/server"],
              message: "the console talks to the server only through tRPC",
            },
          ],
        },
      ],
    },
  },
);
