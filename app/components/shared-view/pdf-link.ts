/**
 * Whether the shared PDF route (`app/routes/s.$token.pdf.ts[x]`, issue 8) exists. The shared view
 * links to it only when this is true and the link allows the PDF; set it in the same change that adds
 * the route (tests/integration/share-links.test.ts fails while the two disagree).
 */
export const SHARED_PDF_ROUTE_EXISTS = true;
