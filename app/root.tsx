// First: route modules build zod schemas as they load (see the module's comment).
import "~/utils/zod-browser.ts";
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import appStyles from "~/styles/app.css";
import { useNonce } from "~/utils/nonce.tsx";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: appStyles }];

export const meta: MetaFunction = () => [{ title: "OpenTCO" }];

export function Layout({ children }: { children: ReactNode }) {
  // The inline scripts Remix writes run only with this response's CSP nonce (ADR 014).
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

const ERROR_TITLES: Record<number, string> = { 400: "Bad request", 404: "Not found", 503: "Service unavailable" };

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    status === 404
      ? "This page does not exist, or you do not have access to it."
      : isRouteErrorResponse(error)
        ? (typeof error.data === "string" && error.data) || error.statusText || "Something went wrong."
        : "Something went wrong. The error has been logged.";
  return (
    <main id="main" className="page page--narrow">
      <h1>{ERROR_TITLES[status] ?? "Error"}</h1>
      <p role="alert">{message}</p>
      <p>
        <a href="/">Back to OpenTCO</a>
      </p>
    </main>
  );
}
