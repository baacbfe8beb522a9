import type { TemplateInfo } from "../../server/schema/template.ts";
import type { BriefListItem } from "../api/briefs.ts";
import { ConfirmButton } from "../components/confirm-button.tsx";
import { fullTime, relativeTime } from "../components/format.ts";
import { Link } from "../components/link.tsx";
import { paths } from "../router.ts";

interface BriefsTableProps {
  briefs: BriefListItem[];
  templates: TemplateInfo[];
  onDelete: (brief: BriefListItem) => void;
}

/** The briefs, most recently edited first. */
export function BriefsTable({ briefs, templates, onDelete }: BriefsTableProps) {
  const names = Object.fromEntries(templates.map((t) => [t.id, t.name]));
  const sorted = [...briefs].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <table className="briefs-table">
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Template</th>
          <th scope="col">Last edited</th>
          <th scope="col">In it now</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((b) => (
          <tr key={b.id} data-brief-id={b.id}>
            <td className="brief-title-cell">
              <Link href={paths.brief(b.id)}>{b.title}</Link>
            </td>
            <td>
              {b.templateId ? (
                (names[b.templateId] ?? b.templateId)
              ) : (
                <span className="muted">Blank</span>
              )}
            </td>
            <td>
              <time dateTime={b.updatedAt} title={fullTime(b.updatedAt)}>
                {relativeTime(b.updatedAt)}
              </time>
            </td>
            <td>
              {b.present > 0 ? (
                <span className="live-count">
                  <span className="live-dot" aria-hidden="true" />
                  {b.present === 1 ? "1 person" : `${b.present} people`}
                </span>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td className="actions-cell">
              <Link
                className="btn btn-small"
                href={paths.brief(b.id)}
                aria-label={`Open ${b.title}`}
              >
                Open
              </Link>
              {b.role === "owner" && (
                <ConfirmButton
                  label="Delete"
                  confirmLabel="Delete for everyone"
                  subject={b.title}
                  onConfirm={() => onDelete(b)}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
