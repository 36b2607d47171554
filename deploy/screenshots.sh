#!/usr/bin/env bash
# Regenerates docs/screenshots/: every page as each demo user who may see it, at 390 and 1280 px,
# in Vietnamese (EveryPageBrowserIT, real Chromium; needs Debian's chromium and chromium-driver,
# and axe-core under .ci/tools: npm install --prefix .ci/tools axe-core@4.11.0).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl deploy -am verify -Dtest=EveryPageBrowserIT -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbinhyen.screenshots="$PWD/docs/screenshots"
ls docs/screenshots | wc -l | xargs echo "screenshots in docs/screenshots:"
