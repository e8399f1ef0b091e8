import type { ShownImage } from "@clinic/domain";
import { initials } from "../formatting/initials";
import { ResponsiveImage } from "./responsive-image";

/**
 * A practitioner's photo, or their initials on a calm tint when there is none. An uploaded
 * photo comes in several sizes; an older single upload is shown as it is. Other addresses are
 * not: the site's CSP loads only its own images, and a blocked one would leave an empty circle.
 */
export function Avatar({
  name,
  photo,
  photoUrl,
  size = "md",
  priority = false,
}: {
  name: string;
  photo: ShownImage | null;
  photoUrl: string | null;
  size?: "md" | "lg";
  priority?: boolean;
}) {
  const pixels = size === "lg" ? 160 : 96;
  if (photo) {
    return (
      <ResponsiveImage
        image={photo}
        sizes={`${pixels}px`}
        className={`avatar avatar--${size}`}
        priority={priority}
      />
    );
  }
  if (photoUrl?.startsWith("/uploads/")) {
    return (
      <img
        className={`avatar avatar--${size}`}
        src={photoUrl}
        alt={`Portrait of ${name}`}
        loading={priority ? "eager" : "lazy"}
        width={pixels}
        height={pixels}
      />
    );
  }
  return (
    <span className={`avatar avatar--${size} avatar--initials`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
