"use client";

import { useEffect } from "react";
import { recordVisitAction } from "@/app/(app)/docs/[slug]/history-actions";

/**
 * Records that this person opened the doc, on the server (lib/history/visits.ts), for "changes since my last visit"
 * in every browser they use. Renders nothing; a failed record only means the link starts from an older visit.
 */
export function VisitRecorder({ docId }: { docId: string }) {
  useEffect(() => {
    void recordVisitAction(docId).catch(() => undefined);
  }, [docId]);
  return null;
}
