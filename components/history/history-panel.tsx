"use client";

import { History } from "lucide-react";
import Link from "next/link";
import { useRef, useState } from "react";
import { listHistoryAction } from "@/app/(app)/docs/[slug]/history-actions";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClassName } from "@/components/ui/button";
import { Dialog, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { SheetBody, SheetContent, SheetFooter, SheetHeader } from "@/components/ui/sheet";
import { Spinner } from "@/components/ui/spinner";
import type { HistoryPageDTO } from "@/lib/history/dto";
import { CompareLinks } from "./compare-links";
import { HistoryList } from "./history-list";

type Load = { kind: "loading" } | { kind: "error"; message: string } | { kind: "ready"; page: HistoryPageDTO };

/**
 * The doc page's History button and its side panel: the first page of the doc's history (bursts with every
 * author and the sections touched, review events), each linking to its point, with "Changes since your last
 * visit" above and "Open the full history" below. The body scrolls on its own; the footer link stays on screen
 * at any width. Loaded when opened (lazy-history-panel.tsx), so the page and its cache key do not carry it.
 */
export function HistoryPanel({ docId, slug }: { docId: string; slug: string }) {
  const [open, setOpen] = useState(false);
  const [load, setLoad] = useState<Load>({ kind: "loading" });
  // Each opening loads afresh; an answer to an earlier opening is dropped.
  const opening = useRef(0);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) return;
    const mine = ++opening.current;
    setLoad({ kind: "loading" });
    listHistoryAction(docId).then(
      (result) => {
        if (mine === opening.current)
          setLoad(result.ok ? { kind: "ready", page: result.data } : { kind: "error", message: result.message });
      },
      () => {
        if (mine === opening.current)
          setLoad({ kind: "error", message: "The history could not be loaded. Try again." });
      },
    );
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" data-testid="history-button">
          <History aria-hidden="true" /> History
        </Button>
      </DialogTrigger>
      <SheetContent data-testid="history-panel" closeLabel="Close history">
        <SheetHeader>
          <DialogTitle className="text-lg font-semibold">History</DialogTitle>
          <DialogDescription className="text-slate-600">
            Recent changes and review events, newest first.
          </DialogDescription>
        </SheetHeader>
        <SheetBody className="grid content-start gap-4" data-testid="history-panel-body">
          {load.kind === "loading" && (
            <p className="flex items-center gap-2 text-slate-600">
              <Spinner size="sm" label="Loading the history…" /> Loading the history…
            </p>
          )}
          {load.kind === "error" && <Alert variant="danger">{load.message}</Alert>}
          {load.kind === "ready" && (
            <>
              <CompareLinks slug={slug} lastVisit={load.page.lastVisit} approvals={load.page.approvals} />
              <HistoryList entries={load.page.entries} slug={slug} />
              {load.page.next !== null && <p className="text-slate-600">Older changes are in the full history.</p>}
            </>
          )}
        </SheetBody>
        <SheetFooter>
          <Link
            href={`/docs/${slug}/history`}
            className={buttonClassName("secondary", "sm", "w-full")}
            data-testid="history-full-link"
          >
            Open the full history
          </Link>
        </SheetFooter>
      </SheetContent>
    </Dialog>
  );
}
