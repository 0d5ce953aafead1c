import { Bell, ChevronDown } from "lucide-react";
import { Avatar } from "@/components/ui/avatar";
import { cn } from "@/components/ui/cn";
import { HeaderSearch } from "./header-search";
import { Logo } from "./logo";
import { AccountMenu, WorkspaceMenu } from "./header-menus";
import { NavLink } from "./nav-link";

export type HeaderWorkspace = { slug: string; name: string; role: string };

/**
 * The signed-in header, rendered on the server: only the links' "current page" state
 * (./nav-link) and the menus (./header-menus, their items fetched on first use) are
 * client code.
 */
export function AppHeader({
  user,
  workspaces,
  current,
  unreadCount = 0,
}: {
  user: { name: string; email: string };
  workspaces: HeaderWorkspace[];
  current: HeaderWorkspace;
  /** Unread inbox entries, counted server-side where the header is rendered. */
  unreadCount?: number;
}) {
  const nav = [
    // Docs is current on the list itself only; Templates stays current inside a template's page.
    { href: `/w/${current.slug}`, label: "Docs", nested: false },
    { href: `/w/${current.slug}/templates`, label: "Templates", nested: true },
    // On a phone the workspace's name needs the room; settings are in the account menu too.
    { href: `/w/${current.slug}/settings`, label: "Settings", nested: true, className: "hidden sm:inline" },
  ];
  // Only what the menu shows crosses to the browser.
  const switchable = workspaces.map(({ slug, name }) => ({ slug, name }));
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:gap-4 sm:px-6">
        <Logo href={`/w/${current.slug}`} className="[&>span:last-child]:hidden sm:[&>span:last-child]:inline" />
        <span aria-hidden="true" className="hidden text-slate-300 sm:inline">
          /
        </span>
        <WorkspaceMenu workspaces={switchable} currentSlug={current.slug}>
          <span className="max-w-[9rem] min-w-[3rem] truncate sm:max-w-[16rem]">{current.name}</span>
          <ChevronDown aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
          <span className="sr-only">Switch workspace</span>
        </WorkspaceMenu>
        <nav aria-label="Workspace" className="ml-auto flex items-center sm:ml-4 sm:mr-auto sm:gap-1">
          {nav.map((item) => (
            <NavLink
              key={item.href}
              href={item.href}
              nested={item.nested}
              className={cn("rounded-md px-2 py-1.5 text-sm font-medium sm:px-2.5", item.className)}
              activeClassName="bg-slate-100 text-slate-900"
              inactiveClassName="text-slate-600 hover:bg-slate-50 hover:text-slate-900"
            >
              {item.label}
            </NavLink>
          ))}
        </nav>
        <HeaderSearch />
        <NavLink
          href="/inbox"
          className={cn(
            "relative inline-flex size-9 shrink-0 items-center justify-center rounded-md",
            "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
          )}
          data-testid="inbox-link"
        >
          <Bell aria-hidden="true" className="size-5" />
          <span className="sr-only">Inbox{unreadCount > 0 ? `, ${unreadCount} unread` : ""}</span>
          {unreadCount > 0 && (
            <span
              aria-hidden="true"
              className={cn(
                "absolute -top-0.5 -right-0.5 min-w-4.5 rounded-full bg-red-600 px-1",
                "text-center text-[11px] leading-4.5 font-semibold text-white",
              )}
            >
              {unreadCount > 99 ? "99+" : unreadCount}
            </span>
          )}
        </NavLink>
        <AccountMenu user={{ name: user.name, email: user.email }} workspaceSlug={current.slug}>
          <Avatar name={user.name} size="sm" decorative />
        </AccountMenu>
      </div>
    </header>
  );
}
