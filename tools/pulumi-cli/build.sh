#!/usr/bin/env bash
# Builds the Pulumi CLI (`pulumi`) from Go modules, for the offline end-to-end tests, and writes the
# dynamic-provider plugin shim beside it. Prints the bin directory as the last line on stdout:
#
#   export PATH="$(tools/pulumi-cli/build.sh | tail -n1):$PATH"
#
# - A `pulumi` already on PATH at least as new as the pinned release is used as it is.
# - Otherwise the pinned release is built into a cache outside the repository, keyed by version:
#   ${PULUMI_CLI_CACHE:-$HOME/.cache/pulumi-yandex-backups/pulumi-cli}/<version>/bin, and reused.
# - PULUMI_CLI_FORCE_BUILD=1 ignores both and rebuilds.
#
# The Node.js language host is not built: its module is not served by the Go module proxy, so the
# end-to-end tests run programs inline through @pulumi/pulumi/automation, which needs only `pulumi`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then PATH="/usr/local/go/bin:$PATH"; fi

# The pinned release: the version of pkg/v3 in go.mod (v3.248.0 -> 3.248.0).
version="$(awk '$1 == "require" { $1 = ""; $0 = $0 } $1 == "github.com/pulumi/pulumi/pkg/v3" { sub(/^v/, "", $2); print $2; exit }' "$here/go.mod")"
[ -n "$version" ] || { echo "build.sh: no pulumi/pkg/v3 version in $here/go.mod" >&2; exit 1; }

# version_ge A B: A >= B, comparing X.Y.Z (a leading v and any suffix ignored).
version_ge() {
  local a="${1#v}" b="${2#v}"
  a="${a%%[-+]*}"
  b="${b%%[-+]*}"
  [ "$(printf '%s\n%s\n' "$a" "$b" | sort -t. -k1,1n -k2,2n -k3,3n | head -n1)" = "$b" ]
}

write_shim() {
  local dir="$1" tmp
  tmp="$(mktemp "$dir/.shim.XXXXXX")"
  cat >"$tmp" <<'SHIM'
#!/bin/sh
# The Pulumi dynamic-provider plugin: @pulumi/pulumi/cmd/dynamic-provider as the program's directory
# (the engine's working directory) resolves it.
entry="$(node -e "console.log(require.resolve('@pulumi/pulumi/cmd/dynamic-provider'))")" || {
  echo "pulumi-resource-pulumi-nodejs: cannot resolve @pulumi/pulumi from $(pwd)" >&2
  exit 1
}
exec node "$entry" "$@"
SHIM
  chmod 0755 "$tmp"
  mv -f "$tmp" "$dir/pulumi-resource-pulumi-nodejs"
}

if [ "${PULUMI_CLI_FORCE_BUILD:-0}" != "1" ] && existing="$(command -v pulumi 2>/dev/null)"; then
  existing_version="$(PULUMI_SKIP_UPDATE_CHECK=true "$existing" version 2>/dev/null | head -n1 || true)"
  if [ -n "$existing_version" ] && version_ge "$existing_version" "$version"; then
    bindir="$(dirname "$existing")"
    if [ ! -x "$bindir/pulumi-resource-pulumi-nodejs" ] && ! command -v pulumi-resource-pulumi-nodejs >/dev/null; then
      shimdir="${PULUMI_CLI_CACHE:-$HOME/.cache/pulumi-yandex-backups/pulumi-cli}/shim"
      mkdir -p "$shimdir"
      write_shim "$shimdir"
      echo "build.sh: using pulumi $existing_version from PATH, shim in $shimdir" >&2
      echo "$shimdir:$bindir"
      exit 0
    fi
    echo "build.sh: using pulumi $existing_version from PATH (pinned: v$version)" >&2
    echo "$bindir"
    exit 0
  fi
fi

vdir="${PULUMI_CLI_CACHE:-$HOME/.cache/pulumi-yandex-backups/pulumi-cli}/$version"
bindir="$vdir/bin"
mkdir -p "$vdir"
if [ "${PULUMI_CLI_FORCE_BUILD:-0}" != "1" ] && [ -x "$bindir/pulumi" ]; then
  write_shim "$bindir"
  echo "build.sh: reusing pulumi v$version in $bindir" >&2
  echo "$bindir"
  exit 0
fi

log="$vdir/build.log"
echo "build.sh: building pulumi v$version (log: $log) ..." >&2
start=$(date +%s)
stage="$(mktemp -d "$vdir/.bin.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
# The flags and tags of Pulumi's own release build.
if ! (
  cd "$here"
  CGO_ENABLED=0 go build -v -trimpath -buildvcs=false -mod=readonly -tags osusergo,grpcnotrace \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" \
    -o "$stage/" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
) >"$log" 2>&1; then
  echo "build.sh: go build failed; the end of $log:" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
write_shim "$stage"
chmod 0755 "$stage"
rm -rf "$bindir.old"
if [ -d "$bindir" ]; then mv "$bindir" "$bindir.old"; fi
mv "$stage" "$bindir"
rm -rf "$bindir.old"
trap - EXIT
echo "build.sh: built pulumi v$version in $(( $(date +%s) - start )) s -> $bindir" >&2
echo "$bindir"
