import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { TRPCClientError } from "@trpc/client";
import { useState, type FormEvent, type ReactNode } from "react";

import { trpc } from "../trpc.ts";
import { PageLoader } from "./page-loader.tsx";

function isSignedOut(error: unknown) {
  return (
    error instanceof TRPCClientError &&
    (error.data as { code?: string } | undefined)?.code === "UNAUTHORIZED"
  );
}

/** The console behind a sign-in: staff see it only with a session. */
export function SignInGate({ children }: { children: ReactNode }) {
  const me = trpc.auth.me.useQuery(undefined, { staleTime: Infinity });
  if (me.isPending) {
    return <PageLoader />;
  }
  if (me.error && isSignedOut(me.error)) {
    return <SignInForm />;
  }

  return children;
}

function SignInForm() {
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: "", password: "" } });
  const login = trpc.auth.login.useMutation({
    // The live socket authenticates when it connects, so a fresh page
    // opens it again with the new session cookie.
    onSuccess: () => window.location.reload(),
    onError: (error) => setMessage(error.message),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMessage(null);
    login.mutate(form.getValues());
  };

  return (
    <Center mih="100vh" component="main">
      <Paper withBorder p="xl" w={360} shadow="sm">
        <form onSubmit={submit} aria-label="Sign in">
          <Stack>
            <Title order={1} size="h3">
              Sign in to Rally
            </Title>
            {message ? (
              <Alert color="red" role="alert">
                {message}
              </Alert>
            ) : null}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps("email")}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              {...form.getInputProps("password")}
            />
            <Button type="submit" loading={login.isPending}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
