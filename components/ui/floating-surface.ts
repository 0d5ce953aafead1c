/** The look every floating layer shares (menus, popovers): a white card over the page that fades and grows in. */
export const FLOATING_SURFACE =
  "z-50 max-w-[calc(100vw-1rem)] overflow-y-auto rounded-md border border-slate-200 bg-white text-sm shadow-lg " +
  "transition-[opacity,scale] duration-100 ease-out starting:scale-95 starting:opacity-0 motion-reduce:transition-none";
