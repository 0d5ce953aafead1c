"use client";

import type { Editor } from "@tiptap/react";
import { useId } from "react";
import { Select } from "@/components/ui/select";
import { CODE_LANGUAGE_IDS } from "@/lib/editor/code-languages";

const NAMES: Record<string, string> = {
  plaintext: "Plain text",
  bash: "Bash",
  go: "Go",
  java: "Java",
  javascript: "JavaScript",
  json: "JSON",
  python: "Python",
  rust: "Rust",
  sql: "SQL",
  typescript: "TypeScript",
  yaml: "YAML",
};

/** The languages lib/editor/code-languages.ts lists, plain text first, then a diagram (drawn, not highlighted). */
export const CODE_LANGUAGES = [
  ...[...CODE_LANGUAGE_IDS]
    .map((id) => ({ id: id as string, name: NAMES[id] ?? id }))
    .sort((a, b) => (a.id === "plaintext" ? -1 : b.id === "plaintext" ? 1 : a.name.localeCompare(b.name))),
  { id: "mermaid", name: "Mermaid" },
];

/** Shown while the cursor is in a code block. */
export function CodeLanguageSelect({ editor, language }: { editor: Editor; language: string | null }) {
  const id = useId();
  const current = language || "plaintext";
  const known = CODE_LANGUAGES.some((l) => l.id === current);
  return (
    <span className="flex shrink-0 items-center">
      <label htmlFor={id} className="sr-only">
        Code language
      </label>
      <Select
        id={id}
        data-toolbar-item=""
        value={current}
        containerClassName="w-36"
        className="h-8! text-sm!"
        onChange={(event) =>
          editor.chain().focus().updateAttributes("codeBlock", { language: event.target.value }).run()
        }
      >
        {!known && <option value={current}>{current}</option>}
        {CODE_LANGUAGES.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </Select>
    </span>
  );
}
