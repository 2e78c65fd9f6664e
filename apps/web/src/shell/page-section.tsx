import { Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A titled part of a page, named by its heading for screen readers. */
export function PageSection(props: {
  id: string;
  title: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={props.id}>
      <Title order={2} size="h3" id={props.id} mb="xs">
        {props.title}
      </Title>
      {props.children}
    </section>
  );
}
