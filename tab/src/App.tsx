import { FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { AppHeader, type SignedInAs } from "./components/AppHeader";
import { Loading } from "./components/LoadState";
import { MainNavigation } from "./components/MainNavigation";
import { PageHeading } from "./components/PageHeading";
import { ServerStatusPanel } from "./components/ServerStatusPanel";
import { SkipLink } from "./components/SkipLink";
import { AboutPage } from "./pages/AboutPage";
import { ConfigurePage } from "./pages/ConfigurePage";
import { MyWorkPage } from "./pages/MyWorkPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { recordIdFromHash, routes, type RouteId } from "./routes";
import { useSessionControl } from "./session/session-context";
import { SessionProvider } from "./session/SessionProvider";
import { SignInPage } from "./session/SignInPage";
import type { TabHost } from "./teams-host";
import { fluentThemeFor, useHostTheme } from "./theme";
import { useHashRoute } from "./use-hash-route";

// Pages other than the home page load when first opened, so the first
// screen arrives sooner (the dashboard's charts are the largest part).
const DashboardPage = lazy(() => import("./pages/DashboardPage").then((module) => ({ default: module.DashboardPage })));
const AuditPage = lazy(() => import("./pages/AuditPage").then((module) => ({ default: module.AuditPage })));
const ActionsPage = lazy(() => import("./pages/actions/ActionsPage").then((module) => ({ default: module.ActionsPage })));
const AuditListPage = lazy(() => import("./pages/audit-list/AuditListPage").then((module) => ({ default: module.AuditListPage })));
const ProgrammesPage = lazy(() => import("./pages/programmes/ProgrammesPage").then((module) => ({ default: module.ProgrammesPage })));
const ProgrammePage = lazy(() => import("./pages/programmes/ProgrammePage").then((module) => ({ default: module.ProgrammePage })));
const PlanProgrammePage = lazy(() => import("./pages/programmes/PlanProgrammePage").then((module) => ({ default: module.PlanProgrammePage })));
const ModerationPage = lazy(() => import("./pages/moderation/ModerationPage").then((module) => ({ default: module.ModerationPage })));
const LibraryPage = lazy(() => import("./pages/library/LibraryPage").then((module) => ({ default: module.LibraryPage })));
const StandardPage = lazy(() => import("./pages/library/StandardPage").then((module) => ({ default: module.StandardPage })));
const AuditToolPage = lazy(() => import("./pages/library/AuditToolPage").then((module) => ({ default: module.AuditToolPage })));
const BulletinsPage = lazy(() => import("./pages/bulletins/BulletinsPage").then((module) => ({ default: module.BulletinsPage })));
const BulletinPage = lazy(() => import("./pages/bulletins/BulletinPage").then((module) => ({ default: module.BulletinPage })));
const YouSaidWeDidListPage = lazy(() => import("./pages/you-said-we-did/YouSaidWeDidListPage").then((module) => ({ default: module.YouSaidWeDidListPage })));
const YouSaidWeDidPage = lazy(() => import("./pages/you-said-we-did/YouSaidWeDidPage").then((module) => ({ default: module.YouSaidWeDidPage })));
const FeedbackPage = lazy(() => import("./pages/feedback/FeedbackPage").then((module) => ({ default: module.FeedbackPage })));
const ObservationsPage = lazy(() => import("./pages/feedback/ObservationsPage").then((module) => ({ default: module.ObservationsPage })));
const SurveysPage = lazy(() => import("./pages/voice/SurveysPage").then((module) => ({ default: module.SurveysPage })));
const SurveyPage = lazy(() => import("./pages/voice/SurveyPage").then((module) => ({ default: module.SurveyPage })));
const PerformancePage = lazy(() => import("./pages/performance/PerformancePage").then((module) => ({ default: module.PerformancePage })));
const ImportPage = lazy(() => import("./pages/performance/ImportPage").then((module) => ({ default: module.ImportPage })));
const TriangulationPage = lazy(() => import("./pages/performance/TriangulationPage").then((module) => ({ default: module.TriangulationPage })));
const ReportsPage = lazy(() => import("./pages/reports/ReportsPage").then((module) => ({ default: module.ReportsPage })));
const MeetingsPage = lazy(() => import("./pages/meetings/MeetingsPage").then((module) => ({ default: module.MeetingsPage })));
const SelfEvaluationPage = lazy(() => import("./pages/self-evaluation/SelfEvaluationPage").then((module) => ({ default: module.SelfEvaluationPage })));
const RolesPage = lazy(() => import("./pages/roles/RolesPage").then((module) => ({ default: module.RolesPage })));

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
    "@media (max-width: 400px)": { paddingInline: tokens.spacingHorizontalM },
  },
  main: {
    paddingTop: tokens.spacingVerticalL,
    ":focus": { outlineStyle: "none" },
  },
});

function pageTitle(route: RouteId | undefined): string {
  return route ? routes[route].title : "Page not found";
}

function RoutePage({
  route,
  host,
  navigated,
  auditId,
  recordId,
}: {
  route: RouteId | undefined;
  host: TabHost;
  navigated: boolean;
  auditId: string | undefined;
  recordId: string | undefined;
}) {
  switch (route) {
    case "my-work":
      return <MyWorkPage />;
    case "dashboard":
      return <DashboardPage />;
    case "actions":
      return <ActionsPage />;
    case "audit-list":
      return <AuditListPage focusHeading={navigated} />;
    case "audit":
      return <AuditPage key={auditId} auditId={auditId ?? ""} focusHeading={navigated} />;
    case "programmes":
      return <ProgrammesPage focusHeading={navigated} />;
    case "programme":
      return <ProgrammePage key={recordId} programmeId={recordId ?? ""} focusHeading={navigated} />;
    case "plan-programme":
      return <PlanProgrammePage focusHeading={navigated} />;
    case "moderation":
      return <ModerationPage />;
    case "library":
      return <LibraryPage focusHeading={navigated} />;
    case "standard":
      return <StandardPage key={recordId} standardId={recordId ?? ""} focusHeading={navigated} />;
    case "audit-tool":
      return <AuditToolPage key={recordId} toolId={recordId ?? "new"} focusHeading={navigated} />;
    case "roles":
      return <RolesPage focusHeading={navigated} />;
    case "bulletins":
      return <BulletinsPage focusHeading={navigated} />;
    case "bulletin":
      return <BulletinPage key={recordId} bulletinId={recordId ?? "new"} focusHeading={navigated} />;
    case "you-said-we-did":
      return <YouSaidWeDidListPage focusHeading={navigated} />;
    case "you-said-we-did-update":
      return <YouSaidWeDidPage key={recordId} updateId={recordId ?? "new"} focusHeading={navigated} />;
    case "feedback":
      return <FeedbackPage />;
    case "observations":
      return <ObservationsPage />;
    case "voice":
      return <SurveysPage focusHeading={navigated} />;
    case "survey":
      return <SurveyPage key={recordId} surveyId={recordId ?? ""} focusHeading={navigated} />;
    case "compose-survey":
      return <SurveyPage key="new" surveyId="new" focusHeading={navigated} />;
    case "performance":
      return <PerformancePage />;
    case "performance-import":
      return <ImportPage />;
    case "triangulation":
      return <TriangulationPage />;
    case "reports":
      return <ReportsPage />;
    case "meetings":
      return <MeetingsPage />;
    case "self-evaluation":
      return <SelfEvaluationPage />;
    case "configure":
      return <ConfigurePage host={host} />;
    case "about":
    case "privacy":
    case "terms":
      return <AboutPage topic={route} />;
    case undefined:
      return <NotFoundPage />;
  }
}

/** The tab's shell: theme, session, header, navigation, and the page for the current hash route. */
export function App({ host }: { host: TabHost }) {
  const styles = useStyles();
  const theme = useHostTheme(host);
  // In Teams' tab set-up dialog there is nowhere else to go, and nobody to sign in.
  const inSetupDialog = host.kind === "teams" && host.frameContext === "settings";

  return (
    // The full-height background sits on an inner element, not on the provider:
    // Fluent copies the provider's classes onto every portal (menus, dialogs,
    // chart pop-ups), where a full-height background would cover the page.
    <FluentProvider theme={fluentThemeFor(theme)}>
      <div className={styles.provider}>
        <SessionProvider host={host} enabled={!inSetupDialog}>
          <div className={styles.page}>
            <Shell host={host} inSetupDialog={inSetupDialog} />
          </div>
        </SessionProvider>
      </div>
    </FluentProvider>
  );
}

function Shell({ host, inSetupDialog }: { host: TabHost; inSetupDialog: boolean }) {
  const styles = useStyles();
  const { route, navigated, auditId } = useHashRoute();
  // Shell re-renders on every hash change (useHashRoute), so this stays in step with the address.
  const recordId = recordIdFromHash(window.location.hash);
  const { state } = useSessionControl();
  const info = route ? routes[route] : undefined;
  // After choosing who you are, focus goes to the page's heading (the sign-in form has gone).
  const [justSignedIn, setJustSignedIn] = useState(false);
  const sawSignInPage = useRef(false);
  useEffect(() => {
    if (state.kind === "signed-out") sawSignInPage.current = true;
    if (state.kind === "signed-in" && sawSignInPage.current) setJustSignedIn(true);
  }, [state.kind]);
  const focusHeading = navigated || justSignedIn;
  const needsSignIn = info?.needsSignIn ?? false;
  const showSignIn = needsSignIn && state.kind !== "signed-in";
  const title = showSignIn ? "Sign in" : pageTitle(route);
  // Pages with their own heading set the document title themselves.
  const pageWritesTitle = !showSignIn && info?.ownHeading === true;

  useEffect(() => {
    if (!pageWritesTitle) document.title = `${title} – Golden Thread`;
  }, [title, pageWritesTitle]);

  const session = state.kind === "signed-in" ? state.session : undefined;
  const signedInAs: SignedInAs | undefined = session && {
    displayName: session.me.displayName,
    roleLabels: session.me.roleLabels,
    local: session.via === "local",
    onSignOut: session.signOut,
  };

  return (
    <>
      <SkipLink targetId={MAIN_ID} />
      <AppHeader outsideTeams={host.kind === "browser"} signedInAs={signedInAs} />
      {!inSetupDialog && <MainNavigation current={route} />}
      <main id={MAIN_ID} tabIndex={-1} className={styles.main}>
        {showSignIn ? (
          <>
            <SignInPage />
            <ServerStatusPanel />
          </>
        ) : (
          <>
            {/* Remounts per route; after navigation it takes focus so screen readers announce the new page. */}
            {!info?.ownHeading && (
              <PageHeading key={route ?? "not-found"} focusOnMount={focusHeading}>
                {title}
              </PageHeading>
            )}
            {/* A new signed-in person gets fresh pages (nothing cached from the last one). */}
            <Suspense fallback={<Loading label="Opening the page…" />}>
              <RoutePage key={session?.me.id} route={route} host={host} navigated={focusHeading} auditId={auditId} recordId={recordId} />
            </Suspense>
            {route === "my-work" && <ServerStatusPanel />}
          </>
        )}
      </main>
    </>
  );
}
