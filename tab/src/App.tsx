import { FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect } from "react";
import { AppHeader } from "./components/AppHeader";
import { MainNavigation } from "./components/MainNavigation";
import { PageHeading } from "./components/PageHeading";
import { ServerStatusPanel } from "./components/ServerStatusPanel";
import { SkipLink } from "./components/SkipLink";
import { AboutPage } from "./pages/AboutPage";
import { AuditPage } from "./pages/AuditPage";
import { ConfigurePage } from "./pages/ConfigurePage";
import { DashboardPage } from "./pages/DashboardPage";
import { MyWorkPage } from "./pages/MyWorkPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { routes, type RouteId } from "./routes";
import type { TabHost } from "./teams-host";
import { fluentThemeFor, useHostTheme } from "./theme";
import { useHashRoute } from "./use-hash-route";

const MAIN_ID = "main-content";

const useStyles = makeStyles({
  provider: {
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  page: {
    boxSizing: "border-box",
    maxWidth: "960px",
    marginInline: "auto",
    paddingInline: tokens.spacingHorizontalXL,
    paddingBottom: tokens.spacingVerticalXXXL,
  },
  main: {
    paddingTop: tokens.spacingVerticalL,
    ":focus": { outlineStyle: "none" },
  },
});

function pageTitle(route: RouteId | undefined): string {
  return route ? routes[route].title : "Page not found";
}

function RoutePage({ route, host }: { route: RouteId | undefined; host: TabHost }) {
  switch (route) {
    case "my-work":
      return <MyWorkPage />;
    case "dashboard":
      return <DashboardPage />;
    case "configure":
      return <ConfigurePage host={host} />;
    case "audit":
      return <AuditPage />;
    case "about":
    case "privacy":
    case "terms":
      return <AboutPage topic={route} />;
    case undefined:
      return <NotFoundPage />;
  }
}

/** The tab's shell: theme, header, navigation, and the page for the current hash route. */
export function App({ host }: { host: TabHost }) {
  const styles = useStyles();
  const theme = useHostTheme(host);
  const { route, navigated } = useHashRoute();
  const title = pageTitle(route);

  useEffect(() => {
    document.title = `${title} – Golden Thread`;
  }, [title]);

  // In Teams' tab set-up dialog there is nowhere else to go.
  const inSetupDialog = host.kind === "teams" && host.frameContext === "settings";

  return (
    <FluentProvider theme={fluentThemeFor(theme)} className={styles.provider}>
      <div className={styles.page}>
        <SkipLink targetId={MAIN_ID} />
        <AppHeader outsideTeams={host.kind === "browser"} />
        {!inSetupDialog && <MainNavigation current={route} />}
        <main id={MAIN_ID} tabIndex={-1} className={styles.main}>
          {/* Remounts per route; after navigation it takes focus so screen readers announce the new page. */}
          <PageHeading key={route ?? "not-found"} focusOnMount={navigated}>
            {title}
          </PageHeading>
          <RoutePage route={route} host={host} />
          <ServerStatusPanel />
        </main>
      </div>
    </FluentProvider>
  );
}
