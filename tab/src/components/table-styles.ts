// Styles for the tab's data tables. On narrow screens (a phone, or Teams'
// side panel at 320 px) each row becomes a block and each cell shows its
// column name before its value (from the cell's data-label), so nothing
// needs scrolling sideways.
import { makeStyles, tokens } from "@fluentui/react-components";

const narrow = "@media (max-width: 640px)";

export const useTableStyles = makeStyles({
  table: {
    width: "100%",
    borderCollapse: "collapse",
    marginTop: tokens.spacingVerticalM,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    [narrow]: { display: "block" },
  },
  caption: {
    textAlign: "start",
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalS,
    [narrow]: { display: "block" },
  },
  head: {
    [narrow]: {
      // Column names move into each cell; keep the header for screen readers.
      position: "absolute",
      width: "1px",
      height: "1px",
      overflow: "hidden",
      clip: "rect(0 0 0 0)",
      whiteSpace: "nowrap",
    },
  },
  body: { [narrow]: { display: "block" } },
  headerCell: {
    textAlign: "start",
    verticalAlign: "bottom",
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  row: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    [narrow]: {
      display: "block",
      paddingBlock: tokens.spacingVerticalS,
    },
  },
  cell: {
    textAlign: "start",
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    overflowWrap: "anywhere",
    [narrow]: {
      display: "grid",
      gridTemplateColumns: "minmax(6.5em, 35%) 1fr",
      columnGap: tokens.spacingHorizontalM,
      paddingBlock: tokens.spacingVerticalXXS,
      "::before": {
        content: "attr(data-label)",
        fontWeight: tokens.fontWeightSemibold,
      },
    },
  },
  secondary: { display: "block", color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalXXS },
  more: { marginTop: tokens.spacingVerticalM },
});
