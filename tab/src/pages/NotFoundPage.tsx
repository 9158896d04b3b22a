import { Link } from "@fluentui/react-components";
import { PageText } from "../components/PageText";
import { DEFAULT_ROUTE, hrefFor, routes } from "../routes";

export function NotFoundPage() {
  return (
    <PageText>
      There is no page at this address. <Link href={hrefFor(DEFAULT_ROUTE)}>Go to {routes[DEFAULT_ROUTE].title}</Link>
    </PageText>
  );
}
