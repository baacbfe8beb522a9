import { lazy, Suspense, useEffect, useMemo } from "react";
import type { PublicUser } from "../server/schema/auth.ts";
import { identityOf } from "./account/account.ts";
import { useAccount } from "./account/use-account.ts";
import { ToastProvider, useToast } from "./components/toasts.tsx";
import { HomePage } from "./pages/home-page.tsx";
import { LoginPage } from "./pages/login-page.tsx";
import { NotFoundPage } from "./pages/not-found-page.tsx";
import { navigate, nextPath, paths, queryParam, useRoute } from "./router.ts";

// The editor (Tiptap, Yjs) loads only when a brief is opened.
const BriefPage = lazy(() =>
  import("./pages/brief-page.tsx").then((m) => ({ default: m.BriefPage })),
);

/** The app: sign-in, the briefs home and a brief's editor. */
export function App() {
  return (
    <ToastProvider>
      <Pages />
    </ToastProvider>
  );
}

function Pages() {
  const route = useRoute();
  const { account, signedIn, signOut } = useAccount();
  const notify = useToast();
  const identity = useMemo(() => identityOf(account), [account]);
  // Someone holding a link share's token may open that brief without an account.
  const linkToken = route.page === "brief" ? queryParam("token") : null;
  const mustSignIn = !account && route.page !== "login" && !linkToken;

  useEffect(() => {
    if (mustSignIn) navigate(paths.login(location.pathname + location.search), { replace: true });
    else if (account && route.page === "login") navigate(nextPath(), { replace: true });
  }, [mustSignIn, account, route.page]);

  useEffect(() => {
    if (route.page === "home") document.title = "Briefs · Briefroom";
    if (route.page === "not-found") document.title = "Not found · Briefroom";
  }, [route.page]);

  const onSignedIn = (user: PublicUser, created: boolean) => {
    signedIn(user);
    if (created && user.isAdmin)
      notify("Welcome! As the first account, you are this Briefroom's admin.", "success");
  };
  const onSignOut = () => {
    void signOut().then(() => navigate(paths.login(), { replace: true }));
  };

  if (route.page === "login") return account ? null : <LoginPage onSignedIn={onSignedIn} />;
  if (mustSignIn) return null;
  return (
    <>
      {route.page === "home" && account && <HomePage account={account} onSignOut={onSignOut} />}
      {route.page === "brief" && (
        <Suspense fallback={<div className="editor-loading">Opening brief…</div>}>
          <BriefPage
            key={`${route.id}:${linkToken ?? ""}:${account?.id ?? ""}`}
            briefId={route.id}
            linkToken={linkToken}
            account={account}
            identity={identity}
            onSignOut={onSignOut}
          />
        </Suspense>
      )}
      {route.page === "not-found" && <NotFoundPage />}
    </>
  );
}
