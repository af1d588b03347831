// remix.config.js turns on v3_singleFetch; this tells the types, so useLoaderData/useActionData infer
// what loaders and actions return through `data()` (docs: Remix 2 "Single Fetch", type inference).
import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
