import { lazy, Suspense, useEffect } from "react";
import { useIdentity } from "./collab/use-identity.ts";
import { ToastProvider } from "./components/toasts.tsx";
import { HomePage } from "./pages/home-page.tsx";
import { NotFoundPage } from "./pages/not-found-page.tsx";
import { useRoute } from "./router.ts";

// The editor (Tiptap, Yjs) loads only when a brief is opened.
const BriefPage = lazy(() =>
  import("./pages/brief-page.tsx").then((m) => ({ default: m.BriefPage })),
);

/** The app: two pages, the briefs home and a brief's editor. */
export function App() {
  const route = useRoute();
  const [identity, setIdentity] = useIdentity();
  useEffect(() => {
    if (route.page === "home") document.title = "Briefs · Briefroom";
    if (route.page === "not-found") document.title = "Not found · Briefroom";
  }, [route.page]);
  return (
    <ToastProvider>
      {route.page === "home" && <HomePage identity={identity} onIdentity={setIdentity} />}
      {route.page === "brief" && (
        <Suspense fallback={<div className="editor-loading">Opening brief…</div>}>
          <BriefPage
            key={route.id}
            briefId={route.id}
            identity={identity}
            onIdentity={setIdentity}
          />
        </Suspense>
      )}
      {route.page === "not-found" && <NotFoundPage />}
    </ToastProvider>
  );
}
