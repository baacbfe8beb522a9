import { Link } from "../components/link.tsx";
import { paths } from "../router.ts";

/** Shown for unknown pages and for briefs that no longer exist. */
export function NotFoundPage({
  title = "Page not found",
  detail = "There is nothing at this address.",
}) {
  return (
    <main className="centered-page">
      <div className="empty-state">
        <h1>{title}</h1>
        <p>{detail}</p>
        <Link className="btn btn-primary" href={paths.home()}>
          Go to your briefs
        </Link>
      </div>
    </main>
  );
}
