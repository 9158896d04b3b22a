import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { hrefFor, routeIds, routes, type RouteId } from "../routes";

const useStyles = makeStyles({
  groups: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  groupLabel: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  link: {
    display: "inline-block",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorBrandForegroundLink,
    fontSize: tokens.fontSizeBase300,
    textDecorationLine: "underline",
    ":hover": { color: tokens.colorBrandForegroundLinkHover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
  // The current page is marked by weight and a thick underline, not colour alone.
  current: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    textDecorationThickness: "3px",
    textUnderlineOffset: "6px",
  },
});

/** Pages inside a section of the navigation: its entry shows as current there too. */
const sectionOf: Partial<Record<RouteId, RouteId>> = {
  programme: "programmes",
  "plan-programme": "programmes",
  standard: "library",
  "audit-tool": "library",
  survey: "voice",
  "compose-survey": "voice",
  bulletin: "bulletins",
  "you-said-we-did-update": "you-said-we-did",
  "performance-import": "performance",
  triangulation: "performance",
};

// Sixteen pages are too many for one row: they are grouped the way the
// framework's components fall, so each reader finds their part quickly.
const groups: { label: string; routes: RouteId[] }[] = [
  { label: "Audit and moderation", routes: ["my-work", "dashboard", "actions", "programmes", "moderation", "library"] },
  { label: "Learning and voice", routes: ["bulletins", "you-said-we-did", "feedback", "observations", "voice"] },
  { label: "Leadership", routes: ["performance", "reports", "meetings", "self-evaluation", "roles"] },
];
const grouped = new Set(groups.flatMap((group) => group.routes));
const navigationGroups = [
  ...groups,
  // A page added to the navigation but not yet to a group still shows.
  { label: "More", routes: routeIds.filter((id) => routes[id].inNavigation && !grouped.has(id)) },
]
  .map((group) => ({ ...group, routes: group.routes.filter((id) => routes[id].inNavigation) }))
  .filter((group) => group.routes.length > 0);

export function MainNavigation({ current }: { current: RouteId | undefined }) {
  const styles = useStyles();
  const section = current && sectionOf[current];
  return (
    <nav aria-label="Golden Thread" className={styles.groups}>
      {navigationGroups.map((group) => {
        const labelId = `navigation-${group.label.toLowerCase().replace(/\W+/g, "-")}`;
        return (
          <div key={group.label} className={styles.group}>
            <span id={labelId} className={styles.groupLabel}>
              {group.label}
            </span>
            <ul className={styles.list} aria-labelledby={labelId}>
              {group.routes.map((id) => (
                <li key={id}>
                  <a
                    href={hrefFor(id)}
                    className={mergeClasses(styles.link, (id === current || id === section) && styles.current)}
                    aria-current={id === current ? "page" : id === section ? "true" : undefined}
                  >
                    {routes[id].title}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
