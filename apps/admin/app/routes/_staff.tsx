import { staffRoleLabels } from "@clinic/domain";
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { navigationFor } from "../components/staff-navigation";
import { requireStaffWith } from "../server/staff-access.server";
import staffStylesUrl from "../styles/staff.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffStylesUrl }];

/** The signed-in shell: header, who is signed in, sign-out, and the areas the user's role may open. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request);
  const settings = await api.settings.get.query();
  return {
    clinicName: settings.name,
    user: { name: user.name, roleLabel: staffRoleLabels[user.role] },
    navigation: navigationFor(user.role).map(({ to, label, end }) => ({
      to,
      label,
      end: end ?? false,
    })),
  };
}

export default function StaffLayout() {
  const { clinicName, user, navigation } = useLoaderData<typeof loader>();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__name">{clinicName}</span>
            <span className="brand__tag">Admin</span>
          </Link>
          <div className="account">
            <span className="account__name">
              {user.name}
              <span className="visually-hidden">, </span>
              <span className="account__role">{user.roleLabel}</span>
            </span>
            <Form method="post" action="/sign-out">
              <button type="submit" className="button button--quiet">
                Sign out
              </button>
            </Form>
          </div>
        </div>
        <nav className="site-nav" aria-label="Admin areas">
          <ul className="site-nav__list">
            {navigation.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} className="site-nav__link">
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
