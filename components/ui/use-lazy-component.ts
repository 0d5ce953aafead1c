"use client";

import { useEffect, useState, type ComponentType } from "react";

export type ComponentLoader<P> = { load: () => Promise<ComponentType<P>>; loaded: ComponentType<P> | null };

/**
 * One fetch of a component's module for every caller (create it at module level);
 * a failed fetch is tried again on the next call.
 */
export function createComponentLoader<P>(load: () => Promise<ComponentType<P>>): ComponentLoader<P> {
  let pending: Promise<ComponentType<P>> | null = null;
  const loader: ComponentLoader<P> = {
    loaded: null,
    load: () =>
      (pending ??= load().then(
        (Component) => (loader.loaded = Component),
        (error: unknown) => {
          pending = null;
          throw error;
        },
      )),
  };
  return loader;
}

/**
 * For a panel opened by a click or a shortcut (a menu, a popover): its component
 * once it is wanted and has arrived, null before. `preload` warms it on hover or
 * focus of the trigger; `onError` hears of a failed fetch while it is wanted.
 */
export function useLazyComponent<P>(loader: ComponentLoader<P>, wanted: boolean, onError: () => void) {
  const [Component, setComponent] = useState<ComponentType<P> | null>(() => loader.loaded);
  useEffect(() => {
    if (!wanted || Component) return;
    let current = true;
    loader.load().then(
      (loaded) => current && setComponent(() => loaded),
      () => current && onError(),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per opening; onError is read when it fails
  }, [wanted, Component, loader]);
  const preload = () => void loader.load().catch(() => {});
  return { Component, preload };
}
