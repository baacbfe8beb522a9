/** Small line icons, drawn on a 20×20 grid in the current text colour. */
const PATHS = {
  bold: "M6 4h5a3.5 3.5 0 0 1 0 7H6zM6 11h6a3.5 3.5 0 0 1 0 7H6z",
  italic: "M12 4H8m4 0-4 12m0 0H4m4 0h4",
  underline: "M6 3v6a4 4 0 0 0 8 0V3M5 17h10",
  strike:
    "M4 10h12M13.5 6.5C13 5 11.7 4 10 4 8 4 6.5 5.2 6.5 6.8c0 1.4 1 2.2 3.5 3.2m3.5 2.2c.3.5.5 1 .5 1.6 0 1.7-1.7 3.2-4 3.2-1.8 0-3.3-.9-4-2.4",
  code: "M7 6 3 10l4 4M13 6l4 4-4 4",
  link: "M8.5 11.5a3 3 0 0 0 4.2 0l2.6-2.6a3 3 0 0 0-4.2-4.2l-1 1M11.5 8.5a3 3 0 0 0-4.2 0l-2.6 2.6a3 3 0 0 0 4.2 4.2l1-1",
  bulletList: "M8 5h9M8 10h9M8 15h9M3.5 5h.01M3.5 10h.01M3.5 15h.01",
  orderedList:
    "M8 5h9M8 10h9M8 15h9M3 4l1-.5V7M3 9.5c.5-.7 2-.6 2 .3 0 .8-2 1.4-2 2.2h2M3 14h2l-1 1.2c.8 0 1.2.4 1.2.9S4.7 17 4 17c-.5 0-.9-.2-1-.5",
  quote:
    "M4 9.5C4 7 5.5 5.5 8 5v2c-1.2.3-2 1.1-2 2.5h2V14H4zM11 9.5C11 7 12.5 5.5 15 5v2c-1.2.3-2 1.1-2 2.5h2V14h-4z",
  codeBlock: "M3 4h14v12H3zM7 8l-2 2 2 2M13 8l2 2-2 2",
  rule: "M3 10h14",
  table: "M3 4h14v12H3zM3 8h14M3 12h14M8 4v12M12.5 4v12",
  undo: "M7 5 3.5 8.5 7 12M4 8.5h8a4.5 4.5 0 0 1 0 9H9",
  redo: "M13 5l3.5 3.5L13 12M16 8.5H8a4.5 4.5 0 0 0 0 9h3",
  clear: "M5 5h10M10 5l-3 11M12 12l5 5m0-5-5 5",
  download: "M10 3v10m0 0-4-4m4 4 4-4M4 16h12",
  chevronDown: "M5 8l5 5 5-5",
  plus: "M10 4v12M4 10h12",
  trash: "M4 6h12M8 6V4h4v2M6 6l1 11h6l1-11",
  search: "M9 15a6 6 0 1 0 0-12 6 6 0 0 0 0 12zM13.5 13.5 17 17",
  close: "M5 5l10 10M15 5 5 15",
  back: "M12 4 6 10l6 6",
  book: "M4 4.5C6 3.5 8 3.5 10 5c2-1.5 4-1.5 6-.5V16c-2-1-4-1-6 .5C8 15 6 15 4 16zM10 5v11.5",
  panel: "M3 4h14v12H3zM8 4v12",
  grip: "M8 5h.01M12 5h.01M8 10h.01M12 10h.01M8 15h.01M12 15h.01",
  file: "M5 3h7l4 4v10H5zM12 3v4h4",
  share: "M8 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2.5 17c0-3 2.5-5 5.5-5s5.5 2 5.5 5M16 6v6M13 9h6",
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
