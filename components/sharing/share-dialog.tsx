"use client";

import { useCallback, useState } from "react";
import { Share2 } from "lucide-react";
import { getSharingStateAction } from "@/app/(app)/docs/[slug]/share-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import type { SharingStateDTO } from "@/lib/sharing/dto";
import { SharePeople } from "./share-people";
import { ShareLinks } from "./share-links";

type Load = { kind: "loading" } | { kind: "error"; message: string } | { kind: "ready"; state: SharingStateDTO };

/**
 * The doc's "Share" button and dialog: the canonical link for members, people with
 * access and share links for owners and editors. Loads when opened, so the doc page
 * pays nothing for it.
 */
export function ShareDialog({ docId, docTitle }: { docId: string; docTitle: string }) {
  const [open, setOpen] = useState(false);
  const [load, setLoad] = useState<Load>({ kind: "loading" });

  const refresh = useCallback(async () => {
    const result = await getSharingStateAction(docId);
    setLoad(result.ok ? { kind: "ready", state: result.data } : { kind: "error", message: result.message });
  }, [docId]);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) {
      setLoad({ kind: "loading" });
      void refresh();
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          <Share2 aria-hidden="true" />
          Share
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-xl gap-6 [&>*]:min-w-0">
        <DialogHeader>
          <DialogTitle>Share “{docTitle}”</DialogTitle>
          <DialogDescription>
            Members open the doc by its link. People outside the workspace get a share link or a per-doc invitation.
          </DialogDescription>
        </DialogHeader>
        {load.kind === "loading" && (
          <div className="grid place-items-center py-10" aria-busy="true">
            <Spinner label="Loading sharing settings…" />
          </div>
        )}
        {load.kind === "error" && (
          <Alert variant="danger" title="Could not load sharing settings">
            {load.message}{" "}
            <Button variant="link" className="h-auto! p-0!" onClick={() => void refresh()}>
              Try again
            </Button>
          </Alert>
        )}
        {load.kind === "ready" && <ShareBody docId={docId} state={load.state} onChange={refresh} />}
      </DialogContent>
    </Dialog>
  );
}

function ShareBody({
  docId,
  state,
  onChange,
}: {
  docId: string;
  state: SharingStateDTO;
  onChange: () => Promise<void>;
}) {
  return (
    <div className="grid min-w-0 gap-6 [&>*]:min-w-0">
      <section aria-labelledby="share-canonical" className="grid min-w-0 gap-2 [&>*]:min-w-0">
        <h3 id="share-canonical" className="font-semibold text-slate-900">
          Link for people with access
        </h3>
        <div className="flex gap-2">
          <Input
            readOnly
            value={state.canonicalUrl}
            aria-label="Doc link"
            className="min-w-0 flex-1 font-mono text-xs sm:text-xs"
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton text={state.canonicalUrl} label="Copy link" />
        </div>
        <p className="text-slate-600">
          Works for workspace members and the people below. Anyone else sees a page that does not exist.
        </p>
      </section>
      {state.canShare ? (
        <>
          <SharePeople docId={docId} state={state} onChange={onChange} />
          <ShareLinks docId={docId} links={state.links} onChange={onChange} />
        </>
      ) : (
        <p className="rounded-md bg-slate-50 p-3 text-slate-600">
          Only the doc’s owners and editors can invite people or create share links.
        </p>
      )}
    </div>
  );
}
