#!/usr/bin/env bash
# Sets up a machine for Kompetanseassistenten: the Debian packages in scripts/system-packages.txt,
# then .venv with exactly the versions in constraints.txt (the lock CI tested).
#   bash scripts/setup.sh          the product
#   bash scripts/setup.sh --test   the product and its test tools
# Each step prints one line. Under CI=true a system package that could not be installed fails the run;
# elsewhere the product still installs and the line says what is off.
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
if [[ "${1:-}" == "--test" ]]; then
  extras="[test]"
fi
log="$(mktemp -t assistant-setup.XXXXXX)"

wanted=()
while read -r package what_for; do
  [[ -z "$package" || "$package" == \#* ]] && continue
  # A browser for the tests has no place on a machine that only runs the product.
  [[ -z "$extras" && "$what_for" == *"(tests only)"* ]] && continue
  wanted+=("$package")
done < scripts/system-packages.txt

missing_packages() {
  local package
  for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || echo "$package"
  done
}

install_system_packages() {
  local missing
  mapfile -t missing < <(missing_packages)
  if (( ${#missing[@]} == 0 )); then
    echo "system packages: ${wanted[*]} already installed"
    return
  fi
  if ! command -v apt-get >/dev/null || [[ "$(id -u)" != 0 ]]; then
    echo "system packages: apt-get is not available here (needs Debian and root), so ${missing[*]} are" \
      "not installed: what scripts/system-packages.txt lists them for is off (without Apertium, answers stay in" \
      "bokmål and say so)"
  # Install from the package lists as they are; if that fails (no lists, or stale ones), update them
  # and try once more.
  elif DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >"$log" 2>&1 \
    || { apt-get update -q >>"$log" 2>&1 \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >>"$log" 2>&1; }; then
    echo "system packages: installed ${missing[*]}"
  else
    echo "system packages: could not install ${missing[*]} (apt-get's output: $log): what" \
      "scripts/system-packages.txt lists them for is off"
  fi
  mapfile -t missing < <(missing_packages)
  if (( ${#missing[@]} > 0 )) && [[ "${CI:-}" == "true" ]]; then
    echo "system packages: ${missing[*]} missing under CI=true; stopping so that nothing goes untested" >&2
    exit 1
  fi
}

install_python_packages() {
  [[ -d .venv ]] || python3 -m venv .venv
  # torch first and on its own, so that pip takes the CPU build on this machine's disk, never a CUDA
  # build of several GB; then everything else at the locked versions.
  # --no-compile: Python compiles a module when it is first imported, so only what runs is compiled, not
  # every file of torch and the rest at install (about 3 of 5 minutes of an install here).
  if .venv/bin/pip install -q --no-compile torch==2.13.0 >"$log" 2>&1 \
    && .venv/bin/pip install -q --no-compile -c constraints.txt -e ".$extras" >>"$log" 2>&1; then
    echo "python packages: .venv has kompetanseassistenten$extras at the versions in constraints.txt"
  else
    grep -v "^WARNING: Location" "$log" | tail -20 >&2
    echo "python packages: pip failed (output above, whole log: $log)" >&2
    exit 1
  fi
}

install_system_packages
install_python_packages
