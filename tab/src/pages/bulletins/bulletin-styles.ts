// Layout shared by the bulletin pages: the form or facts beside the card.
import { makeStyles, tokens } from "@fluentui/react-components";

export const useBulletinStyles = makeStyles({
  layout: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXXL, marginTop: tokens.spacingVerticalL, alignItems: "flex-start" },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, flexGrow: 1, flexBasis: "340px", minWidth: 0, maxWidth: "560px" },
  preview: { flexGrow: 1, flexBasis: "320px", minWidth: 0, position: "sticky", top: tokens.spacingVerticalL },
  group: { margin: 0, padding: 0, border: "none", minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  options: { display: "flex", flexDirection: "column" },
  finding: { marginLeft: tokens.spacingHorizontalXXL },
  buttons: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  counts: { display: "grid", gridTemplateColumns: "max-content max-content", columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalXS, margin: 0, marginTop: tokens.spacingVerticalM },
});
