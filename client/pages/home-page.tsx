import { useCallback, useEffect, useState } from "react";
import type { TemplateInfo } from "../../server/schema/template.ts";
import type { Account } from "../account/account.ts";
import { type BriefListItem, briefsApi } from "../api/briefs.ts";
import { readableError } from "../api/errors.ts";
import { templatesApi } from "../api/templates.ts";
import { Brand } from "../components/brand.tsx";
import { Icon } from "../components/icon.tsx";
import { useToast } from "../components/toasts.tsx";
import { UserMenu } from "../components/user-menu.tsx";
import { BriefsTable } from "./briefs-table.tsx";
import { NewBriefDialog } from "./new-brief-dialog.tsx";

interface HomePageProps {
  account: Account;
  onSignOut: () => void;
}

/** The team's briefs: who is in each, and a way to start a new one. */
export function HomePage({ account, onSignOut }: HomePageProps) {
  const [briefs, setBriefs] = useState<BriefListItem[] | null>(null);
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const notify = useToast();

  const load = useCallback(() => {
    setError(null);
    briefsApi.list().then(setBriefs, (err: unknown) => setError(readableError(err)));
  }, []);
  useEffect(() => {
    load();
    templatesApi.list().then(setTemplates, () => setTemplates([]));
    const timer = setInterval(() => briefsApi.list().then(setBriefs, () => {}), 15_000);
    return () => clearInterval(timer);
  }, [load]);

  const remove = async (brief: BriefListItem) => {
    try {
      await briefsApi.remove(brief.id);
      setBriefs((list) => list?.filter((b) => b.id !== brief.id) ?? null);
      notify(`Deleted “${brief.title}”.`, "success");
    } catch (err) {
      notify(`Couldn't delete “${brief.title}”: ${readableError(err)}`, "error");
    }
  };

  const deleteTemplate = async (template: TemplateInfo) => {
    await templatesApi.remove(template.id);
    setTemplates((list) => list.filter((t) => t.id !== template.id));
    notify(`Deleted the template “${template.name}”.`, "success");
  };

  return (
    <div className="home-page">
      <header className="topbar">
        <Brand />
        <div className="topbar-end">
          <UserMenu account={account} onSignOut={onSignOut} />
        </div>
      </header>
      <main className="home-main">
        <div className="home-heading">
          <div>
            <h1>Briefs</h1>
            <p className="lede">
              Turn the news into briefs your team writes together, with every quote sourced.
            </p>
          </div>
          <button
            type="button"
            className="btn btn-primary btn-large"
            onClick={() => setCreating(true)}
          >
            <Icon name="plus" /> New brief
          </button>
        </div>
        {error && (
          <div className="notice notice-error" role="alert">
            Couldn't load your briefs: {error}{" "}
            <button type="button" className="link-button" onClick={load}>
              Try again
            </button>
          </div>
        )}
        {!briefs && !error && <p className="muted">Loading briefs…</p>}
        {briefs?.length === 0 && (
          <div className="empty-state">
            <Icon name="file" size={36} />
            <h2>No briefs yet</h2>
            <p>
              A brief starts from a template — a policy brief, a decision memo, a situation report —
              and can draft itself from articles you import. Share it with colleagues from its
              editor.
            </p>
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              Create your first brief
            </button>
          </div>
        )}
        {briefs && briefs.length > 0 && (
          <BriefsTable briefs={briefs} templates={templates} onDelete={remove} />
        )}
      </main>
      {creating && (
        <NewBriefDialog
          templates={templates}
          onClose={() => setCreating(false)}
          onDeleteTemplate={deleteTemplate}
        />
      )}
    </div>
  );
}
