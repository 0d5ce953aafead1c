"use client";

import type { Editor } from "@tiptap/react";
import { useId, useState, type FormEvent, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { PopoverContent } from "@/components/ui/popover";
import { parseLinkInput } from "./link-input";

export type LinkPanelProps = {
  id: string;
  editor: Editor;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  anchor: RefObject<HTMLButtonElement | null>;
};

/** The link field under the toolbar's Link button; loaded the first time it opens (./link-popover.tsx). */
export function LinkPanel({ id, editor, open, onOpenChange, anchor }: LinkPanelProps) {
  return (
    <PopoverContent
      id={id}
      open={open}
      onOpenChange={onOpenChange}
      anchor={anchor}
      aria-label="Link"
      className="w-80"
      // Back to the text, where the writer was, not to the toolbar button.
      onCloseFocus={() => editor.commands.focus()}
    >
      <LinkForm editor={editor} onDone={() => onOpenChange(false)} />
    </PopoverContent>
  );
}

function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const id = useId();
  const existing = editor.isActive("link") ? String(editor.getAttributes("link").href ?? "") : "";
  const [value, setValue] = useState(existing);
  const [error, setError] = useState<string | null>(null);

  function apply(event: FormEvent) {
    event.preventDefault();
    const result = parseLinkInput(value);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    const chain = editor.chain().focus();
    if (editor.state.selection.empty && !editor.isActive("link")) {
      chain
        .insertContent({ type: "text", text: value.trim(), marks: [{ type: "link", attrs: { href: result.href } }] })
        .run();
    } else {
      chain.extendMarkRange("link").setLink({ href: result.href }).run();
    }
    onDone();
  }

  function remove() {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onDone();
  }

  return (
    <form onSubmit={apply} noValidate className="grid gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-url`}>Link address</Label>
        <Input
          id={`${id}-url`}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
          placeholder="https://…"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
        />
        {error ? (
          <p id={`${id}-error`} role="alert" className="text-xs text-red-700">
            {error}
          </p>
        ) : (
          <p id={`${id}-hint`} className="text-xs text-slate-600">
            A web or mailto address, or a #section of this doc.
          </p>
        )}
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        {existing && (
          <Button type="button" variant="ghost" size="sm" onClick={remove}>
            Remove link
          </Button>
        )}
        <Button type="submit" size="sm">
          {existing ? "Update link" : "Add link"}
        </Button>
      </div>
    </form>
  );
}
