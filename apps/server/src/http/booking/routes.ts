import {
  bookingSlots,
  bookSlot,
  DomainError,
  loadShopSettings,
  type Services,
} from "@rally/api";
import express, { type Request, type Response } from "express";

import { messagePage, slotsPage, whenLabel } from "./page.ts";

const invalidMessages = {
  malformed:
    "This booking link is incomplete. Please use the link from your email.",
  forged:
    "This booking link is not valid. Please use the link from your email.",
  expired: "This booking link has expired. Please call us to book.",
  used: "This booking link has already been used. Please call us to change your booking.",
  unknown:
    "We could not find the vehicle for this link. Please call us to book.",
} as const;

/**
 * The page a campaign email's booking link opens. The token in the path
 * is the only credential; every failure is a page, never an error.
 */
export function bookingRoutes(services: Services) {
  const routes = express.Router();
  routes.get("/book/:token", async (req, res) => {
    await renderSlots(services, req, res);
  });
  const form = express.urlencoded({ extended: false, limit: "10kb" });
  routes.post("/book/:token", form, async (req, res) => {
    const token = String(req.params.token);
    const slot = new Date(String(req.body?.slot ?? ""));
    try {
      const appointment = await bookSlot(services, { token, slot });
      const { timeZone } = await loadShopSettings(services.db);
      send(
        res,
        200,
        messagePage(
          "You're booked",
          `We'll see you ${whenLabel(appointment.scheduledFor, timeZone)}.`,
        ),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) {
        throw error;
      }
      const notice =
        error.field === "slot"
          ? "Sorry, that time was just taken or is not offered. Please pick another."
          : undefined;
      await renderSlots(services, req, res, notice, 409);
    }
  });

  return routes;
}

async function renderSlots(
  services: Services,
  req: Request,
  res: Response,
  notice?: string,
  failureStatus = 200,
) {
  const token = String(req.params.token);
  const page = await bookingSlots(services, { token });
  switch (page.status) {
    case "invalid":
      send(res, 200, messagePage("Booking link", invalidMessages[page.reason]));

      return;
    case "booked":
      send(
        res,
        200,
        messagePage(
          "You're booked",
          `Your appointment is ${whenLabel(page.scheduledFor, page.timeZone)}. Call us to change it.`,
        ),
      );

      return;
    case "open":
      send(
        res,
        notice ? failureStatus : 200,
        slotsPage({ ...page, action: req.originalUrl, notice }),
      );
  }
}

function send(res: Response, status: number, html: string) {
  res
    .status(status)
    .set("Cache-Control", "no-store")
    .set("Referrer-Policy", "no-referrer")
    .type("html")
    .send(html);
}
