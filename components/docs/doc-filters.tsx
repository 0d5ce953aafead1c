"use client";

import { useRef } from "react";
import { useRouter } from "next/navigation";
import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

/** A filter's width: an even share of its row below lg (two a row on a phone, all four at 768 px), fixed above. */
const FILTER_SHARE = "min-w-[9rem] flex-1 lg:flex-none";

type Values = { q?: string; status?: string; author?: string; sort?: string; archived?: string };

/**
 * A plain GET form (works without JavaScript). With JavaScript, results follow as you type (a pause of 250 ms, then
 * a client navigation: the list is rendered again on the server, the page is not reloaded) and selects apply as
 * soon as they change.
 */
export function DocFilters({ values, authors }: { values: Values; authors: { id: string; name: string }[] }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const apply = (form: HTMLFormElement) => {
    if (timer.current) clearTimeout(timer.current);
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === "string" && v) params.set(k, v);
    router.replace(`?${params}`, { scroll: false });
  };
  return (
    <form
      role="search"
      className="flex flex-wrap items-end gap-2"
      onChange={(e) => e.target instanceof HTMLSelectElement && apply(e.currentTarget)}
      onInput={(e) => {
        if (!(e.target instanceof HTMLInputElement)) return;
        const form = e.currentTarget;
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => apply(form), 250);
      }}
      onSubmit={(e) => {
        e.preventDefault();
        apply(e.currentTarget);
      }}
    >
      {/* Below lg the search has a row of its own (its placeholder was cut at 768 px) and the filters share rows. */}
      <div className="relative w-full lg:w-auto lg:min-w-[12rem] lg:flex-1">
        <Search
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500"
        />
        <Input
          name="q"
          type="search"
          defaultValue={values.q}
          placeholder="Search titles and sections…"
          aria-label="Search docs"
          className="pl-9"
        />
      </div>
      <Select
        name="status"
        defaultValue={values.status ?? ""}
        aria-label="Status"
        containerClassName={`${FILTER_SHARE} lg:w-40`}
      >
        <option value="">Any status</option>
        <option value="DRAFT">Draft</option>
        <option value="IN_REVIEW">In review</option>
        <option value="CHANGES_REQUESTED">Changes requested</option>
        <option value="APPROVED">Approved</option>
      </Select>
      <Select
        name="author"
        defaultValue={values.author ?? ""}
        aria-label="Author"
        containerClassName={`${FILTER_SHARE} lg:w-40`}
      >
        <option value="">Any author</option>
        {authors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </Select>
      <Select
        name="sort"
        defaultValue={values.sort ?? "updated"}
        aria-label="Sort"
        containerClassName={`${FILTER_SHARE} lg:w-44`}
      >
        <option value="updated">Last updated</option>
        <option value="created">Newest</option>
        <option value="title">Title A–Z</option>
      </Select>
      <Select
        name="archived"
        defaultValue={values.archived ?? ""}
        aria-label="Archived docs"
        containerClassName={`${FILTER_SHARE} lg:w-40`}
      >
        <option value="">Active docs</option>
        <option value="only">Archived</option>
        <option value="include">All docs</option>
      </Select>
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
