"use client";

import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { LazyDropdownMenu } from "@/components/ui/lazy-dropdown-menu";
import type { HeaderWorkspace } from "./app-header";

// The menus' items, icons and actions are fetched with Radix on first hover, focus or press.
const loadWorkspaceMenu = () => import("./header-menu-content").then((m) => m.WorkspaceMenuContent);
const loadAccountMenu = () => import("./header-menu-content").then((m) => m.AccountMenuContent);

/** The workspace switcher; `children` is the trigger's content (name and chevron), rendered on the server. */
export function WorkspaceMenu({
  workspaces,
  currentSlug,
  children,
}: {
  workspaces: Pick<HeaderWorkspace, "slug" | "name">[];
  currentSlug: string;
  children: ReactNode;
}) {
  return (
    <LazyDropdownMenu
      trigger={
        <button
          type="button"
          className={cn(
            "inline-flex min-w-0 items-center gap-1 rounded-md px-2 py-1",
            "text-sm font-medium text-slate-800 hover:bg-slate-100",
          )}
        >
          {children}
        </button>
      }
      load={loadWorkspaceMenu}
      props={{ workspaces, currentSlug }}
    />
  );
}

/** The account menu; `children` is the trigger's content (the avatar), rendered on the server. */
export function AccountMenu({
  user,
  workspaceSlug,
  children,
}: {
  user: { name: string; email: string };
  workspaceSlug: string;
  children: ReactNode;
}) {
  return (
    <LazyDropdownMenu
      trigger={
        <button type="button" className="rounded-full">
          {children}
          <span className="sr-only">Account menu for {user.name}</span>
        </button>
      }
      load={loadAccountMenu}
      props={{ user, workspaceSlug }}
    />
  );
}
