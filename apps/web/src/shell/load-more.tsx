import { Button, Group } from "@mantine/core";

/** The next page of an infinite query, on request; nothing when none is left. */
export function LoadMore(props: {
  list: {
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => Promise<unknown>;
  };
}) {
  const { list } = props;
  if (!list.hasNextPage) {
    return null;
  }

  return (
    <Group justify="center">
      <Button
        variant="default"
        loading={list.isFetchingNextPage}
        onClick={() => void list.fetchNextPage()}
      >
        Load more
      </Button>
    </Group>
  );
}
