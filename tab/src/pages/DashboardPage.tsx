import { PageText } from "../components/PageText";

export function DashboardPage() {
  return (
    <>
      <PageText>The team dashboard will show how audits are going across your team: grades, themes and open actions.</PageText>
      <PageText>This page is not ready yet.</PageText>
    </>
  );
}
