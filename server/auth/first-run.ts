import type { Logger } from "../logger.ts";
import type { Store } from "../store/store.ts";

/**
 * On an instance with no accounts yet, tells whoever started it how to create the first
 * one, which becomes the admin.
 */
export async function firstRunHint(store: Store, url: string, log: Logger): Promise<void> {
  if ((await store.users.count()) > 0) return;
  log.warn(
    `No accounts yet. Create the first account (it becomes the admin): open ${url}/ and sign up, or run ` +
      `curl -X POST ${url}/api/auth/signup -H 'content-type: application/json' ` +
      `-d '{"email":"you@example.com","name":"Your Name","password":"a long passphrase"}'`,
    { signup: `${url}/api/auth/signup` },
  );
}
