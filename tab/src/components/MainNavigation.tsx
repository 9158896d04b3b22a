import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { hrefFor, routeIds, routes, type RouteId } from "../routes";

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
    listStyleType: "none",
    margin: 0,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
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
};

export function MainNavigation({ current }: { current: RouteId | undefined }) {
  const styles = useStyles();
  const section = current && sectionOf[current];
  return (
    <nav aria-label="Golden Thread">
      <ul className={styles.list}>
        {routeIds
          .filter((id) => routes[id].inNavigation)
          .map((id) => (
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
    </nav>
  );
}
