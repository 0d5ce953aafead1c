import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const config = [
  ...next,
  ...nextTs,
  // Prettier owns layout (`npm test` runs `prettier --check`); ESLint keeps to correctness.
  prettier,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "lib/db/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // No line over 120 characters (issue 12); Prettier wraps code, this catches strings and comments.
      "max-len": ["error", { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
  {
    // The domain never reaches up into the screens or the routes (STYLE.md, "Boundaries we keep").
    files: ["lib/**/*.{ts,tsx,mts,mjs}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/|(\\.\\./)+)(components|app)(/|$)",
              message: "lib/ must not import from components/ or app/: move what both need into lib/.",
            },
          ],
        },
      ],
    },
  },
  {
    // JavaScript budget (issue 3): the Toaster mounts on the first toast, so a toast sent
    // through sonner directly would never show; and zod stays out of client bundles.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["components/ui/toaster.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "sonner", message: 'Import { toast } from "@/components/ui/toaster" (sonner loads lazily there).' },
          ],
        },
      ],
    },
  },
];
export default config;
