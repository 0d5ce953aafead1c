"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Copy } from "lucide-react";
import { toast } from "@/components/ui/toaster";
import { duplicateTemplateAction } from "@/app/(app)/w/[workspace]/templates/actions";
import { Button } from "@/components/ui/button";

export function DuplicateTemplateButton({
  workspaceId,
  workspaceSlug,
  templateId,
  name,
}: {
  workspaceId: string;
  workspaceSlug: string;
  templateId: string;
  name: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      loading={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await duplicateTemplateAction(workspaceId, templateId);
          if (!result.ok) return void toast.error(result.message);
          toast.success(`Made an editable copy of “${name}”.`);
          router.push(`/w/${workspaceSlug}/templates/${result.data.id}`);
        })
      }
    >
      <Copy aria-hidden="true" /> Duplicate to edit
    </Button>
  );
}
