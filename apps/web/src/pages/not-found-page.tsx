import { Anchor, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { Link } from "react-router";

export default function NotFoundPage() {
  useDocumentTitle("Not found · Rally");

  return (
    <Stack>
      <Title order={1}>No such page</Title>
      <Text>
        This address is not part of the console.{" "}
        <Anchor component={Link} to="/">
          Go to the live activity
        </Anchor>
        .
      </Text>
    </Stack>
  );
}
