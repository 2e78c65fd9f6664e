import { checkUnsubscribeToken, type Services, unsubscribe } from "@rally/api";
import express, { type Router } from "express";

/**
 * One-click unsubscribe (RFC 8058). A POST to the signed link (what mail
 * clients send from `List-Unsubscribe-Post`) unsubscribes at once; a GET,
 * which link scanners make too, only shows a page with a confirm button.
 */
export function unsubscribeRoutes(services: Services): Router {
  const routes = express.Router();
  routes.get("/unsubscribe/:token", async (req, res) => {
    const check = await checkUnsubscribeToken(services, req.params.token);
    if (!check.ok) {
      res
        .status(400)
        .type("html")
        .send(
          page(
            "This link is not valid",
            "<p>The unsubscribe link is broken or has expired. Reply to any of our emails and we will take you off the list.</p>",
          ),
        );

      return;
    }
    res.type("html").send(
      page(
        "Unsubscribe",
        `<p>Stop service reminders to <strong>${escapeHtml(maskAddress(check.address))}</strong>?</p>
<form method="post"><button type="submit">Unsubscribe</button></form>`,
      ),
    );
  });
  routes.post(
    "/unsubscribe/:token",
    express.urlencoded({ extended: false, limit: "4kb" }),
    async (req, res) => {
      const result = await unsubscribe(services, req.params.token);
      if (!result.ok) {
        res
          .status(400)
          .type("html")
          .send(
            page(
              "This link is not valid",
              "<p>The unsubscribe link is broken or has expired.</p>",
            ),
          );

        return;
      }
      services.logger.info({ emailId: result.emailId }, "unsubscribed");
      res
        .type("html")
        .send(
          page(
            "You are unsubscribed",
            "<p>You will get no more emails from us.</p>",
          ),
        );
    },
  );

  return routes;
}

function page(title: string, body: string) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}button{font-size:1rem;padding:.5rem 1rem}</style>
</head><body><h1>${title}</h1>${body}</body></html>`;
}

/** Shows enough of the address to recognise it, not enough to harvest it. */
function maskAddress(address: string) {
  const [user = "", domain = ""] = address.split("@");

  return `${user.slice(0, 2)}${"•".repeat(Math.max(1, user.length - 2))}@${domain}`;
}

function escapeHtml(value: string) {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
