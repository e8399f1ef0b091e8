import { type JsonLd, serializeJsonLd } from "../formatting/json-ld";

/** Structured data for search engines; a data block, so the page's CSP does not need to allow it. */
export function JsonLdScript({ data }: { data: JsonLd }) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }}
    />
  );
}
