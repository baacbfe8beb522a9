import { paths } from "../router.ts";
import { Link } from "./link.tsx";

/** The Briefroom mark; links home. */
export function Brand({ compact = false }: { compact?: boolean }) {
  return (
    <Link href={paths.home()} className="brand" aria-label="Briefroom — all briefs">
      <img src="/favicon.svg" alt="" width={26} height={26} />
      {!compact && <span className="brand-name">Briefroom</span>}
    </Link>
  );
}
