import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["dist/", "node_modules/", "coverage/", "schema/", ".data/", "test-results/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        // As in tsconfig.json. With both set, consistent-type-imports keeps value imports of
        // classes named in decorated signatures: type-graphql and TypeORM read them at run time
        // through decorator metadata, and `import type` would erase them.
        emitDecoratorMetadata: true,
        experimentalDecorators: true,
      },
    },
    plugins: { "simple-import-sort": simpleImportSort },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { args: "after-used", argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "simple-import-sort/imports": "error",
      "simple-import-sort/exports": "error",
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Use named exports." },
        { selector: "ExportSpecifier[exported.name='default']", message: "Use named exports." },
      ],
    },
  },
  {
    // CommonJS tool configuration (jest.config.js and the like).
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { module: "writable", require: "readonly", __dirname: "readonly", process: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Tool configuration files are loaded by their tool through a default export.
    files: ["**/*.mjs"],
    rules: { "no-restricted-syntax": "off" },
  },
);
