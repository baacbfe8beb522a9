import { bodyLimit } from "hono/body-limit";
import { tooLarge } from "../errors.ts";
import { SMALL_BODY_BYTES } from "./limits.ts";

/** Body limit for routes that take a few short JSON fields. */
export const smallBody = () =>
  bodyLimit({
    maxSize: SMALL_BODY_BYTES,
    onError: () => {
      throw tooLarge(`Request bodies here are limited to ${SMALL_BODY_BYTES / 1024} KB.`);
    },
  });
