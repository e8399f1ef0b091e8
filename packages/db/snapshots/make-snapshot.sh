#!/usr/bin/env bash
# Writes the database as a release leaves it: every migration of that release applied and the
# demo clinic seeded, as plain SQL that both PostgreSQL and PGlite load (upgrade.test.ts).
# Run it on the release's commit, against an empty PostgreSQL database:
#   createdb -h 127.0.0.1 -U postgres clinic_snapshot
#   packages/db/snapshots/make-snapshot.sh postgres://postgres@127.0.0.1:5432/clinic_snapshot 0005
set -euo pipefail
url=$1
name=$2
here=$(cd "$(dirname "$0")" && pwd)
(cd "$here/.." && DATABASE_URL=$url pnpm exec tsx src/cli.ts seed >/dev/null)
# psql's \restrict lines and the empty search_path are for psql sessions; the loaders run plain SQL.
pg_dump --inserts --no-owner --no-privileges --dbname "$url" |
  grep -v -e '^\\restrict' -e '^\\unrestrict' -e "^SELECT pg_catalog.set_config('search_path'" \
    -e '^--' -e '^$' >"$here/release-$name.sql"
echo "Wrote $here/release-$name.sql"
