import { Button, Group, Stack, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { conversationReplyInput, replyTextMax } from "@rally/api/schemas";

import { FormAlert } from "../../forms/form-alert.tsx";
import { schemaErrors } from "../../forms/form-errors.ts";
import { useRefusal } from "../../forms/use-refusal.ts";
import { trpc } from "../../trpc.ts";
import type { Message } from "./message-item.tsx";

function pendingReply(text: string, toAddress: string): Message {
  const now = new Date();

  return {
    id: -now.getTime(),
    direction: "OUTBOUND",
    status: "QUEUED",
    isReply: true,
    fromAddress: "",
    toAddress,
    subject: "",
    text,
    html: null,
    campaignId: null,
    vehicleId: null,
    sentAt: null,
    deliveredAt: null,
    createdAt: now,
    visibleText: text,
    intent: null,
  };
}

/**
 * Staff's answer. It shows in the thread at once as "Sending…"; if the
 * server refuses it, it leaves the thread and its text returns to the box.
 */
export function ReplyForm(props: { threadId: number; toAddress: string }) {
  const { threadId } = props;
  const utils = trpc.useUtils();
  const form = useForm({
    initialValues: { text: "" },
    validate: (values) =>
      schemaErrors(conversationReplyInput, { threadId, ...values }),
  });
  const refusal = useRefusal(form);
  const setMessages = (change: (messages: Message[]) => Message[]) =>
    utils.conversation.thread.setData({ threadId }, (thread) =>
      thread ? { ...thread, messages: change(thread.messages) } : thread,
    );
  const reply = trpc.conversation.reply.useMutation({
    onMutate: async ({ text }) => {
      await utils.conversation.thread.cancel({ threadId });
      const pending = pendingReply(text, props.toAddress);
      setMessages((messages) => [...messages, pending]);
      form.reset();

      return { pending };
    },
    // A refetch for another event while the reply is in flight drops the
    // stand-in; the reply then shows again with that event's refetch, a
    // flicker of a moment at worst.
    onSuccess: (email, _input, context) =>
      setMessages((messages) =>
        messages.some((message) => message.id === email.id)
          ? messages.filter((message) => message.id !== context.pending.id)
          : messages.map((message) =>
              message.id === context.pending.id
                ? { ...message, ...email }
                : message,
            ),
      ),
    onError: (error, input, context) => {
      if (context) {
        setMessages((messages) =>
          messages.filter((message) => message.id !== context.pending.id),
        );
      }
      form.setValues({ text: input.text });
      refusal.show(error);
    },
  });

  return (
    <form
      noValidate
      aria-label="Reply"
      onSubmit={form.onSubmit((values) => {
        refusal.clear();
        reply.mutate(conversationReplyInput.parse({ threadId, ...values }));
      })}
    >
      <Stack gap="xs">
        <Textarea
          label="Reply"
          description={`To ${props.toAddress}`}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={replyTextMax}
          {...form.getInputProps("text")}
        />
        <FormAlert message={refusal.message} />
        <Group justify="flex-end">
          <Button type="submit">Send reply</Button>
        </Group>
      </Stack>
    </form>
  );
}
