import type { CreateShare, ShareView } from "../../server/schema/auth.ts";
import { client, done, ok } from "./client.ts";

const shares = client.api.briefs[":id"].shares;

/** Who a brief is shared with, by email or by link; only its owner may see or change this. */
export const sharesApi = {
  list: async (id: string): Promise<ShareView[]> =>
    (await ok(shares.$get({ param: { id } }))).shares as ShareView[],
  /** A link share's answer carries its token, once. */
  create: (id: string, input: CreateShare): Promise<ShareView> =>
    ok(shares.$post({ param: { id }, json: input })) as Promise<ShareView>,
  revoke: (id: string, shareId: string) =>
    done(shares[":shareId"].$delete({ param: { id, shareId } })),
};
