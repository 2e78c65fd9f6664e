import { AppShell, Burger, Button, Group, NavLink, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Link, Outlet, useLocation } from "react-router";

import { pages } from "../pages.ts";
import { trpc } from "../trpc.ts";
import { LiveIndicator } from "./live-indicator.tsx";
import classes from "./console-shell.module.css";

const navPages = pages.filter((page) => page.navLabel);

function isActive(pathname: string, path: string) {
  return path === "/"
    ? pathname === "/"
    : pathname === path || pathname.startsWith(`${path}/`);
}

/** The table's pages that have a place in the navigation. */
function ConsoleNav({ onNavigate }: { onNavigate: () => void }) {
  const { pathname } = useLocation();

  return navPages.map((page) => {
    const isCurrent = isActive(pathname, page.path);

    return (
      <NavLink
        key={page.path}
        component={Link}
        to={page.path}
        label={page.navLabel}
        rightSection={page.navBadge ? <page.navBadge /> : undefined}
        variant="filled"
        active={isCurrent}
        aria-current={isCurrent ? "page" : undefined}
        onClick={onNavigate}
      />
    );
  });
}

/** The frame every page renders in: header, navigation and main area. */
export function ConsoleShell() {
  const [isNavOpen, { toggle, close }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{
        width: 220,
        breakpoint: "sm",
        collapsed: { mobile: !isNavOpen },
      }}
      padding="lg"
    >
      <a className={classes.skipLink} href="#main">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger
              opened={isNavOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Text component="span" fw={700} size="lg">
              Rally
            </Text>
          </Group>
          <Group gap="sm">
            <LiveIndicator />
            <SignOutButton />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        <ConsoleNav onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function SignOutButton() {
  const logout = trpc.auth.logout.useMutation({
    onSuccess: () => window.location.assign("/"),
  });

  return (
    <Button
      variant="subtle"
      size="compact-sm"
      loading={logout.isPending}
      onClick={() => logout.mutate()}
    >
      Sign out
    </Button>
  );
}
