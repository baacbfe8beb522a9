import { useCallback, useLayoutEffect, useReducer, useRef } from "react";

/**
 * Runs a callback once React has committed the updates made alongside the call, for moving
 * the focus to an element that the same update shows, checks or removes. A
 * `requestAnimationFrame` is not enough: an update made after an `await` is rendered in a
 * task of its own, which can come after the frame.
 */
export function useAfterRender(): (callback: () => void) => void {
  const pending = useRef<(() => void) | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  // After every commit of this component; the re-render asked for below is one of them.
  useLayoutEffect(() => {
    const callback = pending.current;
    pending.current = null;
    callback?.();
  });
  return useCallback((callback: () => void) => {
    pending.current = callback;
    rerender();
  }, []);
}
