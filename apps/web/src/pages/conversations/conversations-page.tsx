import { Grid, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useParams } from "react-router";

import { useCanAct } from "../../shell/use-can-act.ts";
import { InboxList } from "./inbox-list.tsx";
import { ThreadView } from "./thread-view.tsx";

/** The inbox beside the open thread; both follow replies as they arrive. */
export default function ConversationsPage() {
  useDocumentTitle("Conversations · Rally");
  const param = Number(useParams().threadId);
  const threadId = Number.isInteger(param) && param > 0 ? param : null;
  const canAct = useCanAct();

  return (
    <>
      <Title order={1} mb="md">
        Conversations
      </Title>
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <InboxList currentThreadId={threadId} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {threadId === null ? (
            <Text c="dimmed">Choose a conversation to read it.</Text>
          ) : (
            <ThreadView key={threadId} threadId={threadId} canAct={canAct} />
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
