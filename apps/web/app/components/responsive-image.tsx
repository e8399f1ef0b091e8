import { imageSources, type ShownImage } from "@clinic/domain";

/**
 * An uploaded image as `<picture>`: AVIF and WebP at each stored width for the browser to pick
 * from by `sizes`, the intrinsic width and height so the page keeps its place, and the image's
 * own alt text. Lazy unless it is the page's main image (`priority`: the LCP candidate).
 */
export function ResponsiveImage({
  image,
  sizes,
  className,
  priority = false,
}: {
  image: ShownImage;
  sizes: string;
  className?: string;
  priority?: boolean;
}) {
  const { src, width, height, sources } = imageSources(image);
  return (
    <picture>
      {sources.map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={sizes} />
      ))}
      <img
        className={className}
        src={src}
        alt={image.alt}
        width={width}
        height={height}
        loading={priority ? "eager" : "lazy"}
        decoding={priority ? "sync" : "async"}
      />
    </picture>
  );
}
