#!/usr/bin/env bash
# Builds a self-contained app-image and a .deb of Augur with jpackage (JDK 17+), from the packaged jar.
#   installer/build.sh            both
#   installer/build.sh app-image  only the app-image (about 150 MB, ~15 s)
#   installer/build.sh deb        only the .deb (declares libgtk-3-0; needs fakeroot/dpkg-deb, ~90 s)
# Output: target/installer/
set -euo pipefail
cd "$(dirname "$0")/.."

types=("${@:-app-image deb}")
read -r -a types <<<"${types[*]}"
# The project's own version: the first <version> in the pom (jpackage wants digits and dots only).
version=$(sed -n 's:^ *<version>\([0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)
version=${version:-0.1.0}
if [[ " ${types[*]} " == *" deb "* ]] && ! command -v fakeroot >/dev/null; then
  echo "building a .deb needs fakeroot and dpkg-deb: apt-get install -y fakeroot" >&2
  exit 1
fi

mvn -q -B package -DskipTests
input=target/jpackage-input
rm -rf "$input" target/installer
mkdir -p "$input" target/installer
cp target/augur.jar "$input/"
cp -r target/lib "$input/lib"

for type in "${types[@]}"; do
  args=(--type "$type" --name augur --app-version "$version" --vendor "Augur"
        --description "Workbench for recommender-system analysts who enrich their data with LLMs"
        --input "$input" --main-jar augur.jar --main-class dev.augur.Main
        --java-options "-Xmx2g" --dest target/installer)
  if [ "$type" = deb ]; then
    args+=(--linux-package-deps libgtk-3-0 --linux-shortcut --linux-menu-group Development)
  fi
  echo "jpackage --type $type"
  jpackage "${args[@]}"
done
ls -la target/installer
