// Entry point: connect to Teams (or fall back to a plain browser), then render.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { connectToHost } from "./teams-host";

const container = document.getElementById("root");
if (!container) throw new Error("Golden Thread: #root element missing from index.html");

void connectToHost().then((host) => {
  createRoot(container).render(
    <StrictMode>
      <App host={host} />
    </StrictMode>,
  );
});
