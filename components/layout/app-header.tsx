import { Bell, ChevronDown, Search } from "lucide-react";
import { Avatar } from "@/components/ui/avatar";
import { cn } from "@/components/ui/cn";
import { Kbd } from "@/components/ui/kbd";
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
    { href: `/w/${current.slug}/settings`, label: "Settings", nested: true },
  ];
  // Only what the menu shows crosses to the browser.
  const switchable = workspaces.map(({ slug, name }) => ({ slug, name }));
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:gap-4 sm:px-6">
        {/* The name beside the mark only where the row has room for it on one line (it wrapped at 768 px); below,
            screen readers still hear it as the link's name. */}
        <Logo href={`/w/${current.slug}`} className="[&>span:last-child]:sr-only lg:[&>span:last-child]:not-sr-only" />
        <span aria-hidden="true" className="hidden text-slate-300 sm:inline">
          /
        </span>
        <WorkspaceMenu workspaces={switchable} currentSlug={current.slug}>
          <span className="max-w-[10rem] min-w-[3rem] truncate sm:max-w-[16rem]">{current.name}</span>
          <ChevronDown aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
          <span className="sr-only">Switch workspace</span>
        </WorkspaceMenu>
        {/* On a phone the workspace's name needs the room: its menu lists Docs, Templates and Settings instead. */}
        <span aria-hidden="true" className="flex-1 sm:hidden" />
        <nav aria-label="Workspace" className="hidden items-center gap-1 sm:mr-auto sm:ml-2 sm:flex lg:ml-4">
          {nav.map((item) => (
            <NavLink
              key={item.href}
              href={item.href}
              nested={item.nested}
              className="rounded-md px-2.5 py-1.5 text-sm font-medium"
              activeClassName="bg-slate-100 text-slate-900"
              inactiveClassName="text-slate-600 hover:bg-slate-50 hover:text-slate-900"
            >
              {item.label}
            </NavLink>
          ))}
        </nav>
        <HeaderSearch>
          <Search aria-hidden="true" className="size-5 md:size-4" />
          <span className="sr-only md:not-sr-only">Search</span>
          <span aria-hidden="true" className="hidden items-center gap-0.5 lg:inline-flex">
            <Kbd>Ctrl</Kbd>
            <Kbd>K</Kbd>
          </span>
        </HeaderSearch>
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
