import { Table, Text, type TableProps } from "@mantine/core";
import type { Key, ReactNode } from "react";

import { PageLoader } from "./page-loader.tsx";

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** A least width, for a cell that would be unreadable squeezed. */
  miw?: number;
}

type DataAttributes = Record<`data-${string}`, string | number>;

/**
 * A list as a table named for screen readers, one row per item and one
 * header per column; while loading a spinner, and with no rows the `empty`
 * sentence in its place. Rows without loaded data (`rows` undefined, as
 * after an error) show nothing: the page shows the error.
 */
export function ListTable<Row extends { id: number }>(
  props: {
    label: string;
    columns: Column<Row>[];
    rows: Row[] | undefined;
    empty: ReactNode;
    isPending?: boolean;
    rowKey?: (row: Row) => Key;
    rowAttributes?: (row: Row) => DataAttributes;
  } & Pick<TableProps, "striped" | "highlightOnHover" | "verticalSpacing">,
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

  return (
    <Table
      aria-label={props.label}
      striped={props.striped}
      highlightOnHover={props.highlightOnHover}
      verticalSpacing={props.verticalSpacing}
    >
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <Table.Th key={column.header}>{column.header}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr
            key={props.rowKey?.(row) ?? row.id}
            {...props.rowAttributes?.(row)}
          >
            {columns.map((column) => (
              <Table.Td key={column.header} miw={column.miw}>
                {column.cell(row)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
