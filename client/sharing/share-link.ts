import { paths } from "../router.ts";

/** The address that opens a brief with a link share's token. */
export function shareLinkUrl(origin: string, briefId: string, token: string): string {
  return `${origin}${paths.brief(briefId)}?token=${encodeURIComponent(token)}`;
}

export const ROLE_LABELS = {
  editor: "Can edit",
  commenter: "Can comment",
  viewer: "Can view",
} as const;

export type ShareRole = keyof typeof ROLE_LABELS;
export const ROLES = Object.keys(ROLE_LABELS) as ShareRole[];
