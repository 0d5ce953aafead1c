"use client";

import { lazy, Suspense, type ComponentType } from "react";

function LoadFailed() {
  return (
    <p className="text-sm text-red-700">
      This part of the page could not be loaded.{" "}
      <button type="button" className="font-medium underline" onClick={() => window.location.reload()}>
        Reload
      </button>
    </p>
  );
}

/**
 * A client component whose code is fetched only where it is rendered: parts that
 * only some people see (a reviewer's verdict form, an author's request controls) or
 * that rarely show (the editor's conflict panel). Rendered on the server, it is in
 * the HTML, and in the browser that HTML stays as it is until the code has arrived
 * and hydrates it, so nothing moves; rendered later in the browser, it appears once
 * its code is here. Call at module level, once per component.
 */
export function createLazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(() =>
    load().then(
      (Component) => ({ default: Component }),
      // A local note instead of the route's error page (React.lazy would throw the failure to it).
      () => ({ default: LoadFailed as ComponentType<P> }),
    ),
  );
  function LazyComponent(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyComponent;
}
