"use client";

import { useState, useTransition } from "react";
import { Upload } from "lucide-react";
import { importDocAction } from "@/app/(app)/w/[workspace]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { MARKDOWN_IMPORT_MAX_BYTES } from "@/lib/docs/limits";

export function ImportDialog({ workspaceId }: { workspaceId: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <Upload aria-hidden="true" /> Import Markdown
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Import a Markdown file</DialogTitle>
          <DialogDescription>
            Its headings fill the template’s sections of the same name; other headings become sections of their own, in
            their place. Front matter, footnotes and tables of contents are kept working.
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            const file = (new FormData(e.currentTarget).get("file") as File | null) ?? null;
            if (!file || file.size === 0) return setError("Choose a .md file.");
            if (file.size > MARKDOWN_IMPORT_MAX_BYTES) return setError("Markdown files are at most 1 MB.");
            startTransition(async () => {
              const result = await importDocAction(workspaceId, { markdown: await file.text(), fileName: file.name });
              if (result && !result.ok) setError(result.message);
            });
          }}
        >
          {error && <Alert variant="danger">{error}</Alert>}
          <Field label="Markdown file">
            <Input name="file" type="file" accept=".md,.markdown,text/markdown,text/plain" required />
          </Field>
          <DialogFooter>
            <Button type="submit" loading={pending}>
              Import
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
