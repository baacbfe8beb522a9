import { type ConnectionState, describeConnection } from "../collab/connection-state.ts";

/** The link to the server at a glance; the full sentence on hover and for screen readers. */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { label, detail } = describeConnection(state);
  return (
    <output
      className={`connection connection-${state.connection}`}
      title={detail}
      data-state={state.connection}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span>{label}</span>
      <span className="visually-hidden">: {detail}</span>
    </output>
  );
}
