import { useSyncExternalStore } from "react";

const QUERY = "(min-width: 1360px)";

/** Whether there is room for both side panels beside the editor. */
export function useWideScreen(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const mq = window.matchMedia(QUERY);
      mq.addEventListener("change", onChange);
      return () => mq.removeEventListener("change", onChange);
    },
    () => window.matchMedia(QUERY).matches,
  );
}
