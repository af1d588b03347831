import type { CitationView } from "~/reports/sources.ts";

/** One source: publisher, the title as a link to its primary page, and its date. */
export function Citation({ citation }: { citation: CitationView }) {
  return (
    <span className="citation">
      {citation.publisher === null ? null : <>{citation.publisher}, </>}
      {citation.url === null ? (
        <cite>{citation.title}</cite>
      ) : (
        <a href={citation.url} rel="noreferrer">
          <cite>{citation.title}</cite>
        </a>
      )}
      , <time dateTime={citation.date}>{citation.date}</time>
    </span>
  );
}

/** Several sources, separated by semicolons. */
export function Citations({ citations }: { citations: readonly CitationView[] }) {
  return (
    <>
      {citations.map((citation, index) => (
        <span key={`${citation.url ?? citation.title}|${index}`}>
          {index === 0 ? null : "; "}
          <Citation citation={citation} />
        </span>
      ))}
    </>
  );
}
