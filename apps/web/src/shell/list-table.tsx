import { Table, Text, VisuallyHidden, type TableProps } from "@mantine/core";
import type { Key, ReactNode } from "react";

import { PageLoader } from "./page-loader.tsx";

export interface Column<Row> {
  /** The column's name; also its React key, so unique within a table. */
  header: string;
  cell: (row: Row) => ReactNode;
  /** A least width, for a cell that would be unreadable squeezed. */
  miw?: number;
  /** Right-aligned, header too, so the digits of a count line up. */
  isNumeric?: boolean;
  /** Named for screen readers only, as a column of row buttons is. */
  isHeaderHidden?: boolean;
}

type DataAttributes = Record<`data-${string}`, string | number>;

/** Rows with an `id` are keyed by it; any other row needs a `rowKey`. */
type RowKey<Row> = [Row] extends [{ id: Key }]
  ? { rowKey?: (row: Row) => Key }
  : { rowKey: (row: Row) => Key };

type TableLook = Pick<
  TableProps,
  "striped" | "highlightOnHover" | "verticalSpacing" | "withRowBorders"
>;

/**
 * A list as a table named for screen readers, one row per item and one
 * header per column; while loading a spinner, and with no rows the `empty`
 * sentence in its place. Rows without loaded data (`rows` undefined, as
 * after an error) show nothing: the page shows the error.
 */
export function ListTable<Row>(
  props: {
    label: string;
    columns: Column<Row>[];
    rows: readonly Row[] | undefined;
    empty: ReactNode;
    isPending?: boolean;
    /** Leaves out the header row, for a list whose cells name themselves. */
    hasHeaderRow?: boolean;
    /** For a list that grows while it is read, such as a live feed. */
    "aria-live"?: "polite";
    rowAttributes?: (row: Row) => DataAttributes;
  } & RowKey<Row> &
    TableLook,
) {
  const { columns, rows } = props;
  if (props.isPending) {
    return <PageLoader />;
  }
  if (rows === undefined) {
    return null;
  }
  if (rows.length === 0) {
    return <Text c="dimmed">{props.empty}</Text>;
  }
  const keyOf = props.rowKey ?? ((row: Row) => (row as { id: Key }).id);

  return (
    <Table
      aria-label={props.label}
      aria-live={props["aria-live"]}
      striped={props.striped}
      highlightOnHover={props.highlightOnHover}
      verticalSpacing={props.verticalSpacing}
      withRowBorders={props.withRowBorders}
    >
      {props.hasHeaderRow === false ? null : <HeaderRow columns={columns} />}
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={keyOf(row)} {...props.rowAttributes?.(row)}>
            {columns.map((column) => (
              <Table.Td
                key={column.header}
                miw={column.miw}
                ta={column.isNumeric ? "right" : undefined}
              >
                {column.cell(row)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function HeaderRow<Row>({ columns }: { columns: Column<Row>[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column) => (
          <Table.Th
            key={column.header}
            ta={column.isNumeric ? "right" : undefined}
          >
            {column.isHeaderHidden ? (
              <VisuallyHidden>{column.header}</VisuallyHidden>
            ) : (
              column.header
            )}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
