"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

type NavLinkProps = Omit<ComponentProps<typeof Link>, "href"> & {
  href: string;
  /** Also current on the pages under `href` (a template's page under Templates). */
  nested?: boolean;
  activeClassName?: string;
  inactiveClassName?: string;
};

/**
 * A header link that knows whether it is the current page (`aria-current="page"`):
 * the one part of the header that reads the URL in the browser, so the rest of it
 * (logo, avatar, icons) renders on the server and ships no JavaScript.
 */
export function NavLink({
  href,
  nested = false,
  className,
  activeClassName,
  inactiveClassName,
  ...props
}: NavLinkProps) {
  const pathname = usePathname();
  const active = pathname === href || (nested && pathname.startsWith(`${href}/`));
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(className, active ? activeClassName : inactiveClassName)}
      {...props}
    />
  );
}
