import { Anchor, Badge, Group, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { Link } from "react-router";

/** A detail page's title under a link back to its list. */
export function DetailHeading(props: {
  title: string;
  back: { to: string; label: string };
  isArchived?: boolean;
}) {
  useDocumentTitle(`${props.title} · Rally`);

  return (
    <div>
      <Anchor component={Link} to={props.back.to} size="sm">
        {props.back.label}
      </Anchor>
      <Group gap="sm">
        <Title order={1}>{props.title}</Title>
        {props.isArchived ? <Badge color="gray">archived</Badge> : null}
      </Group>
    </div>
  );
}
