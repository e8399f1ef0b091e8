import { Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";

const NAV_ITEMS = [
  { to: "/", label: "Home" },
  { to: "/practitioners", label: "Practitioners" },
  { to: "/services", label: "Services" },
  { to: "/blog", label: "Blog" },
  { to: "/testimonials", label: "Testimonials" },
  { to: "/contact", label: "Contact" },
] as const;

/**
 * One list of links for every screen size: on small screens it folds into a
 * <details> menu that opens without JavaScript; on wide screens CSS shows it inline.
 */
export function SiteHeader({ clinicName }: { clinicName: string | undefined }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const location = useLocation();

  // With JavaScript, navigation happens in place, so close the menu after each one.
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.key]);

  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            +
          </span>
          <span className="brand__name">{clinicName ?? "Clinic"}</span>
        </Link>
        <nav aria-label="Main" className="site-nav">
          <details className="site-nav__menu" ref={menu}>
            <summary className="site-nav__toggle">
              <span className="site-nav__toggle-icon" aria-hidden="true" />
              Menu
            </summary>
            <ul className="site-nav__list">
              {NAV_ITEMS.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.to === "/"}
                    prefetch="intent"
                    className="site-nav__link"
                  >
                    {item.label}
                  </NavLink>
                </li>
              ))}
              <li className="site-nav__cta">
                <Link to="/book" className="button button--primary">
                  Book Now
                </Link>
              </li>
            </ul>
          </details>
        </nav>
      </div>
    </header>
  );
}
