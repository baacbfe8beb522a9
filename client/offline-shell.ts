/**
 * Registers the service worker that keeps the app shell (index.html and the built assets)
 * so a brief can be reopened while offline; its body then comes from IndexedDB.
 */
export function registerOfflineShell(): void {
  if (!("serviceWorker" in navigator) || import.meta.env.DEV) return;
  navigator.serviceWorker
    .register("/sw.js")
    .then(() => keepLoadedAssets())
    .catch(() => {
      // Without the worker the app still works online; offline reloads just won't load.
    });
}

/**
 * Asks the worker to keep every built asset this page has loaded, including chunks loaded
 * on demand, which index.html does not name. Marks `<html data-offline-ready>` when done.
 */
export async function keepLoadedAssets(): Promise<void> {
  if (!("serviceWorker" in navigator) || import.meta.env.DEV) return;
  const registration = await navigator.serviceWorker.ready;
  const urls = performance
    .getEntriesByType("resource")
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === location.origin && url.pathname.startsWith("/assets/"))
    .map((url) => url.pathname);
  const channel = new MessageChannel();
  const done = new Promise<void>((resolve) => {
    channel.port1.onmessage = () => resolve();
  });
  registration.active?.postMessage({ type: "keep", urls }, [channel.port2]);
  await done;
  document.documentElement.dataset.offlineReady = "true";
}
