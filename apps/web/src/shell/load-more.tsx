import { Button, Group } from "@mantine/core";

interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** The next page of an infinite query, while there is one. */
export function LoadMore(props: { query: PagedQuery; label?: string }) {
  const { query } = props;
  if (!query.hasNextPage) {
    return null;
  }

  return (
    <Group justify="center">
      <Button
        variant="default"
        loading={query.isFetchingNextPage}
        onClick={() => void query.fetchNextPage()}
      >
        {props.label ?? "Load more"}
      </Button>
    </Group>
  );
}
