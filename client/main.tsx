import "@fontsource-variable/inter";
import "@fontsource-variable/source-serif-4";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/controls.css";
import "./styles/editor.css";
import "./styles/sources.css";
import "./styles/account.css";
import "./styles/check.css";
import "./styles/comments.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { registerOfflineShell } from "./offline-shell.ts";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerOfflineShell();
