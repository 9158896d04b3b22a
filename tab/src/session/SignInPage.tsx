// Shown instead of a page that needs sign-in. In a plain browser on a
// server with no Microsoft 365 tenant: the local demo sign-in (choose who you
// are). Anywhere else: how to sign in (open Golden Thread in Teams).
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState, type FormEvent } from "react";
import { localSignInOffer, type LocalSignInOffer } from "../api/sign-in";
import { Loading, LoadError } from "../components/LoadState";
import { PageHeading } from "../components/PageHeading";
import { PageText } from "../components/PageText";
import { useSessionControl } from "./session-context";

const useStyles = makeStyles({
  notice: { marginTop: tokens.spacingVerticalL },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, marginTop: tokens.spacingVerticalL },
  people: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 260px), 1fr))",
    gap: tokens.spacingVerticalXS,
  },
  name: { display: "block", fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  detail: { display: "block", color: tokens.colorNeutralForeground2 },
  submit: { alignSelf: "flex-start" },
});

type Offer = { kind: "loading" } | { kind: "local"; offer: LocalSignInOffer } | { kind: "teams-only" } | { kind: "error"; message: string };

export function SignInPage() {
  const styles = useStyles();
  const { state, retry } = useSessionControl();
  const [attempt, setAttempt] = useState(0);
  const [offer, setOffer] = useState<Offer>({ kind: "loading" });

  useEffect(() => {
    if (state.kind !== "signed-out") return;
    let live = true;
    setOffer({ kind: "loading" });
    localSignInOffer().then(
      (answer) => live && setOffer(answer ? { kind: "local", offer: answer } : { kind: "teams-only" }),
      (error: unknown) => live && setOffer({ kind: "error", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [state.kind, attempt]);

  switch (state.kind) {
    case "off":
      return <PageText>Open Golden Thread in Microsoft Teams to sign in.</PageText>;
    case "checking":
    case "signed-in":
      return <Loading label="Signing you in…" />;
    case "failed":
      return (
        <>
          <PageHeading focusOnMount={false}>Sign in to Golden Thread</PageHeading>
          <LoadError title="You are not signed in" message={state.message} onRetry={retry} />
        </>
      );
    case "signed-out":
      return (
        <>
          <PageHeading focusOnMount={state.why !== "new"}>Sign in to Golden Thread</PageHeading>
          {state.why === "expired" && (
            <MessageBar intent="warning" layout="multiline" className={styles.notice}>
              <MessageBarBody>Your sign-in has expired. Choose who you are again.</MessageBarBody>
            </MessageBar>
          )}
          {state.why === "signed-out" && <PageText>You have signed out.</PageText>}
          {offer.kind === "loading" && <Loading label="Finding out how to sign in…" />}
          {offer.kind === "error" && <LoadError message={offer.message} onRetry={() => setAttempt((n) => n + 1)} />}
          {offer.kind === "teams-only" && <PageText>Open Golden Thread in Microsoft Teams to sign in.</PageText>}
          {offer.kind === "local" && <LocalSignIn offer={offer.offer} />}
        </>
      );
  }
}

function LocalSignIn({ offer }: { offer: LocalSignInOffer }) {
  const styles = useStyles();
  const { signInAs } = useSessionControl();
  const [chosen, setChosen] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setError("Choose who you are.");
      document.querySelector<HTMLInputElement>("#sign-in-people input[type=radio]")?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await signInAs(chosen);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "That sign-in did not work. Choose again.");
      setBusy(false);
    }
  };

  return (
    <>
      <MessageBar intent="info" layout="multiline" className={styles.notice}>
        <MessageBarBody>{offer.notice}</MessageBarBody>
      </MessageBar>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        <Field label="Who are you?" required validationMessage={error} validationState={error ? "error" : "none"}>
          <RadioGroup id="sign-in-people" className={styles.people} value={chosen} onChange={(_, data) => setChosen(data.value)}>
            {[...offer.people].sort((a, b) => a.displayName.localeCompare(b.displayName)).map((person) => (
              <Radio
                key={person.id}
                value={person.id}
                label={
                  <>
                    <span className={styles.name}>{person.displayName}</span>
                    {person.jobTitle && <span className={styles.detail}>{person.jobTitle}</span>}
                    <span className={styles.detail}>Roles: {person.roles.join(", ")}</span>
                  </>
                }
              />
            ))}
          </RadioGroup>
        </Field>
        <Button type="submit" appearance="primary" className={styles.submit} disabledFocusable={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </Button>
      </form>
    </>
  );
}
