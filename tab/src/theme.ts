// Chooses the Fluent UI theme: Teams' theme inside Teams, the operating
// system's preference (light, dark, or forced colours) in a plain browser.
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { TabHost, TeamsTheme } from "./teams-host";

export function fluentThemeFor(theme: TeamsTheme): Theme {
  switch (theme) {
    case "dark":
      return teamsDarkTheme;
    case "contrast":
      return teamsHighContrastTheme;
    case "default":
      return teamsLightTheme;
  }
}

const darkQuery = "(prefers-color-scheme: dark)";
const forcedColoursQuery = "(forced-colors: active)";

/** The browser's preference, expressed as the Teams theme it matches. */
export function browserPreferredTheme(): TeamsTheme {
  if (typeof window === "undefined" || typeof window.matchMedia !== "function") return "default";
  if (window.matchMedia(forcedColoursQuery).matches) return "contrast";
  return window.matchMedia(darkQuery).matches ? "dark" : "default";
}

function subscribeToBrowserTheme(listener: (theme: TeamsTheme) => void): () => void {
  if (typeof window === "undefined" || typeof window.matchMedia !== "function") return () => undefined;
  const queries = [window.matchMedia(darkQuery), window.matchMedia(forcedColoursQuery)];
  const onChange = () => listener(browserPreferredTheme());
  for (const query of queries) query.addEventListener("change", onChange);
  return () => {
    for (const query of queries) query.removeEventListener("change", onChange);
  };
}

/** The current theme for this host, kept up to date as it changes. */
export function useHostTheme(host: TabHost): TeamsTheme {
  const [theme, setTheme] = useState<TeamsTheme>(() => (host.kind === "teams" ? host.theme : browserPreferredTheme()));

  useEffect(() => {
    if (host.kind === "teams") {
      setTheme(host.theme);
      return host.onThemeChange(setTheme);
    }
    setTheme(browserPreferredTheme());
    return subscribeToBrowserTheme(setTheme);
  }, [host]);

  return theme;
}
