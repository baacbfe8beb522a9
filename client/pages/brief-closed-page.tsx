import { CloseCode } from "../../server/schema/protocol.ts";
import { Link } from "../components/link.tsx";
import { paths } from "../router.ts";

interface BriefClosedPageProps {
  /** Why the server ended the session (a WebSocket close code); null: the brief is missing. */
  code: number | null;
  /** Opens the brief afresh; `discardLocal` first drops this device's copy of it. */
  onReload: (discardLocal: boolean) => void;
}

/** What a person sees when the server has ended their session with a brief, and what to do. */
export function BriefClosedPage({ code, onReload }: BriefClosedPageProps) {
  const page = describe(code);
  return (
    <main className="centered-page">
      <div className="empty-state" role="alert">
        <h1>{page.title}</h1>
        <p>{page.detail}</p>
        <div className="form-buttons">
          {page.reload && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => onReload(page.reload === "discard")}
            >
              Reload the brief
            </button>
          )}
          <Link className={page.reload ? "btn" : "btn btn-primary"} href={paths.home()}>
            Go to your briefs
          </Link>
        </div>
      </div>
    </main>
  );
}

function describe(code: number | null): {
  title: string;
  detail: string;
  reload?: "keep" | "discard";
} {
  switch (code) {
    case null:
    case CloseCode.NotFound:
      return {
        title: "This brief doesn't exist",
        detail: "It may have been deleted. Your other briefs are on the home page.",
      };
    case CloseCode.Unauthenticated:
    case CloseCode.Forbidden:
      return {
        title: "This brief is closed to you",
        detail: "Ask its owner to share it with you again.",
      };
    case CloseCode.TooLarge:
      // The refused change stays in this device's copy and would be sent again on every
      // reconnect: carrying on means dropping that copy for the server's.
      return {
        title: "A change was too large to save",
        detail:
          "Your last change (a very large paste, perhaps) is more than the server takes in one go, so it was not saved. Reload to carry on from what was saved; changes made here since then are discarded. Paste large texts in parts.",
        reload: "discard",
      };
    default:
      return {
        title: "The server stopped this brief",
        detail: `Something went wrong on the server (code ${code}). Your changes are kept on this device; reload to try again.`,
        reload: "keep",
      };
  }
}
