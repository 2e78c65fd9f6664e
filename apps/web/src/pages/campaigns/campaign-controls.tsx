import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { RouterOutputs } from "@rally/client";

import { FormAlert } from "../../forms/form-alert.tsx";
import { formatCount } from "../../format.ts";
import { trpc } from "../../trpc.ts";

type Campaign = RouterOutputs["campaign"]["get"];

/** Cancelling cannot be undone, so it asks first and says what it stops. */
function CancelCampaign({ campaign }: { campaign: Campaign }) {
  const utils = trpc.useUtils();
  const [isAsking, asking] = useDisclosure(false);
  const cancel = trpc.campaign.cancel.useMutation({
    onSuccess: (next) => {
      utils.campaign.get.setData({ id: campaign.id }, next);
      asking.close();
    },
  });
  const queued = campaign.counts.QUEUED ?? 0;

  return (
    <>
      <Button color="red.8" variant="outline" onClick={asking.open}>
        Cancel campaign
      </Button>
      <Modal
        opened={isAsking}
        onClose={asking.close}
        title="Cancel this campaign?"
        closeButtonProps={{ "aria-label": "Close" }}
      >
        <Stack>
          <Text>
            {formatCount(queued)} queued emails will not be sent. Emails already
            with the provider still arrive. This cannot be undone.
          </Text>
          <FormAlert message={cancel.error?.message ?? null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={asking.close} data-autofocus>
              Keep sending
            </Button>
            <Button
              color="red.8"
              loading={cancel.isPending}
              onClick={() => cancel.mutate({ id: campaign.id })}
            >
              Cancel campaign
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/**
 * Pause, resume and cancel, offered only where the campaign's state
 * allows them; the page also follows the campaign's status events.
 */
export function CampaignControls({ campaign }: { campaign: Campaign }) {
  const utils = trpc.useUtils();
  const onSuccess = (next: Campaign) =>
    utils.campaign.get.setData({ id: campaign.id }, next);
  const pause = trpc.campaign.pause.useMutation({ onSuccess });
  const resume = trpc.campaign.resume.useMutation({ onSuccess });
  const { status } = campaign;
  const isRunning = status === "QUEUED" || status === "SENDING";
  const error = pause.error ?? resume.error;
  const input = { id: campaign.id };

  return (
    <Stack gap="xs" align="flex-end">
      <Group>
        {isRunning ? (
          <Button
            variant="default"
            loading={pause.isPending}
            onClick={() => pause.mutate(input)}
          >
            Pause
          </Button>
        ) : null}
        {status === "PAUSED" ? (
          <Button
            loading={resume.isPending}
            onClick={() => resume.mutate(input)}
          >
            Resume
          </Button>
        ) : null}
        {isRunning || status === "PAUSED" ? (
          <CancelCampaign campaign={campaign} />
        ) : null}
      </Group>
      <FormAlert message={error?.message ?? null} />
    </Stack>
  );
}
