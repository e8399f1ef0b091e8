export interface PostalAddress {
  street: string;
  suburb: string;
  state: string;
  postcode: string;
  country: string;
}

/** An address as printed on an envelope: ["12 King St", "Newtown NSW 2042", "Australia"]. */
export function addressLines(address: PostalAddress): string[] {
  const locality = [address.suburb, address.state, address.postcode]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(" ");
  return [address.street.trim(), locality, address.country.trim()].filter(Boolean);
}

/** A `tel:` link for a phone number as people write it ("(02) 9555 0123" → "tel:0295550123"). */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, "");
  return `tel:${trimmed.startsWith("+") ? "+" : ""}${digits}`;
}

/**
 * A directions link to the clinic's address on a map (the visitor's maps app
 * opens it): built from the address alone, so rendering fetches nothing.
 */
export function directionsHref(name: string, address: PostalAddress): string {
  const destination = [name, ...addressLines(address)].join(", ");
  return `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(destination)}`;
}
