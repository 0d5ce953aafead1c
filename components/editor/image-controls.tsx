"use client";

import type { Editor } from "@tiptap/react";
import { Captions, Check, ImageUp, ScanText, Trash2, Upload } from "lucide-react";
import { useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { PopoverContent } from "@/components/ui/popover";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import type { ImageAttrs } from "@/lib/editor/image";
import { imageSrcKind, missingFileName, type ImageSize } from "@/lib/editor/image-src";
import { ACCEPTED_IMAGE_TYPES } from "@/lib/media/limits";
import { postImage, uploadedAttrs } from "./image-upload-run";
import { ToolbarButton, ToolbarDivider } from "./toolbar-button";

const SIZES: { value: ImageSize | ""; label: string }[] = [
  { value: "", label: "Original size" },
  { value: "small", label: "Small" },
  { value: "medium", label: "Medium" },
  { value: "large", label: "Large" },
  { value: "full", label: "Full width" },
];

type TextField = "alt" | "caption";
const FIELDS: Record<TextField, { title: string; hint: string; max: number }> = {
  alt: { title: "Alt text", hint: "What the image shows, for people who cannot see it.", max: 1000 },
  caption: { title: "Caption", hint: "Shown under the image for every reader.", max: 1000 },
};

export type ImageControlsProps = { editor: Editor; docId: string; image: ImageAttrs };

/**
 * The toolbar while an image is selected (loaded with the first selected image): its size
 * preset, alt text, caption, replace and remove. An image that was imported but never
 * uploaded offers to upload its file first.
 */
export function ImageControls({ editor, docId, image }: ImageControlsProps) {
  const sizeId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const missing = imageSrcKind(image.src) === "missing";
  const set = (attrs: Partial<ImageAttrs>) => editor.chain().focus().updateAttributes("image", attrs).run();

  async function replace(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    try {
      set(uploadedAttrs(await postImage(docId, file)));
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "The image could not be uploaded.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {missing && (
        <Button
          variant="secondary"
          size="sm"
          className="h-8 shrink-0"
          data-toolbar-item=""
          disabled={busy}
          onClick={() => fileInput.current?.click()}
        >
          <Upload aria-hidden="true" />
          Upload {missingFileName(image.src)}
        </Button>
      )}
      <span className="flex shrink-0 items-center">
        <label htmlFor={sizeId} className="sr-only">
          Image size
        </label>
        <Select
          id={sizeId}
          data-toolbar-item=""
          value={image.size ?? ""}
          containerClassName="w-36"
          className="h-8! text-sm!"
          onChange={(event) => set({ size: (event.target.value || null) as ImageSize | null })}
        >
          {SIZES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </Select>
      </span>
      <TextButton editor={editor} field="alt" value={image.alt} onSave={(alt) => set({ alt })} />
      <TextButton editor={editor} field="caption" value={image.caption} onSave={(caption) => set({ caption })} />
      <ToolbarDivider />
      {!missing && (
        <ToolbarButton
          label="Replace image"
          icon={ImageUp}
          disabled={busy}
          onClick={() => fileInput.current?.click()}
        />
      )}
      <ToolbarButton
        label="Remove image"
        icon={Trash2}
        onClick={() => editor.chain().focus().deleteSelection().run()}
      />
      <input
        ref={fileInput}
        type="file"
        accept={ACCEPTED_IMAGE_TYPES.join(",")}
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          void replace(event.target.files?.[0]);
          event.target.value = "";
        }}
      />
    </>
  );
}

function TextButton({
  editor,
  field,
  value,
  onSave,
}: {
  editor: Editor;
  field: TextField;
  value: string | null;
  onSave: (value: string | null) => void;
}) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement | null>(null);
  const id = useId();
  const { title } = FIELDS[field];
  return (
    <>
      <Button
        ref={trigger}
        variant="ghost"
        size="sm"
        data-toolbar-item=""
        className="h-8 shrink-0 gap-1.5 px-2 text-slate-700 aria-expanded:bg-slate-100"
        aria-label={value ? `${title}: ${value}` : `Add ${title.toLowerCase()}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(!open)}
      >
        {field === "alt" ? <ScanText aria-hidden="true" /> : <Captions aria-hidden="true" />}
        {title}
        {value && <Check aria-hidden="true" className="size-3.5! text-green-700" />}
      </Button>
      <PopoverContent
        id={id}
        open={open}
        onOpenChange={setOpen}
        anchor={trigger}
        aria-label={title}
        className="w-80"
        onCloseFocus={() => editor.commands.focus()}
      >
        <TextForm
          field={field}
          value={value}
          onDone={(next) => {
            if (next !== undefined) onSave(next);
            setOpen(false);
          }}
        />
      </PopoverContent>
    </>
  );
}

function TextForm({
  field,
  value,
  onDone,
}: {
  field: TextField;
  value: string | null;
  onDone: (value: string | null | undefined) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value ?? "");
  const { title, hint, max } = FIELDS[field];
  const save = (event: FormEvent) => {
    event.preventDefault();
    onDone(text.trim().slice(0, max) || null);
  };
  return (
    <form onSubmit={save} className="grid gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor={id}>{title}</Label>
        <Textarea
          id={id}
          rows={3}
          value={text}
          maxLength={max}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey) save(event);
          }}
        />
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      </div>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" size="sm" onClick={() => onDone(undefined)}>
          Cancel
        </Button>
        <Button type="submit" size="sm">
          Save
        </Button>
      </div>
    </form>
  );
}
