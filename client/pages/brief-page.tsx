import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useState } from "react";
import type { Snippet } from "../../server/schema/article.ts";
import type { Problem } from "../../server/schema/check.ts";
import type { Account } from "../account/account.ts";
import { authApi } from "../api/auth.ts";
import { scrollToBlock } from "../check/scroll-to-block.ts";
import { SourceCoverage } from "../check/source-coverage.tsx";
import { useSourceCheck } from "../check/use-source-check.ts";
import type { Identity } from "../collab/identity.ts";
import { setTitle } from "../collab/meta.ts";
import { useConnection } from "../collab/use-connection.ts";
import { useMeta } from "../collab/use-meta.ts";
import { usePresence } from "../collab/use-presence.ts";
import { useBriefSession } from "../collab/use-session.ts";
import { CommentsSection } from "../comments/comments-section.tsx";
import { Brand } from "../components/brand.tsx";
import { ConnectionBadge } from "../components/connection-badge.tsx";
import { DownloadButton } from "../components/download-button.tsx";
import { Icon } from "../components/icon.tsx";
import { PresenceList } from "../components/presence-list.tsx";
import { TitleInput } from "../components/title-input.tsx";
import { UserMenu } from "../components/user-menu.tsx";
import { BriefEditor } from "../editor/brief-editor.tsx";
import { insertSnippet } from "../editor/insert-snippet.ts";
import { DetailsPanel } from "../fields/details-panel.tsx";
import { keepLoadedAssets } from "../offline-shell.ts";
import { paths } from "../router.ts";
import { ShareDialog } from "../sharing/share-dialog.tsx";
import { SourcesPanel } from "../sources/sources-panel.tsx";
import { briefAccess } from "./brief-access.ts";
import { BriefClosedPage } from "./brief-closed-page.tsx";
import { useBriefRecord } from "./use-brief-record.ts";
import { useWideScreen } from "./use-wide-screen.ts";

const NO_PROBLEMS: readonly Problem[] = [];

interface BriefPageProps {
  briefId: string;
  /** A link share's token from the address, when the brief was opened through one. */
  linkToken: string | null;
  /** Null for someone who opened a link without signing in. */
  account: Account | null;
  identity: Identity;
  onSignOut: () => void;
}

/** A brief: details on the left, the shared editor in the middle, sources on the right. */
export function BriefPage({ briefId, linkToken, account, identity, onSignOut }: BriefPageProps) {
  const record = useBriefRecord(briefId, linkToken);
  const session = useBriefSession(briefId, identity, linkToken);
  const access = briefAccess(record);
  const editable = access === "owner" || access === "editor";
  const role = record.status === "ok" ? record.brief.role : null;
  const [sharing, setSharing] = useState(false);
  const connection = useConnection(session);
  const peers = usePresence(session);
  const meta = useMeta(session);
  const [editor, setEditor] = useState<Editor | null>(null);
  const check = useSourceCheck(session, linkToken);
  const wide = useWideScreen();
  const [showDetails, setShowDetails] = useState(wide);
  useEffect(() => setShowDetails(wide), [wide]);

  useEffect(() => {
    keepLoadedAssets().catch(() => {});
  }, []);

  useEffect(() => {
    session?.provider.awareness.setLocalStateField("user", identity);
  }, [session, identity]);

  const title = meta?.title || (record.status === "ok" ? record.brief.title : "");
  useEffect(() => {
    document.title = `${title || "Brief"} · Briefroom`;
  }, [title]);

  const showBlock = useCallback(
    (path: readonly number[]) => {
      if (editor) scrollToBlock(editor, path);
    },
    [editor],
  );

  const insertFromSources = useCallback(
    (snippet: Snippet) => {
      if (!editor) return false;
      return insertSnippet(editor, snippet);
    },
    [editor],
  );

  useEffect(() => {
    // The session ended (expired, signed out elsewhere): asking who we are reports the 401,
    // which takes this person to the sign-in page and back here afterwards.
    if (connection.closeCode === 4401 && account && !linkToken) authApi.me().catch(() => {});
  }, [connection.closeCode, account, linkToken]);

  const deleted = record.status === "missing" || connection.closeCode === 4404;
  useEffect(() => {
    // A deleted brief's offline copy would otherwise linger in this browser forever.
    if (deleted) session?.local.clearData().catch(() => {});
  }, [deleted, session]);

  if (record.status === "missing" || connection.connection === "gone") {
    const reload = async (discardLocal: boolean) => {
      if (discardLocal) await session?.local.clearData().catch(() => {});
      location.reload();
    };
    return (
      <BriefClosedPage
        code={record.status === "missing" ? null : connection.closeCode}
        onReload={reload}
      />
    );
  }

  const templateId = meta?.templateId ?? (record.status === "ok" ? record.brief.templateId : null);
  // The details and sources panels are for members; a guest with a link gets the text alone.
  const layout = !account ? "text-only" : showDetails ? "with-details" : null;
  return (
    <div className="brief-page" data-access={access}>
      <button type="button" className="skip-link" onClick={() => editor?.commands.focus()}>
        Skip to the brief text
      </button>
      <header className="topbar brief-topbar">
        <Brand compact />
        {account && (
          <button
            type="button"
            className="btn btn-quiet panel-toggle"
            aria-expanded={showDetails}
            aria-controls="details-panel"
            onClick={() => setShowDetails(!showDetails)}
          >
            <Icon name="panel" />
            <span className="btn-label">Details</span>
          </button>
        )}
        <TitleInput
          value={title}
          onChange={(v) => session && setTitle(session.doc, v)}
          disabled={!session || !editable}
        />
        <div className="topbar-end">
          <ConnectionBadge state={connection} />
          {access === "read-only" &&
            (role === "commenter" ? (
              <span
                className="view-only"
                title="You can read this brief and comment on it (Details), but not change it."
              >
                Can comment
              </span>
            ) : (
              <span className="view-only" title="You can read this brief but not change it.">
                View only
              </span>
            ))}
          <PresenceList peers={peers} />
          {access === "owner" && (
            <button type="button" className="btn" onClick={() => setSharing(true)}>
              <Icon name="share" />
              <span className="btn-label">Share</span>
            </button>
          )}
          <DownloadButton briefId={briefId} title={title} linkToken={linkToken} />
          {account ? (
            <UserMenu account={account} onSignOut={onSignOut} />
          ) : (
            <a className="btn btn-quiet" href={paths.login(location.pathname)}>
              Sign in
            </a>
          )}
        </div>
      </header>
      <div className={layout ? `brief-layout ${layout}` : "brief-layout"}>
        {showDetails && account && (
          <DetailsPanel
            id="details-panel"
            briefId={briefId}
            title={title}
            session={session}
            templateId={templateId}
            fields={meta?.fields ?? {}}
            readOnly={!editable}
          >
            <SourceCoverage result={check} onShow={showBlock} />
            <CommentsSection
              briefId={briefId}
              session={session}
              editor={editor}
              me={account.id}
              canComment={role !== null && role !== "viewer"}
              canResolveAny={editable}
            />
          </DetailsPanel>
        )}
        <main className="editor-column" id="brief-text" aria-label="Brief">
          {session ? (
            <BriefEditor
              session={session}
              identity={identity}
              onEditor={setEditor}
              editable={editable}
              problems={check?.problems ?? NO_PROBLEMS}
            />
          ) : (
            <div className="editor-loading">Opening brief…</div>
          )}
        </main>
        {account && (
          <SourcesPanel onInsert={insertFromSources} canInsert={Boolean(editor) && editable} />
        )}
      </div>
      {sharing && <ShareDialog briefId={briefId} title={title} onClose={() => setSharing(false)} />}
    </div>
  );
}
