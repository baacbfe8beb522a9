/** An API failure with the server's machine id and a message fit to show a person. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly id: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const FALLBACK: Record<number, string> = {
  401: "Please sign in to continue.",
  403: "You don't have access to this.",
  404: "That no longer exists.",
  413: "That is too large to upload.",
  429: "Too many requests — wait a moment and try again.",
};

/** Reads the `{error:{id,message}}` body every route answers with, whatever else arrives. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy page, an empty body): fall back to the status.
  }
  const error = (body as { error?: { id?: unknown; message?: unknown } } | null)?.error;
  const message =
    typeof error?.message === "string" && error.message
      ? error.message
      : (FALLBACK[res.status] ??
        (res.status >= 500
          ? "The server ran into a problem. Try again in a moment."
          : `The request failed (${res.status}).`));
  return new ApiError(
    message,
    res.status,
    typeof error?.id === "string" ? error.id : `http_${res.status}`,
  );
}

/** Any thrown value as one sentence for the UI. */
export function readableError(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof TypeError) {
    return "Can't reach the Briefroom server. Check your connection and try again.";
  }
  if (err instanceof Error && err.message) return err.message;
  return "Something went wrong.";
}
