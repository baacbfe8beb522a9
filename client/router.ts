import { useSyncExternalStore } from "react";

/** The app's pages, as the router understands the location. */
export type Route =
  | { page: "home" }
  | { page: "login" }
  | { page: "brief"; id: string }
  | { page: "not-found" };

/** Page paths, built in one place. */
export const paths = {
  home: () => "/",
  brief: (id: string) => `/briefs/${encodeURIComponent(id)}`,
  /** The sign-in page; `next` is where to return afterwards (a path on this site). */
  login: (next?: string) =>
    next && next !== "/" ? `/login?next=${encodeURIComponent(next)}` : "/login",
};

/** A query parameter of the current page, e.g. a link share's `token`. */
export function queryParam(name: string): string | null {
  return new URLSearchParams(location.search).get(name);
}

/** Where to go after signing in: `?next=` when it is a path on this site, else home. */
export function nextPath(): string {
  const next = queryParam("next");
  return next?.startsWith("/") && !next.startsWith("//") ? next : paths.home();
}

/** Maps a pathname to a page. */
export function matchRoute(pathname: string): Route {
  if (pathname === "/" || pathname === "") return { page: "home" };
  if (pathname === "/login" || pathname === "/login/") return { page: "login" };
  const brief = /^\/briefs\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  if (brief?.[1]) return { page: "brief", id: brief[1] };
  return { page: "not-found" };
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

/** Moves to another page without reloading. */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  for (const listener of listeners) listener();
  window.scrollTo(0, 0);
}

/** The current route; re-renders on navigation. */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => location.pathname);
  return matchRoute(pathname);
}
