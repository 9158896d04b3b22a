import { PageText } from "../components/PageText";

export function MyWorkPage() {
  return (
    <>
      <PageText>My work will list your audits, reflections and actions.</PageText>
      <PageText>This page is not ready yet.</PageText>
    </>
  );
}
