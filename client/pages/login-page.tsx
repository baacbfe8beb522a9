import { type FormEvent, useEffect, useState } from "react";
import type { PublicUser } from "../../server/schema/auth.ts";
import { authApi } from "../api/auth.ts";
import { readableError } from "../api/errors.ts";

type Mode = "signin" | "signup";

interface LoginPageProps {
  onSignedIn: (user: PublicUser, created: boolean) => void;
}

const COPY: Record<Mode, { title: string; lede: string; submit: string; busy: string }> = {
  signin: {
    title: "Sign in to Briefroom",
    lede: "Welcome back. Your briefs and the ones shared with you are waiting.",
    submit: "Sign in",
    busy: "Signing in…",
  },
  signup: {
    title: "Create your account",
    lede: "Write briefs with your team, every quote traced to its source. On a new Briefroom, the first account becomes its admin.",
    submit: "Create account",
    busy: "Creating account…",
  },
};

/** Sign in, or create an account; the server's session cookie does the rest. */
export function LoginPage({ onSignedIn }: LoginPageProps) {
  const [mode, setMode] = useState<Mode>("signin");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const copy = COPY[mode];

  useEffect(() => {
    document.title = `${mode === "signin" ? "Sign in" : "Create account"} · Briefroom`;
  }, [mode]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { user } =
        mode === "signin"
          ? await authApi.login({ email, password })
          : await authApi.signup({ email, password, name });
      onSignedIn(user, mode === "signup");
    } catch (err) {
      setError(readableError(err));
      setBusy(false);
    }
  };

  const switchTo = (next: Mode) => {
    setMode(next);
    setError(null);
  };

  return (
    <div className="login-page">
      <main className="login-card">
        <div className="login-brand">
          <img src="/favicon.svg" alt="" width={36} height={36} />
          <span className="brand-name">Briefroom</span>
        </div>
        <h1>{copy.title}</h1>
        <p className="lede">{copy.lede}</p>
        <form className="login-form" onSubmit={submit} aria-label={copy.title}>
          {mode === "signup" && (
            <label className="form-field">
              <span>Your name</span>
              <input
                name="name"
                autoComplete="name"
                required
                maxLength={100}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            </label>
          )}
          <label className="form-field">
            <span>Email</span>
            <input
              name="email"
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <label className="form-field">
            <span>Password</span>
            <input
              name="password"
              type="password"
              autoComplete={mode === "signin" ? "current-password" : "new-password"}
              required
              minLength={mode === "signup" ? 10 : undefined}
              maxLength={200}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            {mode === "signup" && (
              <small className="field-hint">
                At least 10 characters, mixing letters with digits or symbols — or a long
                passphrase.
              </small>
            )}
          </label>
          {error && (
            <p className="notice notice-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="btn btn-primary btn-large" disabled={busy}>
            {busy ? copy.busy : copy.submit}
          </button>
        </form>
        <p className="login-switch">
          {mode === "signin" ? (
            <>
              New here?{" "}
              <button type="button" className="link-button" onClick={() => switchTo("signup")}>
                Create an account
              </button>
            </>
          ) : (
            <>
              Have an account?{" "}
              <button type="button" className="link-button" onClick={() => switchTo("signin")}>
                Sign in
              </button>
            </>
          )}
        </p>
      </main>
    </div>
  );
}
