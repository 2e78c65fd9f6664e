import { Button, Modal } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";

/**
 * A button that opens a dialog titled like it; the dialog's content gets
 * `close`, and is mounted afresh at each opening.
 */
export function DialogButton(props: {
  label: string;
  children: (close: () => void) => ReactNode;
}) {
  const [isOpen, dialog] = useDisclosure(false);

  return (
    <>
      <Button onClick={dialog.open}>{props.label}</Button>
      <Modal
        opened={isOpen}
        onClose={dialog.close}
        title={props.label}
        closeButtonProps={{ "aria-label": "Close" }}
      >
        {props.children(dialog.close)}
      </Modal>
    </>
  );
}
