"use client";

import { useEditorState, type ChainedCommands, type Editor } from "@tiptap/react";
import {
  Bold,
  Code,
  Heading3,
  Heading4,
  ImagePlus,
  Italic,
  List,
  ListOrdered,
  ListTodo,
  Minus,
  Redo2,
  SquareCode,
  Strikethrough,
  TextQuote,
  Undo2,
  Workflow,
  type LucideIcon,
} from "lucide-react";
import { useRef, type RefObject } from "react";
import { createLazyComponent } from "@/components/ui/lazy-component";
import { createComponentLoader, useLazyComponent } from "@/components/ui/use-lazy-component";
import type { ImageAttrs } from "@/lib/editor/image";
import { ACCEPTED_IMAGE_TYPES } from "@/lib/media/limits";
import { DIAGRAM_STARTER } from "./block-commands";
import type { CodeLanguageSelect as CodeLanguageSelectType } from "./code-language-select";
import { startImageUploads } from "./image-uploads";
import { LinkPopover } from "./link-popover";
import { TableMenu } from "./table-menu";
import { ToolbarButton, ToolbarDivider } from "./toolbar-button";
import { useRovingToolbar } from "./use-roving-toolbar";

type ToolbarState = ReturnType<typeof selectState>;

// The language list and its select come with the first code block the caret is in, not with every editor. If that
// fetch fails (offline before any code block was edited), the select is not shown; the next code block asks again.
const codeLanguageSelect = createComponentLoader(() =>
  import("./code-language-select").then((m) => m.CodeLanguageSelect),
);
const ignore = () => {};

function CodeLanguageSelect(props: Parameters<typeof CodeLanguageSelectType>[0]) {
  const { Component } = useLazyComponent(codeLanguageSelect, true, ignore);
  return Component ? <Component {...props} /> : null;
}

function selectState({ editor }: { editor: Editor }) {
  const can = editor.can();
  return {
    h3: editor.isActive("heading", { level: 3 }),
    h4: editor.isActive("heading", { level: 4 }),
    bold: editor.isActive("bold"),
    italic: editor.isActive("italic"),
    strike: editor.isActive("strike"),
    code: editor.isActive("code"),
    bulletList: editor.isActive("bulletList"),
    orderedList: editor.isActive("orderedList"),
    taskList: editor.isActive("taskList"),
    blockquote: editor.isActive("blockquote"),
    codeBlock: editor.isActive("codeBlock"),
    link: editor.isActive("link"),
    image: editor.isActive("image") ? (editor.getAttributes("image") as ImageAttrs) : null,
    table: editor.isActive("table"),
    language: editor.isActive("codeBlock")
      ? ((editor.getAttributes("codeBlock").language as string | null) ?? null)
      : null,
    // Marks are not allowed in code blocks; the buttons say so by being disabled.
    canMark: can.toggleBold(),
    canUndo: can.undo(),
    canRedo: can.redo(),
  };
}

type Item = {
  key: string;
  label: string;
  icon: LucideIcon;
  shortcut?: string;
  active?: (s: ToolbarState) => boolean;
  enabled?: (s: ToolbarState) => boolean;
  run: (chain: ChainedCommands) => ChainedCommands;
};

const marks = (s: ToolbarState) => s.canMark;

const GROUPS: Item[][] = [
  [
    {
      key: "h3",
      label: "Heading",
      icon: Heading3,
      shortcut: "Mod-Alt-3",
      active: (s) => s.h3,
      run: (c) => c.toggleHeading({ level: 3 }),
    },
    {
      key: "h4",
      label: "Subheading",
      icon: Heading4,
      shortcut: "Mod-Alt-4",
      active: (s) => s.h4,
      run: (c) => c.toggleHeading({ level: 4 }),
    },
  ],
  [
    {
      key: "bold",
      label: "Bold",
      icon: Bold,
      shortcut: "Mod-b",
      active: (s) => s.bold,
      enabled: marks,
      run: (c) => c.toggleBold(),
    },
    {
      key: "italic",
      label: "Italic",
      icon: Italic,
      shortcut: "Mod-i",
      active: (s) => s.italic,
      enabled: marks,
      run: (c) => c.toggleItalic(),
    },
    {
      key: "strike",
      label: "Strikethrough",
      icon: Strikethrough,
      shortcut: "Mod-Shift-s",
      active: (s) => s.strike,
      enabled: marks,
      run: (c) => c.toggleStrike(),
    },
    {
      key: "code",
      label: "Inline code",
      icon: Code,
      shortcut: "Mod-e",
      active: (s) => s.code,
      enabled: marks,
      run: (c) => c.toggleCode(),
    },
  ],
  [
    {
      key: "bullet",
      label: "Bulleted list",
      icon: List,
      shortcut: "Mod-Shift-8",
      active: (s) => s.bulletList,
      run: (c) => c.toggleBulletList(),
    },
    {
      key: "ordered",
      label: "Numbered list",
      icon: ListOrdered,
      shortcut: "Mod-Shift-7",
      active: (s) => s.orderedList,
      run: (c) => c.toggleOrderedList(),
    },
    {
      key: "task",
      label: "Task list",
      icon: ListTodo,
      shortcut: "Mod-Shift-9",
      active: (s) => s.taskList,
      run: (c) => c.toggleTaskList(),
    },
    {
      key: "quote",
      label: "Quote",
      icon: TextQuote,
      shortcut: "Mod-Shift-b",
      active: (s) => s.blockquote,
      run: (c) => c.toggleBlockquote(),
    },
  ],
];

const BLOCKS: Item[] = [
  {
    key: "codeBlock",
    label: "Code block",
    icon: SquareCode,
    shortcut: "Mod-Alt-c",
    active: (s) => s.codeBlock,
    run: (c) => c.toggleCodeBlock(),
  },
  { key: "rule", label: "Divider", icon: Minus, run: (c) => c.setHorizontalRule() },
  {
    key: "diagram",
    label: "Diagram (Mermaid)",
    icon: Workflow,
    run: (c) =>
      c.insertContent({
        type: "codeBlock",
        attrs: { language: "mermaid" },
        content: [{ type: "text", text: DIAGRAM_STARTER }],
      }),
  },
];

// Its size, alt text and caption controls load with the first image selected.
const ImageControls = createLazyComponent(() => import("./image-controls").then((m) => m.ImageControls));

const HISTORY: Item[] = [
  { key: "undo", label: "Undo", icon: Undo2, shortcut: "Mod-z", enabled: (s) => s.canUndo, run: (c) => c.undo() },
  { key: "redo", label: "Redo", icon: Redo2, shortcut: "Mod-Shift-z", enabled: (s) => s.canRedo, run: (c) => c.redo() },
];

export type EditorToolbarProps = {
  editor: Editor;
  label: string;
  linkOpen: boolean;
  onLinkOpenChange: (open: boolean) => void;
  /** The toolbar element; `focusToolbar(rootRef.current)` moves focus into it (Alt-F10). */
  rootRef: RefObject<HTMLDivElement | null>;
  /** Where uploaded images go. */
  docId: string;
};

export function EditorToolbar({ editor, label, linkOpen, onLinkOpenChange, rootRef, docId }: EditorToolbarProps) {
  const state = useEditorState({ editor, selector: selectState });
  const roving = useRovingToolbar(rootRef);
  const fileInput = useRef<HTMLInputElement>(null);

  const button = (item: Item) => (
    <ToolbarButton
      key={item.key}
      label={item.label}
      icon={item.icon}
      shortcut={item.shortcut}
      pressed={item.active ? item.active(state) : undefined}
      disabled={item.enabled ? !item.enabled(state) : false}
      onClick={() => item.run(editor.chain().focus()).run()}
    />
  );

  return (
    <div
      ref={rootRef}
      role="toolbar"
      aria-label={label}
      aria-orientation="horizontal"
      onKeyDown={roving.onKeyDown}
      onFocus={roving.onFocus}
      className="editor-toolbar"
    >
      {state.image ? (
        <ImageControls editor={editor} docId={docId} image={state.image} />
      ) : (
        <>
          {GROUPS.map((group, i) => (
            <span key={i} className="contents">
              {i > 0 && <ToolbarDivider />}
              {group.map(button)}
            </span>
          ))}
          <ToolbarDivider />
          <LinkPopover
            editor={editor}
            active={state.link}
            disabled={!state.canMark && !state.link}
            open={linkOpen}
            onOpenChange={onLinkOpenChange}
          />
          <TableMenu editor={editor} inTable={state.table} disabled={state.codeBlock} />
          <ToolbarButton
            label="Image"
            icon={ImagePlus}
            disabled={state.codeBlock}
            onClick={() => fileInput.current?.click()}
          />
          {BLOCKS.map(button)}
          {state.codeBlock && <CodeLanguageSelect editor={editor} language={state.language} />}
        </>
      )}
      <input
        ref={fileInput}
        type="file"
        multiple
        accept={ACCEPTED_IMAGE_TYPES.join(",")}
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = "";
          if (files.length) startImageUploads(editor, docId, files, editor.state.selection.from);
        }}
      />
      <ToolbarDivider />
      {HISTORY.map(button)}
    </div>
  );
}
