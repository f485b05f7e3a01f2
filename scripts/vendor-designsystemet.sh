#!/usr/bin/env bash
# Vendor Designsystemet (Digdir) CSS for the web page: fetch the pinned npm release, keep only the components
# the page uses (the whole index.css alone is 147 KB, and the first page load must stay under 150 KB), and
# write assistant/web/static/designsystemet/. Rerun with another VERSION to update, then run pytest tests/web.
set -euo pipefail
VERSION="${VERSION:-1.22.0}"
# The components the templates use, in the order index.css has them (base first: its own layer).
COMPONENTS="alert button card details dialog error-summary field fieldset heading input label link paragraph
  skip-link table tag validation-message"
DEST="$(cd "$(dirname "$0")/.." && pwd)/assistant/web/static/designsystemet"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@digdir/designsystemet-css@$VERSION" >/dev/null \
  && tar xzf "digdir-designsystemet-css-$VERSION.tgz")
src="$work/package/dist"
mkdir -p "$DEST"
rm -f "$DEST"/*.css "$DEST"/LICENSE*
{
  printf '/* @digdir/designsystemet-css %s (MIT): base and the components the page uses. Built by scripts/vendor-designsystemet.sh. */\n' "$VERSION"
  printf '@layer ds.theme, ds.base, ds.components;\n@layer ds.base{'
  cat "$src/src/base.css" "$src/src/data-size-workaround.css"
  printf '}\n@layer ds.components{'
  for c in $COMPONENTS; do cat "$src/src/$c.css"; printf '\n'; done
  printf '}\n'
} > "$DEST/components.css"
cp "$src/theme/designsystemet.css" "$DEST/theme.css"  # the package's own default theme (design tokens)
cp "$work/package/LICENSE" "$DEST/LICENSE"
cd "$DEST" && sha256sum components.css theme.css LICENSE
