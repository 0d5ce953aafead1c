"use client";

import { useEffect, useState, type ComponentProps } from "react";
import { useLiveSession } from "./live-doc";

type PresenceModule = typeof import("./presence");

let loaded: PresenceModule | null = null;
let loading: Promise<PresenceModule> | null = null;

/**
 * The presence UI (./presence.tsx: avatars, the offline banner) shows nothing before the doc's live session is up,
 * so its code is fetched then, beside the session's, instead of being in the page's first JavaScript.
 */
function usePresenceModule(): PresenceModule | null {
  const session = useLiveSession();
  const [ui, setUi] = useState<PresenceModule | null>(loaded);
  useEffect(() => {
    if (!session || ui) return;
    let cancelled = false;
    loading ??= import("./presence").then((m) => (loaded = m));
    loading.then(
      (m) => cancelled || setUi(m),
      () => {
        loading = null; // offline: the next session change tries again
      },
    );
    return () => {
      cancelled = true;
    };
  }, [session, ui]);
  return session ? ui : null;
}

export function DocPresence(props: ComponentProps<PresenceModule["DocPresence"]>) {
  const ui = usePresenceModule();
  return ui ? <ui.DocPresence {...props} /> : null;
}

export function SectionPresence(props: ComponentProps<PresenceModule["SectionPresence"]>) {
  const ui = usePresenceModule();
  return ui ? <ui.SectionPresence {...props} /> : null;
}
